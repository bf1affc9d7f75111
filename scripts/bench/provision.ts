/**
 * `npm run bench:provision`: how long `npm run tenant -- provision` takes on a
 * platform that already holds 1,000 workspaces (the issue's goal: under 30 s).
 * A throwaway local stack (PostgreSQL by default: a fresh database on the server of
 * TENANTKIT_TEST_POSTGRES_URL, dropped afterwards; --driver pglite for PGlite), 1,000
 * workspaces with an owner, a welcome project and a subscription each, then N
 * provisioning runs through the command itself (service role over the HTTP API),
 * half for an existing account and half with an emailed owner invitation (captured,
 * not sent). Prints each run and the median/max.
 *
 * Options: --driver postgres|pglite, --existing <workspaces> (default 1000), --runs (default 6).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { runTenantCommand } from "../tenant/index";
import { serviceClient, signUpUser } from "../../tests/support/clients";
import { createTestDatabase, redact, type TestDatabase } from "../../tests/support/postgres-server";
import { runSql } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    driver: { type: "string", default: "postgres" },
    existing: { type: "string", default: "1000" },
    runs: { type: "string", default: "6" },
  },
});
const driver = values.driver === "pglite" ? "pglite" : "postgres";
const existing = Number(values.existing);
const runs = Number(values.runs);

let database: TestDatabase | undefined;
if (driver === "postgres") database = await createTestDatabase("tenantkit_bench");
console.log(
  `provision bench on ${driver}${database ? ` (${redact(database.url)})` : ""}: starting the stack…`,
);
const { info, stop } = await startTestStack({ driver, dbUrl: database?.url });
try {
  const owner = await signUpUser(info, `bench-owner-${randomUUID().slice(0, 8)}@bench.test`);
  console.log(`creating ${existing} workspaces…`);
  // Superuser SQL: the platform's own data, as many customers would have made it.
  // Separate statements: a data-modifying CTE would not see the subscriptions the
  // organizations' trigger inserts, and the plan limits would read "no plan".
  await runSql(
    info,
    `insert into public.organizations (name, slug)
     select 'Existing ' || n, 'existing-' || n from generate_series(1, ${existing}) n`,
  );
  await runSql(
    info,
    `insert into public.organization_members (organization_id, user_id, role)
     select id, '${owner.id}', 'owner' from public.organizations where slug like 'existing-%'`,
  );
  await runSql(
    info,
    `insert into public.projects (organization_id, name)
     select id, 'Welcome to your workspace' from public.organizations where slug like 'existing-%'`,
  );
  const [{ count } = { count: 0 }] = await runSql<{ count: number }>(
    info,
    "select count(*)::int as count from public.organizations",
  );
  console.log(`${count} workspaces exist. Provisioning ${runs} more through the command:`);

  const timings: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const invited = run % 2 === 1;
    const email = invited
      ? `future-owner-${randomUUID().slice(0, 8)}@bench.test`
      : (await signUpUser(info, `customer-${randomUUID().slice(0, 8)}@bench.test`)).email;
    const slug = `bench-${randomUUID().slice(0, 8)}`;
    const lines: string[] = [];
    const started = performance.now();
    const code = await runTenantCommand(
      ["provision", "--slug", slug, "--name", `Bench ${run}`, "--plan", "pro", "--owner", email],
      {
        supabase: serviceClient(info),
        siteUrl: "http://localhost:3000",
        operator: "bench",
        print: (line) => lines.push(line),
        sendEmail: async () => {},
      },
    );
    const elapsed = performance.now() - started;
    if (code !== 0) throw new Error(`provision failed: ${lines.join(" ")}`);
    timings.push(elapsed);
    console.log(
      `  ${slug} (${invited ? "owner invited" : "existing owner"}): ${elapsed.toFixed(0)} ms`,
    );
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `provision with ${count} existing workspaces: median ${median.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (goal < 30,000 ms)`,
  );
} finally {
  await stop();
  await database?.drop();
}
