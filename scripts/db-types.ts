/**
 * `npm run db:types`: regenerates lib/supabase/database.types.ts from supabase/migrations
 * (see scripts/lib/database-types.ts). Needs the PostgreSQL server of the tests:
 * TENANTKIT_TEST_POSTGRES_URL, default postgres://postgres:postgres@127.0.0.1:5432/postgres.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { postgresServerProblem } from "../tests/support/postgres-server";
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from "./lib/database-types";

const problem = await postgresServerProblem();
if (problem) {
  console.error(
    `db:types needs a PostgreSQL server to migrate a scratch database on (${problem}).\n` +
      "Set TENANTKIT_TEST_POSTGRES_URL to one (docs/local-stack.md).",
  );
  process.exit(1);
}

const content = await generateDatabaseTypes();
const relative = path.relative(process.cwd(), DATABASE_TYPES_FILE);
let previous = "";
try {
  previous = readFileSync(DATABASE_TYPES_FILE, "utf8");
} catch {
  // First generation.
}
if (previous === content) {
  console.log(`${relative} is up to date.`);
} else {
  writeFileSync(DATABASE_TYPES_FILE, content);
  console.log(`Wrote ${relative}.`);
}
