/**
 * The embedded local Supabase stack: @supabase/lite (PostgREST + GoTrue compatible)
 * on PGlite by default, or on a real PostgreSQL server with the `postgres` driver.
 * One process owns the database: it applies pending migrations, then serves the
 * Supabase HTTP API, with a mail catcher for the auth emails. Used by
 * `npm run dev`, `npm run db:*` and the test harness.
 */
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { App, SmtpEmailDriver } from "@supabase/lite";
import { applyPendingMigrations, createApi } from "@supabase/lite/cli";
import { createPostgresConnection } from "@supabase/lite/postgres";
import { projectRoot, requireEnv } from "../lib/local-env";
import { enforceMigratedPrivileges } from "./api-grants";
import { startMailCatcher, type MailCatcher } from "./mail-catcher";
import { logDeliberateRefusals, type RefusalLogging } from "./refusal-logging";
import { boundRequest, refusalResponse } from "./request-bounds";

export type DbDriver = "pglite" | "postgres";

export interface StackOptions {
  port: number;
  driver: DbDriver;
  /** PGlite: a data directory; postgres: a connection URL. */
  dbUrl: string;
  /** Where email links point (the Next.js app). */
  siteUrl: string;
  /** Ports of the mail catcher (0: any free port). */
  mail: { smtp: number; web: number };
  /**
   * Test harness only: serve POST /_test/sql (superuser SQL) to requests carrying
   * this secret in `x-test-secret`, for arranging what the public API cannot
   * (deleting an auth user, expiring an invitation). Never set by `npm run dev`.
   */
  testSqlSecret?: string;
  /**
   * What the terminal shows of an error the database raised on purpose (RLS, a coded
   * RPC error, a unique violation): one line, or nothing. Other errors print in full.
   */
  refusals: RefusalLogging;
  /**
   * Called once the database stopped answering (the stack has logged why and answers
   * 503 from then on). Default: exit the process with code 1, so whoever started it
   * sees it stop instead of a stack that silently serves empty results.
   */
  onDatabaseLost?: (error: Error) => void;
}

export interface LocalStack {
  url: string;
  appliedMigrations: string[];
  mail: MailCatcher;
  stop(): Promise<void>;
}

/**
 * The longest statement of the local stack on the postgres driver (hosted Supabase:
 * 8 s for authenticated, 3 s for anon; the projects' own values are in the
 * private_schema migration). Lite switches roles with `set local role`, which does not
 * apply a role's settings, so the migration's per-role timeouts never reach its
 * sessions: the stack sets the larger one on every connection instead. PGlite has no
 * statement timeout at all (docs/security.md).
 */
export const LOCAL_STATEMENT_TIMEOUT_MS = 8000;

export const defaultPgliteDir = path.join(projectRoot, "supabase/.temp/pglite");
const configPath = path.join(projectRoot, "supabase/lite.toml");

/**
 * Privileges every hosted Supabase project has and Supabase Lite does not set up:
 * the API roles may use the auth schema, so auth.uid() works in security invoker
 * code such as triggers, exactly as it does in production.
 */
const HOSTED_SUPABASE_GRANTS = `
  do $$
  declare api_role text;
  begin
    foreach api_role in array array['anon', 'authenticated', 'service_role'] loop
      -- Lite creates these roles lazily, on the first API request; create them now,
      -- the same way, so the grant below reaches all three.
      if not exists (select 1 from pg_roles where rolname = api_role) then
        execute format('create role %I nologin %s', api_role,
          case when api_role = 'service_role' then 'bypassrls' else '' end);
      end if;
      execute format('grant usage on schema auth to %I', api_role);
    end loop;
  end $$;
`;

/** postgres.js type for jsonb parameters: JSON text as it is, anything else encoded. */
const jsonbPassingJsonText = {
  to: 3802,
  from: [3802],
  serialize: (value: unknown) => (isJsonText(value) ? value : JSON.stringify(value)),
  parse: (text: string) => JSON.parse(text) as unknown,
};

function isJsonText(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

export async function startLocalStack(options: StackOptions): Promise<LocalStack> {
  logDeliberateRefusals(options.refusals);
  // lite.toml reads these through env(...): one config file serves every stack.
  process.env.TENANTKIT_DB_DRIVER = options.driver;
  process.env.TENANTKIT_DB_URL =
    options.driver === "postgres" ? withStatementTimeout(options.dbUrl) : options.dbUrl;
  process.env.NEXT_PUBLIC_SITE_URL = options.siteUrl;
  requireEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY");
  requireEnv("SUPABASE_SECRET_KEY");
  requireEnv("SUPABASE_JWT_SECRET");
  if (options.driver === "pglite") mkdirSync(options.dbUrl, { recursive: true });

  const api = await createApi({ withSupabaseClient: false });
  const config = await api.project.local.getConfig(configPath);
  if (options.driver === "postgres") {
    // Supabase Lite's auth writes user metadata as JSON text, and its postgres
    // driver encodes that text once more: raw_user_meta_data becomes a jsonb
    // *string*, so `raw_user_meta_data ->> 'full_name'` in private.sync_profile()
    // reads null and every profile loses its name (PGlite is not affected). Text
    // handed to a jsonb parameter that already is JSON goes through as it is.
    await config.connection.close();
    config.connection = await createPostgresConnection({
      url: process.env.TENANTKIT_DB_URL,
      postgresOptions: { types: { jsonb: jsonbPassingJsonText } },
    });
  }
  const mail = await startMailCatcher(options.mail, options.siteUrl);
  // Lite's [auth.email.smtp] config insists on credentials and TLS, which a local
  // catcher has no use for; the driver is built here instead.
  const email = new SmtpEmailDriver({
    host: "127.0.0.1",
    port: mail.smtpPort,
    from: { name: "tenantkit", address: "no-reply@tenantkit.local" },
    requireTls: false,
  });
  // Admin mode off: a keyless request must never be served as service_role,
  // so what the tests see is what a real Supabase project would answer.
  const app = new App({
    ...config,
    options: {
      ...config.options,
      server: { ...config.options?.server, admin: false },
      drivers: { ...config.options?.drivers, email },
    },
  });

  const { applied } = await applyPendingMigrations(app);
  await app.connection.exec(HOSTED_SUPABASE_GRANTS);
  await enforceMigratedPrivileges(
    (sql) => rawQuery(app, sql),
    async () => {
      const first = await app.fetch(
        new Request("http://127.0.0.1/rest/v1/organizations?select=id&limit=1", {
          headers: { apikey: requireEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY") },
        }),
      );
      await first.body?.cancel();
    },
  );

  const server = await listen(app, options);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    appliedMigrations: applied.map((migration) => migration.filename),
    mail,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.connection.close();
      await mail.stop();
    },
  };
}

/**
 * Superuser SQL straight through the database driver. (Lite's own exec() replaces
 * Postgres errors with a generic message, and tests need the real one.)
 */
async function rawQuery(app: App, sql: string): Promise<unknown[]> {
  type PostgresJs = {
    unsafe(sql: string): Promise<unknown[]>;
    begin<T>(body: (transaction: PostgresJs) => Promise<T>): Promise<T>;
  };
  const driver = app.connection.driver as
    { exec(sql: string): Promise<Array<{ rows: unknown[] }>> } | PostgresJs;
  // Arranging data (thousands of rows for the plan checks) is not an API request:
  // the connection's statement timeout (withStatementTimeout) does not apply to it.
  if ("unsafe" in driver)
    return driver.begin(async (transaction) => {
      await transaction.unsafe("set local statement_timeout = 0");
      return [...(await transaction.unsafe(sql))];
    });
  const results = await driver.exec(sql);
  return results.at(-1)?.rows ?? [];
}

async function runTestSql(app: App, request: Request): Promise<Response> {
  try {
    const { sql } = (await request.json()) as { sql: string };
    return Response.json({ rows: await rawQuery(app, sql) });
  } catch (error) {
    return Response.json(
      { error: error instanceof Error ? error.message : String(error) },
      { status: 400 },
    );
  }
}

/** Lite's diagnostics (config, connection, schema): for the secret key only. `ping` stays open. */
function isSystemRoute(pathname: string): boolean {
  return pathname.startsWith("/_system/") && pathname !== "/_system/ping";
}

function hasSecretKey(request: Request): boolean {
  const secret = requireEnv("SUPABASE_SECRET_KEY");
  return (
    request.headers.get("apikey") === secret ||
    request.headers.get("authorization") === `Bearer ${secret}`
  );
}

/**
 * PGlite's failure mode is silence: once its protocol parser is out of step, every
 * query answers with no rows and no error (docs/upstream/supabase-lite.md). A query
 * that must return one row tells. (An error here is not that: a driver error reaches
 * the request that runs into it, which Lite answers with a 5xx and logs.)
 */
async function databaseAnswers(app: App): Promise<boolean> {
  try {
    const rows = (await rawQuery(app, "select 1 as alive")) as Array<{ alive?: number }>;
    return rows[0]?.alive === 1;
  } catch {
    return true;
  }
}

function listen(app: App, options: StackOptions): Promise<ServerType> {
  const { testSqlSecret } = options;
  let lost: Error | null = null;
  const unavailable = () =>
    Response.json(
      {
        code: "database_unavailable",
        message: "The local database stopped answering.",
        details: null,
        hint: "Restart the local stack.",
      },
      { status: 503 },
    );

  async function handle(request: Request, peerAddress: string | null): Promise<Response> {
    if (lost) return unavailable();
    const pathname = new URL(request.url).pathname;
    if (
      testSqlSecret &&
      request.method === "POST" &&
      pathname === "/_test/sql" &&
      request.headers.get("x-test-secret") === testSqlSecret
    ) {
      return runTestSql(app, request);
    }
    if (isSystemRoute(pathname) && !hasSecretKey(request)) {
      return Response.json({ message: "This endpoint needs the secret key." }, { status: 401 });
    }
    const bounded = await boundRequest(request);
    if ("refusal" in bounded) return refusalResponse(bounded.refusal);
    const response = await app.fetch(bounded.request, { peerAddress });
    if (options.driver === "pglite" && !(await databaseAnswers(app))) {
      lost = new Error(
        `the local database (PGlite) stopped answering queries after ${request.method} ${pathname}`,
      );
      console.error(
        `tenantkit: ${lost.message}. Every request now answers 503; restart the stack ` +
          '(docs/security.md, "Abuse by request shape").',
      );
      await response.body?.cancel();
      (options.onDatabaseLost ?? (() => process.exit(1)))(lost);
      return unavailable();
    }
    return response;
  }

  return new Promise((resolve, reject) => {
    const server = serve(
      {
        hostname: "127.0.0.1",
        port: options.port,
        fetch: (request, env: { incoming: { socket: { remoteAddress?: string } } }) =>
          handle(request, env.incoming.socket.remoteAddress ?? null),
      },
      () => resolve(server),
    );
    server.once("error", reject);
  });
}

/** Adds the local statement timeout to a postgres URL (postgres.js sends query parameters at connect). */
function withStatementTimeout(dbUrl: string): string {
  const url = new URL(dbUrl);
  url.searchParams.set("statement_timeout", String(LOCAL_STATEMENT_TIMEOUT_MS));
  return url.toString();
}
