import type { TestProject } from "vitest/node";
import { readApiPrivileges } from "../support/api-grants";
import { readCatalogSnapshot } from "../support/catalog-snapshot";
import { createTestDatabase, redact, type TestDatabase } from "../support/postgres-server";
import { runSql } from "../support/sql";
import { startTestStack } from "../support/test-stack";

declare module "vitest" {
  export interface ProvidedContext {
    stack: import("../support/test-stack").TestStackInfo;
    catalog: import("../support/catalog-snapshot").CatalogSnapshot;
    /** The same for schema `private` (helpers and triggers), which the API must not expose. */
    privateCatalog: import("../support/catalog-snapshot").CatalogSnapshot;
    /** The script that gives anon and authenticated back the privileges the migrations wrote. */
    apiPrivileges: string;
    /** The test database on the PostgreSQL server, or null on PGlite (single connection). */
    databaseUrl: string | null;
  }
}

/**
 * One stack for the integration project. TENANTKIT_TEST_DRIVER=postgres runs it on
 * a fresh database of a real PostgreSQL server (tests/support/postgres-server.ts);
 * the default is PGlite.
 */
export default async function setup(project: TestProject) {
  const driver = process.env.TENANTKIT_TEST_DRIVER === "postgres" ? "postgres" : "pglite";
  let database: TestDatabase | undefined;
  if (driver === "postgres") {
    database = await createTestDatabase();
    console.log(`integration: PostgreSQL database ${redact(database.url)}`);
  }
  const { info, stop } = await startTestStack({ driver, dbUrl: database?.url });
  const query = (sql: string) => runSql(info, sql);
  const teardown = async () => {
    await stop();
    await database?.drop();
  };
  try {
    // Mutation testing: extra SQL applied like one more migration, to watch a gate
    // fail on purpose (docs/security.md, "Proving the gates can fail"). Never set in CI.
    if (process.env.TENANTKIT_TEST_EXTRA_SQL) await query(process.env.TENANTKIT_TEST_EXTRA_SQL);
    // The stack has already made Lite's first-request grants and taken them back
    // (scripts/stack/api-grants.ts): the catalog shows the privileges the migrations
    // wrote, which are what hosted Supabase enforces.
    project.provide("catalog", await readCatalogSnapshot(query, ["public"]));
    project.provide("privateCatalog", await readCatalogSnapshot(query, ["private"]));
    const privileges = await readApiPrivileges(query);
    project.provide("apiPrivileges", privileges);

    project.provide("stack", info);
    project.provide("databaseUrl", database?.url ?? null);
    return async () => {
      try {
        // Nothing may have re-granted behind the suites' back (the "RLS alone" pass
        // grants everything on purpose, and restores).
        const after = await readApiPrivileges(query);
        if (after !== privileges)
          throw new Error(
            "the API roles' privileges changed during the run: some suite did not run against the migrated grants",
          );
      } finally {
        await teardown();
      }
    };
  } catch (error) {
    await teardown();
    throw error;
  }
}
