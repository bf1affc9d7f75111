/**
 * `npm run bench:audit`: the write overhead of the audit trigger, as a ratio
 * measured side by side in one run. Inserts projects in batches on a throwaway
 * local stack, alternating rounds with the audit trigger enabled and disabled
 * (same table, same data, same process), and reports rows/s for each.
 *
 * Two measurements: bulk inserts inside the database (the trigger's raw cost), and
 * single-row inserts through the HTTP API as a signed-in user (what an app request
 * pays, RLS and the API included).
 *
 * Options: --rows <per round> (default 2000), --rounds <pairs> (default 5),
 * --api-rows <per round> (default 100),
 * --driver pglite|postgres and --db-url <postgres url> to measure on a real server.
 */
import { parseArgs } from "node:util";
import { createWorkspace, setPlan, signUpUser } from "../../tests/support/clients";
import { literal, runSql } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "2000" },
    rounds: { type: "string", default: "5" },
    "api-rows": { type: "string", default: "100" },
    driver: { type: "string", default: "pglite" },
    "db-url": { type: "string" },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const apiRows = Number(values["api-rows"]);
const driver = values.driver === "postgres" ? "postgres" : "pglite";

console.log(
  `audit trigger overhead: ${rounds} rounds × ${rows} inserted rows per mode, on ${driver}`,
);
const { info, stop } = await startTestStack({ driver, dbUrl: values["db-url"] });
try {
  const [org] = await runSql<{ id: string }>(
    info,
    `insert into public.organizations (name, slug) values ('Bench', 'bench-${Date.now().toString(36)}') returning id`,
  );
  // Unlimited projects (Enterprise): the bench inserts thousands, far past Free's 3,
  // and measures the audit trigger, not the plan limit (npm run bench:quota does).
  await setPlan(info, org!.id, "enterprise");

  /** Runs `insert` with the trigger on or off and returns the milliseconds it took. */
  async function timed(audited: boolean, insert: () => Promise<unknown>): Promise<number> {
    if (!audited) await runSql(info, "alter table public.projects disable trigger projects_audit");
    try {
      const started = performance.now();
      await insert();
      return performance.now() - started;
    } finally {
      if (!audited) await runSql(info, "alter table public.projects enable trigger projects_audit");
    }
  }

  async function compare(label: string, count: number, insert: () => Promise<unknown>) {
    await timed(true, insert); // warm-up, not counted
    await timed(false, insert);
    const times = { audited: [] as number[], plain: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which mode goes first so drift (caches, table growth) hits both alike.
      for (const audited of round % 2 === 0 ? [true, false] : [false, true]) {
        times[audited ? "audited" : "plain"].push(await timed(audited, insert));
      }
    }
    const median = (list: number[]) =>
      [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const rate = (ms: number) => Math.round((count / ms) * 1000);
    const audited = median(times.audited);
    const plain = median(times.plain);
    console.log(`\n${label} (${count} rows per round, median of ${rounds})`);
    console.log(`  without audit trigger: ${rate(plain)} inserts/s`);
    console.log(`  with audit trigger:    ${rate(audited)} inserts/s`);
    console.log(
      `  ratio: ${(audited / plain).toFixed(2)}× the time per insert (throughput ${((plain / audited) * 100).toFixed(0)}%)`,
    );
  }

  await compare("bulk insert inside the database", rows, () =>
    runSql(
      info,
      `insert into public.projects (organization_id, name)
       select ${literal(org!.id)}, 'bench ' || g from generate_series(1, ${rows}) g`,
    ),
  );

  const user = await signUpUser(info, `bench-${Date.now().toString(36)}@bench.test`);
  const workspace = await createWorkspace(
    user,
    "Bench API",
    `bench-api-${Date.now().toString(36)}`,
  );
  await setPlan(info, workspace.id, "enterprise");
  await compare("single-row inserts through the HTTP API, as a user", apiRows, async () => {
    for (let i = 0; i < apiRows; i++) {
      const { error } = await user.client
        .from("projects")
        .insert({ organization_id: workspace.id, name: `api ${i}` });
      if (error) throw new Error(error.message);
    }
  });
} finally {
  await stop();
}
