/**
 * What every `npm run tenant` command gets: the platform's client (the service-role
 * key over the Supabase HTTP API, so the same commands run against hosted Supabase
 * when `.env.local` points there), where the app is served, and where to print.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "../../lib/supabase/database.types";

export interface TenantCommandContext {
  supabase: SupabaseClient<Database>;
  /** The app's public URL (NEXT_PUBLIC_SITE_URL), for the links a command prints. */
  siteUrl: string;
  /** Who runs the command, recorded in the platform log (TENANTKIT_OPERATOR or the OS user). */
  operator: string;
  print: (line: string) => void;
  /** Sends an email; the commands use the SMTP settings of .env.local when absent (tests capture it). */
  sendEmail?: (message: {
    to: string;
    subject: string;
    html: string;
    text: string;
  }) => Promise<void>;
}

export interface TenantCommand {
  /** The first word after `npm run tenant --`. */
  name: string;
  summary: string;
  /** Printed by `--help` and after a usage error. */
  usage: string;
  /** Returns the exit code. Throws UsageError for bad arguments (printed without a stack). */
  run(args: string[], context: TenantCommandContext): Promise<number>;
}

/** A mistake in the command line or its values: shown as one line plus the usage. */
export class UsageError extends Error {}

/** An expected refusal from the platform (e.g. "no such workspace"): one line, exit 1. */
export class CommandError extends Error {}
