/**
 * The `Database` type of lib/supabase/database.types.ts, generated from the migrations.
 *
 * Supabase's own generator, @supabase/postgres-meta (what `supabase gen types` runs in
 * a Docker container), runs here as a plain Node process against a fresh database on
 * the PostgreSQL server the tests use, migrated exactly as the tests migrate one (the
 * local stack applies supabase/migrations through its postgres driver). No Docker.
 * Used by `npm run db:types` (writes the file) and by the staleness test
 * (tests/advisors/database-types.test.ts, which compares).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import * as prettier from "prettier";
import { createTestDatabase } from "../../tests/support/postgres-server";
import { startTestStack } from "../../tests/support/test-stack";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export const DATABASE_TYPES_FILE = path.join(projectRoot, "lib/supabase/database.types.ts");
export const DATABASE_TYPES_COMMAND = "npm run db:types";

/** The schemas the API exposes (supabase/lite.toml, [api] schemas). */
const EXPOSED_SCHEMAS = ["public"];

const HEADER = `// Generated from supabase/migrations by \`${DATABASE_TYPES_COMMAND}\` (@supabase/postgres-meta).
// Do not edit: change a migration and run the command again.
`;

/** Runs postgres-meta's type generator against a migrated database and returns its output. */
async function runPostgresMeta(dbUrl: string): Promise<string> {
  const server = path.join(
    projectRoot,
    "node_modules/@supabase/postgres-meta/dist/server/server.js",
  );
  const child = spawn(process.execPath, [server], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PG_META_DB_URL: dbUrl,
      PG_META_GENERATE_TYPES: "typescript",
      PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: EXPOSED_SCHEMAS.join(","),
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0 || !stdout.includes("export type Database")) {
    throw new Error(`postgres-meta failed (exit code ${code}):\n${stderr || stdout}`);
  }
  return stdout;
}

/** The file's content: generated, headed and formatted with the project's prettier config. */
export async function generateDatabaseTypes(): Promise<string> {
  const database = await createTestDatabase("tenantkit_types");
  try {
    const { stop } = await startTestStack({ driver: "postgres", dbUrl: database.url });
    // The stack only migrates: postgres-meta reads the catalog directly.
    await stop();
    const generated = await runPostgresMeta(database.url);
    const config = (await prettier.resolveConfig(DATABASE_TYPES_FILE)) ?? {};
    return prettier.format(HEADER + generated, { ...config, filepath: DATABASE_TYPES_FILE });
  } finally {
    await database.drop();
  }
}
