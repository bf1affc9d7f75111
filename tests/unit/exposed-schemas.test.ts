/**
 * The API must not expose the schemas that hold helpers, trigger functions and the
 * platform log: their functions would become /rest/v1/rpc/<name> endpoints running
 * with their owner's rights. The local stack's list is supabase/lite.toml; a hosted
 * project's is supabase/config.toml (when present) or the dashboard's "Exposed
 * schemas". The attack matrix checks the running stack as well.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const NEVER_EXPOSED = ["private", "platform"];

/** The `schemas = [...]` value of the `[api]` table of a Supabase TOML config, or undefined. */
function apiSchemas(toml: string): string[] | undefined {
  const section = /^\[api\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? "";
  const list = /^\s*schemas\s*=\s*\[([^\]]*)\]/m.exec(section)?.[1];
  if (list === undefined) return undefined;
  return [...list.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
}

const config = (file: string) => path.join(import.meta.dirname, "../../supabase", file);

describe("exposed schemas", () => {
  it("reads [api] schemas from a TOML config", () => {
    expect(apiSchemas('[api]\nport = 1\nschemas = ["public", "graphql_public"]\n[db]\n')).toEqual([
      "public",
      "graphql_public",
    ]);
    expect(apiSchemas('[db]\nschemas = ["private"]\n')).toBeUndefined();
  });

  it("the local stack (supabase/lite.toml) serves public only", () => {
    expect(apiSchemas(readFileSync(config("lite.toml"), "utf8"))).toEqual(["public"]);
  });

  it.runIf(existsSync(config("config.toml")))(
    "the Supabase CLI config (supabase/config.toml) does not expose private or platform",
    () => {
      const schemas = apiSchemas(readFileSync(config("config.toml"), "utf8")) ?? [];
      expect(schemas).toContain("public");
      expect(schemas.filter((schema) => NEVER_EXPOSED.includes(schema))).toEqual([]);
    },
  );
});
