/**
 * The real PostgreSQL server the second integration run and the advisors use.
 *
 * TENANTKIT_TEST_POSTGRES_URL points at a maintenance database on that server, as a
 * role that may create databases and roles (Supabase Lite creates anon,
 * authenticated, service_role and the auth schema). Default:
 * postgres://postgres:postgres@127.0.0.1:5432/postgres, which is what `.ci/run` sets up
 * on Debian (package `postgresql`, cluster started with pg_ctlcluster, password set
 * for the postgres role). Each run creates its own database, tenantkit_test_<random>,
 * and drops it afterwards.
 */
import { randomBytes } from "node:crypto";

export const DEFAULT_POSTGRES_URL = "postgres://postgres:postgres@127.0.0.1:5432/postgres";

export const postgresServerUrl = () =>
  process.env.TENANTKIT_TEST_POSTGRES_URL || DEFAULT_POSTGRES_URL;

/** The URL with its password masked, for messages. */
export const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

export type Sql = {
  unsafe(query: string): Promise<unknown[]>;
  begin<T>(callback: (sql: Sql) => Promise<T>): Promise<T>;
  end(options?: { timeout?: number }): Promise<void>;
};

/**
 * postgres.js, the driver @supabase/lite uses for PostgreSQL (its optional peer
 * dependency). Imported lazily so that the PGlite run does not need it.
 */
export async function connect(url: string): Promise<Sql> {
  let postgres: (url: string, options: Record<string, unknown>) => Sql;
  try {
    // A variable specifier: typecheck must not require the optional package.
    const specifier = "postgres";
    ({ default: postgres } = (await import(specifier)) as {
      default: typeof postgres;
    });
  } catch {
    throw new Error(
      "The npm package `postgres` (postgres.js, the PostgreSQL driver of @supabase/lite) is not installed. " +
        "Install it: npm install --save-dev postgres@^3.4.8",
    );
  }
  return postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
}

/** Why the server cannot be used, or null when it can. */
export async function postgresServerProblem(url = postgresServerUrl()): Promise<string | null> {
  let sql: Sql | undefined;
  try {
    sql = await connect(url);
    const [row] = (await sql.unsafe(
      "select rolsuper or rolcreatedb as can_create from pg_roles where rolname = current_user",
    )) as { can_create: boolean }[];
    if (!row?.can_create) return `${redact(url)}: the role may not create databases`;
    return null;
  } catch (error) {
    return `${redact(url)}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await sql?.end({ timeout: 1 });
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database on the server, for one run. */
export async function createTestDatabase(
  prefix = "tenantkit_test",
  serverUrl = postgresServerUrl(),
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = await connect(serverUrl);
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const sql = await connect(serverUrl);
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end({ timeout: 1 });
      }
    },
  };
}
