/** Flag parsing shared by the tenant commands: unknown flags are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "../../lib/supabase/database.types";
import { CommandError, UsageError } from "./context";

export function flags<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--x'"); keep them, drop its advice.
    throw new UsageError(error instanceof Error ? error.message.split(". ")[0]! : String(error));
  }
}

/** Only `--name value` options, each optional: the values that were given. */
export function stringFlags<const Names extends string>(
  args: string[],
  names: readonly Names[],
): Partial<Record<Names, string>> {
  const values: Record<string, string | boolean | undefined> = flags(
    args,
    Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
  );
  const given: Partial<Record<Names, string>> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === "string") given[name] = value;
  }
  return given;
}

export function required(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`Give ${flag}.`);
  return value.trim();
}

/** The workspace a --slug names (the service role reads every workspace). */
export async function workspaceBySlug(supabase: SupabaseClient<Database>, slug: string) {
  const { data, error } = await supabase
    .from("organizations")
    .select("id, slug, name, suspended_at, deletion_due_at")
    .eq("slug", slug.toLowerCase())
    .maybeSingle();
  if (error) throw new CommandError(`Could not read the workspace: ${error.message}`);
  if (!data) throw new CommandError(`No workspace has the slug ${slug}.`);
  return data;
}

/** A refusal of the platform as one line: the database's hint, else its code. */
export const refusal = (error: { message: string; hint?: string | null }) =>
  new CommandError(error.hint ?? error.message);
