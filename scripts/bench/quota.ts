/**
 * `npm run bench:quota`: what plan enforcement costs, measured side by side in one
 * run on a throwaway local stack (docs/quota-bench.md has the figures).
 *
 * 1. Write overhead of the projects limit (private.enforce_plan_limit(), trigger
 *    projects_plan_limit): the same project inserts with the trigger enabled and
 *    disabled, alternating rounds, as a ratio. Small workspaces (10 on Pro, limit
 *    100, each filled from 0 to 100 rows in each round) and big ones (5 on Business,
 *    limit 1,000, 900 rows present, filled to 1,000). Each is measured two ways:
 *    one multi-row insert inside the database as the signed-in user (role
 *    `authenticated` and the JWT claims set as PostgREST sets them: the trigger's raw
 *    cost), and single-row inserts through the HTTP API as that user (what an app
 *    request pays). The audit trigger stays on in both modes.
 * 2. Meter ceilings: allowed consumes per second with 8 concurrent callers (8 users),
 *    for one hot workspace and spread over 1,000 workspaces, for the Postgres meter
 *    as the app calls it (postgresMeter(): consume_usage() over the local HTTP API),
 *    consume_usage() on 8 direct connections as the user (the database's own ceiling,
 *    PostgreSQL only), and the Redis meter (redisMeter() on a redis-server started
 *    here, the app's flush settings), alternating, as a table with the Redis/Postgres
 *    ratios. Then checks that Postgres recorded exactly what the meters allowed (the
 *    Redis meter's pending usage flushed).
 *
 * Options: --driver postgres|pglite (default postgres: a fresh database on the server
 * of TENANTKIT_TEST_POSTGRES_URL, default postgres://postgres:postgres@127.0.0.1:5432/postgres,
 * dropped afterwards), --rounds <pairs> (default 5), --api-rows <per round> (default 30),
 * --seconds <per meter measurement> (default 4), --meter-rounds (default 2).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createClient as createRedisClient } from "redis";
import { z } from "zod";
import { postgresMeter, type UsageMeter } from "../../lib/quota/meter";
import { LimitCache, redisMeter, usageFlusher, userAllowance } from "../../lib/quota/redis-meter";
import {
  createWorkspace,
  serviceClient,
  setPlan,
  signUpUser,
  type TestUser,
} from "../../tests/support/clients";
import { createTestDatabase, redact, type TestDatabase } from "../../tests/support/postgres-server";
import {
  redisServerInstalled,
  startRedisServer,
  type RedisServer,
} from "../../tests/support/redis-server";
import { literal, runSql } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    driver: { type: "string", default: "postgres" },
    rounds: { type: "string", default: "5" },
    "api-rows": { type: "string", default: "30" },
    seconds: { type: "string", default: "4" },
    "meter-rounds": { type: "string", default: "2" },
  },
});
const driver = values.driver === "pglite" ? "pglite" : "postgres";
const rounds = Number(values.rounds);
const apiRows = Number(values["api-rows"]);
const seconds = Number(values.seconds);
const meterRounds = Number(values["meter-rounds"]);
const CALLERS = 8;
const SPREAD = 1000;

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const unique = () => randomUUID().slice(0, 8);

let database: TestDatabase | undefined;
if (driver === "postgres") database = await createTestDatabase("tenantkit_bench");
console.log(
  `quota bench on ${driver}${database ? ` (${redact(database.url)})` : ""}: starting the stack…`,
);
const { info, stop } = await startTestStack({ driver, dbUrl: database?.url });
let redisServer: RedisServer | undefined;
try {
  const sql = (query: string) => runSql(info, query);
  const owner = await signUpUser(info, `bench-owner-${unique()}@bench.test`);

  // ─── 1. Write overhead of the projects limit ──────────────────────────────────
  /**
   * SQL run as the signed-in user, as PostgREST runs a request's statement. The
   * harness endpoint runs each call in one transaction, which `set local` lasts for.
   */
  const asUser = (user: TestUser, statement: string) => `
    set local role authenticated;
    select set_config('request.jwt.claim.sub', ${literal(user.id)}, true),
           set_config('request.jwt.claims', ${literal(JSON.stringify({ sub: user.id, role: "authenticated" }))}, true);
    ${statement};`;

  /** `count` workspaces of `owner` on `plan`, each with `present` projects. */
  async function workspacesWithPlan(count: number, plan: "pro" | "business", present: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const workspace = await createWorkspace(owner, `Bench ${plan}`, `bench-${plan}-${unique()}`);
      await setPlan(info, workspace.id, plan);
      ids.push(workspace.id);
    }
    if (present > 0)
      await sql(`insert into public.projects (organization_id, name)
                 select w, 'present ' || g
                 from unnest(array[${ids.map((id) => `${literal(id)}::uuid`).join(", ")}]) w,
                      generate_series(1, ${present}) g`);
    return ids;
  }

  /** Runs `insert` with the limit trigger on or off, returns its milliseconds, and removes what it added. */
  async function timed(enforced: boolean, insert: () => Promise<unknown>) {
    if (!enforced) await sql("alter table public.projects disable trigger projects_plan_limit");
    try {
      const started = performance.now();
      await insert();
      return performance.now() - started;
    } finally {
      if (!enforced) await sql("alter table public.projects enable trigger projects_plan_limit");
      await sql(`delete from public.projects where name like 'bench %'`);
    }
  }

  async function compare(label: string, count: number, insert: () => Promise<unknown>) {
    await timed(true, insert); // warm-up, not counted
    await timed(false, insert);
    const times = { enforced: [] as number[], plain: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      // Alternate which mode goes first so drift (caches, vacuum) hits both alike.
      for (const enforced of round % 2 === 0 ? [true, false] : [false, true])
        times[enforced ? "enforced" : "plain"].push(await timed(enforced, insert));
    }
    const rate = (ms: number) => Math.round((count / ms) * 1000);
    const enforced = median(times.enforced);
    const plain = median(times.plain);
    console.log(`\n${label} (${count} rows per round, median of ${rounds})`);
    console.log(`  without the limit trigger: ${rate(plain)} inserts/s`);
    console.log(`  with the limit trigger:    ${rate(enforced)} inserts/s`);
    console.log(
      `  ratio: ${(enforced / plain).toFixed(2)}× the time per insert (throughput ${((plain / enforced) * 100).toFixed(0)}%)`,
    );
  }

  console.log(`\n== Write overhead of the projects limit: ${rounds} rounds per mode ==`);
  for (const [label, count, plan, present, limit] of [
    ["small workspaces (Pro, limit 100, 0 rows present)", 10, "pro", 0, 100],
    ["big workspaces (Business, limit 1,000, 900 rows present)", 5, "business", 900, 1000],
  ] as const) {
    const ids = await workspacesWithPlan(count, plan, present);
    const room = limit - present;
    await compare(
      `${count} ${label}: one insert of ${room} rows into each, as the user, inside the database`,
      count * room,
      () =>
        sql(
          asUser(
            owner,
            `insert into public.projects (organization_id, name)
             select w, 'bench ' || g
             from unnest(array[${ids.map((id) => `${literal(id)}::uuid`).join(", ")}]) w,
                  generate_series(1, ${room}) g`,
          ),
        ),
    );
    await compare(
      `${label}: single-row inserts into one through the HTTP API, as the user`,
      apiRows,
      async () => {
        for (let i = 0; i < apiRows; i++) {
          const { error } = await owner.client
            .from("projects")
            .insert({ organization_id: ids[0]!, name: `bench ${i}` });
          if (error) throw new Error(`insert: ${error.message}`);
        }
      },
    );
  }

  // ─── 2. Meter ceilings ────────────────────────────────────────────────────────
  if (!redisServerInstalled())
    throw new Error("redis-server is not installed (Debian: apt-get install redis-server)");
  redisServer = await startRedisServer();
  const redis = createRedisClient({ url: redisServer.url });
  redis.on("error", (error: Error) => console.error(`Redis: ${error.message}`));
  await redis.connect();
  // The app's flush settings (lib/quota/index.ts), recording with the service role.
  const service = serviceClient(info);
  const flusher = usageFlusher({
    redis,
    everyUnits: 100,
    everyMs: 10_000,
    async record({ workspaceId, metric, periodStart, amount }) {
      const { error } = await service.rpc("record_usage", {
        org: workspaceId,
        metric,
        period_start: periodStart,
        amount,
      });
      if (error) throw new Error(`record_usage: ${error.message}`);
    },
  });

  console.log(
    `\n== Meter ceilings: ${CALLERS} concurrent callers, ${meterRounds} rounds × ${seconds} s per cell ==`,
  );
  const callers = await Promise.all(
    Array.from({ length: CALLERS }, (_, i) =>
      signUpUser(info, `bench-caller-${i}-${unique()}@bench.test`),
    ),
  );
  // The hot workspace: all callers are members; Business (1,000,000 requests a month).
  const hot = await createWorkspace(callers[0]!, "Bench hot", `bench-hot-${unique()}`);
  await setPlan(info, hot.id, "business");
  await sql(`insert into public.organization_members (organization_id, user_id, role)
             select ${literal(hot.id)}, u, 'member'
             from unnest(array[${callers
               .slice(1)
               .map((c) => `${literal(c.id)}::uuid`)
               .join(", ")}]) u`);
  // 1,000 workspaces on Free (5,000 a month), each owned by one of the callers.
  // Two statements: the seat limit of a membership reads the subscription that the
  // workspace's insert creates, which one statement's CTEs would not see yet.
  const spreadTag = unique();
  const spread = await runSql<{ id: string; owner: string }>(
    info,
    `insert into public.organizations (name, slug)
     select 'Spread ' || g, 'spread-${spreadTag}-' || g from generate_series(1, ${SPREAD}) g;
     insert into public.organization_members (organization_id, user_id, role)
     select o.id,
            (array[${callers.map((c) => `${literal(c.id)}::uuid`).join(", ")}])[(split_part(o.slug, '-', 3)::int % ${CALLERS}) + 1],
            'owner'
     from public.organizations o where o.slug like 'spread-${spreadTag}-%'
     returning organization_id as id, user_id::text as owner`,
  );
  const spreadOf = callers.map((caller) =>
    spread.filter((w) => w.owner === caller.id).map((w) => w.id),
  );

  /**
   * consume_usage() on direct database connections (8, one per caller), as PostgREST
   * calls it: the database's own ceiling, without the local API in front. Only on a
   * PostgreSQL server (PGlite has one connection).
   */
  const direct = database ? postgres(database.url, { max: CALLERS, onnotice: () => {} }) : null;
  const consumed = z.object({
    allowed: z.boolean(),
    used: z.coerce.number(),
    usage_limit: z.coerce.number().nullable(),
    resets_at: z.coerce.date(),
  });
  const directMeter = (user: TestUser): UsageMeter => ({
    async consume(workspaceId, metric, amount = 1) {
      const results = await direct!.begin((transaction) =>
        transaction.unsafe(
          asUser(
            user,
            `select allowed, used, usage_limit, resets_at from public.consume_usage(${literal(workspaceId)}, ${literal(metric)}, ${amount})`,
          ),
        ),
      );
      const [row] = z.array(z.array(z.unknown())).parse(results).at(-1)!;
      const { allowed, used, usage_limit, resets_at } = consumed.parse(row);
      return { allowed, used, limit: usage_limit, resetsAt: resets_at };
    },
  });

  // The Redis meter's cached limits, held for the whole run so that every cell
  // measures the steady state (the warm-up fills it). The app keeps them 30 s
  // (LIMIT_CACHE_MS): each caller and workspace then costs one get_workspace_usage()
  // every 30 s on top, which the cells do not include.
  const limits = new LimitCache(15 * 60_000);
  const METERS = [
    "Postgres, API",
    ...(direct ? (["Postgres, SQL"] as const) : []),
    "Redis",
  ] as const;
  type MeterKind = (typeof METERS)[number];
  const meterFor = (kind: MeterKind, user: TestUser): UsageMeter =>
    kind === "Postgres, API"
      ? postgresMeter(user.client)
      : kind === "Postgres, SQL"
        ? directMeter(user)
        : redisMeter({ redis, allowance: userAllowance(user.client), flush: flusher, limits });

  const allowedTotal: Record<string, number> = {};
  /** Allowed consumes per second, CALLERS loops calling as fast as they can for `ms`. */
  async function ceiling(kind: MeterKind, scenario: "hot" | "spread", ms: number) {
    const deadline = performance.now() + ms;
    let allowed = 0;
    const started = performance.now();
    await Promise.all(
      callers.map(async (caller, i) => {
        const meter = meterFor(kind, caller);
        const mine = scenario === "hot" ? [hot.id] : spreadOf[i]!;
        for (let call = 0; performance.now() < deadline; call++) {
          const workspaceId = mine[call % mine.length]!;
          const result = await meter.consume(workspaceId, "api_requests");
          if (!result.allowed)
            throw new Error(`refused in ${scenario}: the bench must stay under the limits`);
          allowed++;
          allowedTotal[workspaceId] = (allowedTotal[workspaceId] ?? 0) + 1;
        }
      }),
    );
    return (allowed / (performance.now() - started)) * 1000;
  }

  // Warm-up: every caller consumes once in each of its workspaces with the Redis
  // meter (which caches each caller's limits, as a running server has), then a
  // short run per cell.
  await Promise.all(
    callers.map(async (caller, i) => {
      const meter = meterFor("Redis", caller);
      for (const workspaceId of [hot.id, ...spreadOf[i]!]) {
        await meter.consume(workspaceId, "api_requests");
        allowedTotal[workspaceId] = (allowedTotal[workspaceId] ?? 0) + 1;
      }
    }),
  );
  for (const scenario of ["hot", "spread"] as const)
    for (const kind of METERS) await ceiling(kind, scenario, 500);

  const rates: Record<string, number[]> = {};
  for (let round = 0; round < meterRounds; round++)
    for (const scenario of ["hot", "spread"] as const)
      for (const kind of round % 2 === 0 ? METERS : [...METERS].reverse())
        (rates[`${scenario} ${kind}`] ??= []).push(await ceiling(kind, scenario, seconds * 1000));

  const cell = (scenario: string, kind: MeterKind) => median(rates[`${scenario} ${kind}`]!);
  const columns = [
    ...METERS,
    ...METERS.filter((kind) => kind !== "Redis").map((kind) => `Redis / ${kind}`),
  ];
  console.log(
    `\n${"consumes/s".padEnd(32)}${columns.map((column) => column.padStart(24)).join("")}`,
  );
  for (const [scenario, label] of [
    ["hot", "one hot workspace"],
    ["spread", `spread over ${SPREAD.toLocaleString("en")} workspaces`],
  ] as const) {
    const redisRate = cell(scenario, "Redis");
    const figures = [
      ...METERS.map((kind) => Math.round(cell(scenario, kind)).toString()),
      ...METERS.filter((kind) => kind !== "Redis").map(
        (kind) => `${(redisRate / cell(scenario, kind)).toFixed(1)}×`,
      ),
    ];
    console.log(`${label.padEnd(32)}${figures.map((figure) => figure.padStart(24)).join("")}`);
  }
  console.log(
    "Postgres, API: postgresMeter() over the local HTTP API; Postgres, SQL: consume_usage() on direct connections; Redis: redisMeter()",
  );

  // Billing sees exactly what was allowed: the Redis meter's pending usage, flushed.
  await flusher.stop();
  await flusher.flush();
  const ids = Object.keys(allowedTotal);
  const [recorded] = await runSql<{ total: string | number }>(
    info,
    `select coalesce(sum(used), 0) as total from platform.metered_usage
     where metric = 'api_requests' and period_start = date_trunc('month', now() at time zone 'UTC')::date
       and organization_id = any (array[${ids.map((id) => `${literal(id)}::uuid`).join(", ")}])`,
  );
  const consumedTotal = Object.values(allowedTotal).reduce((sum, n) => sum + n, 0);
  if (Number(recorded!.total) !== consumedTotal)
    throw new Error(
      `recorded usage ${recorded!.total} differs from the ${consumedTotal} allowed consumes`,
    );
  console.log(
    `\nchecked: Postgres recorded exactly the ${consumedTotal} consumes the meters allowed`,
  );
  await redis.quit();
  await direct?.end({ timeout: 1 });
} finally {
  await redisServer?.stop();
  await stop();
  await database?.drop();
}
