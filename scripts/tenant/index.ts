/**
 * `npm run tenant -- <command> …`: the operator's commands for tenants and staff.
 * They talk to the Supabase HTTP API with the service-role key of `.env.local`
 * (the local stack of `npm run dev` / `npm run db:start`, or a hosted project when
 * `.env.local` points there). Every change they make is in the platform log.
 *
 * A command is a TenantCommand (./context.ts) in its own file, listed below.
 */
import { userInfo } from "node:os";
import { createClient } from "@supabase/supabase-js";
import type { Database } from "../../lib/supabase/database.types";
import { loadEnvLocal, requireEnv } from "../lib/local-env";
import { adminCommand } from "./admin";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { listCommand } from "./list";
import { offboardCommand } from "./offboard";
import { provisionCommand } from "./provision";
import { purgeCommand } from "./purge";
import { resumeCommand, suspendCommand } from "./suspend";
import { CommandError, UsageError, type TenantCommand, type TenantCommandContext } from "./context";

export const commands: TenantCommand[] = [
  adminCommand,
  provisionCommand,
  listCommand,
  suspendCommand,
  resumeCommand,
  offboardCommand,
  purgeCommand,
  exportCommand,
  importCommand,
];

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    "Usage: npm run tenant -- <command> [arguments]",
    "",
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "npm run tenant -- <command> --help  shows a command's arguments.",
  ].join("\n");
}

/** Runs one command line; returns the exit code. Used by main() and by the tests. */
export async function runTenantCommand(
  argv: string[],
  context: TenantCommandContext,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "help") {
    context.print(help());
    return name ? 0 : 2;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.print(`Unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help")) {
    context.print(command.usage);
    return 0;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.print(`✗ ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof CommandError) {
      context.print(`✗ ${error.message}`);
      return 1;
    }
    throw error;
  }
}

async function main() {
  loadEnvLocal();
  const url = requireEnv("NEXT_PUBLIC_SUPABASE_URL");
  const supabase = createClient<Database>(url, requireEnv("SUPABASE_SECRET_KEY"), {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  // Say so plainly when the stack is not running, instead of a fetch stack trace.
  const reachable = await fetch(`${url}/rest/v1/`, { method: "HEAD" }).then(
    () => true,
    () => false,
  );
  if (!reachable) {
    console.error(
      `✗ The Supabase API at ${url} is not reachable. Start the local stack (npm run dev or npm run db:start), or point .env.local at your project.`,
    );
    return 1;
  }
  return runTenantCommand(process.argv.slice(2), {
    supabase,
    siteUrl: process.env.NEXT_PUBLIC_SITE_URL ?? "http://localhost:3000",
    operator: process.env.TENANTKIT_OPERATOR ?? userInfo().username,
    print: (line) => console.log(line),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
