/**
 * `npm run bench:rls`: what Row-Level Security costs at scale, as ratios measured
 * side by side in one run (issue 15, docs/performance.md has the figures).
 *
 * A fresh database on the PostgreSQL server of TENANTKIT_TEST_POSTGRES_URL (default
 * postgres://postgres:postgres@127.0.0.1:5432/postgres) is migrated by the local stack
 * (which is stopped again: nothing here goes through HTTP), filled with superuser SQL,
 * measured, and dropped.
 *
 * Each query is the SQL the app sends (lib/*\/queries.ts, as PostgREST builds it),
 * run as a PAIR, interleaved, alternating which side goes first:
 *   floor  the same SQL as the superuser (no RLS), with the explicit workspace
 *          filter the app sends anyway;
 *   RLS    role `authenticated` with the JWT claims set for the transaction, as
 *          PostgREST runs a request, so the policies are part of the plan.
 * The time of a run is the server's planning + execution time (EXPLAIN ANALYZE,
 * TIMING OFF): no network or client noise, and PostgREST plans every request.
 * The figure is the median over the iterations; the ratio is RLS / floor.
 *
 * Writes (projects, single row and 1,000 rows): the floor is the superuser with the
 * SAME JWT claims, so the guard, plan-limit and audit triggers do exactly the work
 * they do for the user (the audit trail is a product requirement, not overhead);
 * the ratio isolates what RLS adds. The "bare" column (all triggers off) is shown
 * for information. Each write runs in a transaction that is rolled back.
 *
 * Goals (issue 15): every query ≤ 1.3× its floor at 1, 10, 100 and 1,000 workspaces
 * per user and next to a whale; single-row write throughput ≥ 0.7× (time ratio
 * ≤ 1/0.7), bulk ≥ 0.5× (time ratio ≤ 2). The exit code is 1 when one is missed.
 *
 * Options: --small (1,000 workspaces, ~200k projects: under 2 minutes),
 * --iterations <pairs> (default 25), --keep (do not drop the database; prints its URL),
 * --database <url> (measure a database a --keep run built, e.g. after applying a
 * changed policy to it by hand: no migrating, no building, not dropped).
 */
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createTestDatabase, redact } from "../../tests/support/postgres-server";
import { literal } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    small: { type: "boolean", default: false },
    iterations: { type: "string", default: "25" },
    keep: { type: "boolean", default: false },
    database: { type: "string" },
  },
});
const iterations = Number(values.iterations);

/** The issue's dataset, and a tenth of it (a hundredth of the rows) for iterating. */
const SIZE = values.small
  ? {
      workspaces: 1_000,
      users: 2_000,
      projects: 100,
      whales: 2,
      whaleProjects: 50_000,
      entries: 100,
    }
  : {
      workspaces: 10_000,
      users: 20_000,
      projects: 500,
      whales: 10,
      whaleProjects: 500_000,
      entries: 200,
    };
const SCALES = [1, 10, 100, 1_000] as const;
const QUERY_GOAL = 1.3;
const SINGLE_WRITE_GOAL = 1 / 0.7;
const BULK_WRITE_GOAL = 1 / 0.5;
/** A pair stops repeating after this much measured time (the slow ones at 1,000 workspaces). */
const PAIR_BUDGET_MS = 4_000;

const started = performance.now();
const reused = values.database;
const database = reused
  ? { url: reused, drop: async () => {} }
  : await createTestDatabase("tenantkit_bench");
console.log(`rls bench (${values.small ? "small" : "full"}) on ${redact(database.url)}`);
if (!reused) {
  console.log("migrating…");
  const stack = await startTestStack({ driver: "postgres", dbUrl: database.url });
  await stack.stop();
}
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
const openConnections = [sql];
let failed = false;

try {
  // ─── Dataset ──────────────────────────────────────────────────────────────────
  console.log(
    `building: ${SIZE.workspaces} workspaces, ${SIZE.users} users, ` +
      `${SIZE.whales} whales of ${SIZE.whaleProjects} projects, ${SIZE.projects} per other workspace, ` +
      `${SIZE.entries} audit entries per workspace…`,
  );
  // Superuser SQL with triggers off for the load (session_replication_role): the
  // audit trigger would double the work and the append-only trigger refuses it.
  if (!reused)
    await sql.unsafe(`
set session_replication_role = replica;
create schema bench;
create table bench.users (n int primary key, id uuid not null default gen_random_uuid());
insert into bench.users (n) select g from generate_series(1, ${SIZE.users}) g;
-- The measured users: one per scale (in 1, 10, 100 or 1,000 workspaces), and one in a
-- small workspace and a whale.
insert into bench.users (n) values (-1), (-10), (-100), (-1000), (-2);
insert into auth.users (id, email)
select id, 'user' || n || '@bench.test' from bench.users;
insert into public.profiles (id, email, full_name)
select id, 'user' || n || '@bench.test', 'User ' || n from bench.users;

create table bench.orgs (n int primary key, id uuid not null default gen_random_uuid());
insert into bench.orgs (n) select g from generate_series(1, ${SIZE.workspaces}) g;
insert into public.organizations (id, name, slug)
select id, 'Workspace ' || n, 'bench-' || n from bench.orgs;
insert into public.workspace_subscriptions (organization_id, plan_id)
select id, 'enterprise' from bench.orgs;

-- An owner and 3 or 4 members per workspace (4.5 on average, as in the issue).
insert into public.organization_members (organization_id, user_id, role)
select o.id, u.id, case when k = 0 then 'owner' else 'member' end::public.org_role
from bench.orgs o
cross join generate_series(0, 4) k
join bench.users u on u.n = 1 + ((o.n * 7 + k * 1013) % ${SIZE.users})
where k < 4 or o.n % 2 = 0
on conflict do nothing;
-- Workspace 1 is the measured one; every scale user owns it and is a plain member of
-- the next N - 1. The whale neighbour owns workspace 2 and is a member of a whale.
insert into public.organization_members (organization_id, user_id, role)
select o.id, u.id, case when o.n = 1 then 'owner' else 'member' end::public.org_role
from bench.users u join bench.orgs o on o.n <= -u.n
where u.n in (-1, -10, -100, -1000);
insert into public.organization_members (organization_id, user_id, role)
select o.id, u.id, case when o.n = 2 then 'owner' else 'member' end::public.org_role
from bench.users u join bench.orgs o on o.n in (2, ${SIZE.workspaces})
where u.n = -2;

-- Projects: the last workspaces are whales.
insert into public.projects (organization_id, name, status, created_by, created_at)
select o.id, 'Project ' || g, case when g % 7 = 0 then 'archived' else 'active' end,
       null, now() - (g || ' seconds')::interval
from bench.orgs o
cross join lateral generate_series(1,
  case when o.n > ${SIZE.workspaces - SIZE.whales} then ${SIZE.whaleProjects} else ${SIZE.projects} end) g;

-- The activity log: entries by the workspace's members.
insert into public.audit_logs
  (organization_id, actor_id, actor_kind, actor_label, action, table_name, record_id, new_data, created_at)
select m.organization_id, m.user_id, 'user', 'someone', 'insert', 'projects', g::text,
       jsonb_build_object('name', 'Project ' || g), now() - (g || ' seconds')::interval
from (select organization_id, user_id,
             row_number() over (partition by organization_id order by user_id) as r,
             count(*) over (partition by organization_id) as c
      from public.organization_members) m
cross join generate_series(1, ${SIZE.entries}) g
where g % m.c = m.r - 1;
set session_replication_role = origin;
`);
  if (!reused) await sql.unsafe("vacuum analyze");
  const ids = async (query: string) =>
    (await sql.unsafe<{ id: string }[]>(query)).map((row) => row.id);
  const [org1, org2] = await ids("select id from bench.orgs where n in (1, 2) order by n");
  const scaleUsers = new Map<number, string>();
  for (const n of SCALES)
    scaleUsers.set(n, (await ids(`select id from bench.users where n = ${-n}`))[0]!);
  const [neighbour] = await ids("select id from bench.users where n = -2");
  const project1 = (
    await ids(`select id from public.projects where organization_id = '${org1}' limit 1 offset 7`)
  )[0]!;
  const project2 = (
    await ids(`select id from public.projects where organization_id = '${org2}' limit 1 offset 7`)
  )[0]!;
  console.log(`built in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // ─── Measuring ────────────────────────────────────────────────────────────────
  const claims = (uid: string) => `
    select set_config('request.jwt.claim.sub', ${literal(uid)}, true),
           set_config('request.jwt.claim.role', 'authenticated', true),
           set_config('request.jwt.claims', ${literal(JSON.stringify({ sub: uid, role: "authenticated" }))}, true)`;

  type Mode = "floor" | "rls" | "bare";
  // One connection per mode, as a pool of API connections keeps running as one role:
  // switching roles on one connection would throw away the cached plans of the
  // trigger functions (a plan that touches an RLS table is valid for one user) and
  // charge that to whichever side runs next.
  const connections: Record<Mode, postgres.Sql> = {
    floor: sql,
    rls: postgres(database.url, { max: 1, onnotice: () => {} }),
    bare: postgres(database.url, { max: 1, onnotice: () => {} }),
  };
  openConnections.push(connections.rls, connections.bare);
  /** Planning + execution milliseconds of one run, in its own transaction. */
  async function run(mode: Mode, uid: string, query: string, rollback = false) {
    const connection = await connections[mode].reserve();
    try {
      await connection.unsafe("begin");
      // The floor keeps the claims: triggers (and auth.uid() in SQL) behave alike.
      await connection.unsafe(claims(uid));
      if (mode === "rls") await connection.unsafe("set local role authenticated");
      if (mode === "bare") await connection.unsafe("set local session_replication_role = replica");
      const [row] = await connection.unsafe<{ "QUERY PLAN": [Record<string, number>] }[]>(
        `explain (analyze, timing off, summary on, format json) ${query}`,
      );
      const [plan] = row!["QUERY PLAN"];
      return plan!["Planning Time"]! + plan!["Execution Time"]!;
    } finally {
      await connection.unsafe(rollback ? "rollback" : "commit");
      connection.release();
    }
  }

  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

  interface Pair {
    floor: number;
    rls: number;
    bare?: number;
  }
  /** floor and RLS (and bare) runs interleaved, alternating which goes first. */
  async function measure(
    uid: string,
    rlsQuery: string,
    floorQuery = rlsQuery,
    options: { rollback?: boolean; bare?: boolean } = {},
  ): Promise<Pair> {
    const modes: Mode[] = options.bare ? ["floor", "rls", "bare"] : ["floor", "rls"];
    const times: Record<Mode, number[]> = { floor: [], rls: [], bare: [] };
    const query = (mode: Mode) => (mode === "rls" ? rlsQuery : floorQuery);
    for (const mode of modes) await run(mode, uid, query(mode), options.rollback); // warm-up
    let spent = 0;
    for (let i = 0; i < iterations && (i < 5 || spent < PAIR_BUDGET_MS); i++) {
      for (const mode of i % 2 === 0 ? modes : [...modes].reverse()) {
        const ms = await run(mode, uid, query(mode), options.rollback);
        times[mode].push(ms);
        spent += ms;
      }
    }
    return {
      floor: median(times.floor),
      rls: median(times.rls),
      bare: options.bare ? median(times.bare) : undefined,
    };
  }

  const ms = (value: number) => value.toFixed(value < 10 ? 3 : 1).padStart(9);
  const verdict = (ratio: number, goal: number) => {
    if (ratio <= goal) return "ok";
    failed = true;
    return `MISSED (goal ≤ ${goal.toFixed(2)})`;
  };

  // The queries the app sends, as PostgREST builds them (the embed of the switcher
  // is PostgREST's lateral join).
  const orgMemberIds = async (org: string) =>
    (
      await sql.unsafe<{ user_id: string }[]>(
        `select user_id from public.organization_members where organization_id = '${org}'`,
      )
    ).map((row) => row.user_id);
  const queries = async (org: string, project: string, uid: string) => {
    const members = (await orgMemberIds(org)).map((id) => `'${id}'`).join(", ");
    return [
      {
        name: "project list (listProjects)",
        sql: `select id, name, status, created_at, updated_at from public.projects
              where organization_id = '${org}' order by created_at desc limit 201`,
      },
      {
        name: "project by id (getProject)",
        sql: `select id, name, status, created_at, updated_at from public.projects
              where organization_id = '${org}' and id = '${project}'`,
      },
      {
        name: "workspace switcher (listMyWorkspaces)",
        sql: `select m.role, row_to_json(o.*)::jsonb as organizations
              from public.organization_members m
              left join lateral (
                select o.id, o.name, o.slug, o.members_can_view_activity
                from public.organizations o where o.id = m.organization_id) o on true
              where m.user_id = '${uid}'`,
      },
      {
        name: "members list (listMembers)",
        sql: `select user_id, role, created_at from public.organization_members
              where organization_id = '${org}'`,
      },
      {
        name: "co-member profiles (listMembers)",
        sql: `select id, email, full_name from public.profiles where id in (${members})`,
      },
      {
        name: "activity page 1 (listActivity)",
        sql: `select id, actor_id, actor_kind, actor_label, action, table_name, record_id,
                     old_data, new_data, created_at
              from public.audit_logs where organization_id = '${org}'
              order by created_at desc, id desc limit 31`,
      },
      {
        name: "get_activity_actors",
        sql: `select actor_id, actor_label from public.get_activity_actors('${org}')`,
      },
    ];
  };

  console.log(
    `\n== Reads: median of up to ${iterations} interleaved pairs, planning + execution, ms ==`,
  );
  console.log(
    `${"query".padEnd(40)} ${"workspaces".padStart(10)} ${"floor".padStart(9)} ${"RLS".padStart(9)}  ratio`,
  );
  const scaling = new Map<string, Map<number, number>>();
  for (const n of SCALES) {
    const uid = scaleUsers.get(n)!;
    for (const query of await queries(org1!, project1, uid)) {
      const pair = await measure(uid, query.sql);
      const ratio = pair.rls / pair.floor;
      if (!scaling.has(query.name)) scaling.set(query.name, new Map());
      scaling.get(query.name)!.set(n, ratio);
      console.log(
        `${query.name.padEnd(40)} ${String(n).padStart(10)} ${ms(pair.floor)} ${ms(pair.rls)}  ${ratio.toFixed(2)} ${verdict(ratio, QUERY_GOAL)}`,
      );
    }
  }

  console.log("\n== Scaling: RLS/floor ratio by the number of workspaces the user is in ==");
  console.log(`${"query".padEnd(40)} ${SCALES.map((n) => String(n).padStart(7)).join("")}`);
  for (const [name, byScale] of scaling)
    console.log(
      `${name.padEnd(40)} ${SCALES.map((n) => byScale.get(n)!.toFixed(2).padStart(7)).join("")}`,
    );

  console.log(
    `\n== Whale next door: a small workspace's owner who is also a member of a ${SIZE.whaleProjects.toLocaleString("en")}-project workspace ==`,
  );
  for (const query of await queries(org2!, project2, neighbour!)) {
    if (query.name.startsWith("workspace switcher")) continue;
    const pair = await measure(neighbour!, query.sql);
    const ratio = pair.rls / pair.floor;
    console.log(
      `${query.name.padEnd(40)} ${ms(pair.floor)} ${ms(pair.rls)}  ${ratio.toFixed(2)} ${verdict(ratio, QUERY_GOAL)}`,
    );
  }

  console.log(
    "\n== The unfiltered project list (no workspace filter: any member can send it to the API) ==",
  );
  console.log("floor: the same list filtered on the caller's workspaces; no goal, for information");
  for (const n of SCALES) {
    const uid = scaleUsers.get(n)!;
    const list = (
      await sql.unsafe<{ organization_id: string }[]>(
        `select organization_id from public.organization_members where user_id = '${uid}'`,
      )
    )
      .map((row) => `'${row.organization_id}'`)
      .join(", ");
    const unfiltered = `select id, name, status, created_at, updated_at from public.projects
                        order by created_at desc limit 201`;
    const filtered = `select id, name, status, created_at, updated_at from public.projects
                      where organization_id in (${list}) order by created_at desc limit 201`;
    const pair = await measure(uid, unfiltered, filtered);
    console.log(
      `${"unfiltered project list".padEnd(40)} ${String(n).padStart(10)} ${ms(pair.floor)} ${ms(pair.rls)}  ${(pair.rls / pair.floor).toFixed(2)}`,
    );
  }

  console.log(
    "\n== Writes to projects as the workspace owner (rolled back): floor = superuser with the same claims and triggers ==",
  );
  console.log(
    `${"write".padEnd(40)} ${"bare".padStart(9)} ${"floor".padStart(9)} ${"RLS".padStart(9)}  throughput RLS/floor`,
  );
  const owner = scaleUsers.get(1_000)!;
  const writes = [
    {
      name: "insert one row",
      sql: `insert into public.projects (organization_id, name) values ('${org1}', 'bench')`,
      goal: SINGLE_WRITE_GOAL,
    },
    {
      name: "update one row",
      sql: `update public.projects set name = 'bench renamed'
            where organization_id = '${org1}' and id = '${project1}'`,
      goal: SINGLE_WRITE_GOAL,
    },
    {
      name: "insert 1,000 rows in one statement",
      sql: `insert into public.projects (organization_id, name)
            select '${org1}', 'bench ' || g from generate_series(1, 1000) g`,
      goal: BULK_WRITE_GOAL,
    },
  ];
  for (const write of writes) {
    const pair = await measure(owner, write.sql, write.sql, { rollback: true, bare: true });
    const ratio = pair.rls / pair.floor;
    console.log(
      `${write.name.padEnd(40)} ${ms(pair.bare!)} ${ms(pair.floor)} ${ms(pair.rls)}  ${(1 / ratio).toFixed(2)} ${verdict(ratio, write.goal)}`,
    );
  }
} finally {
  await Promise.all(openConnections.map((connection) => connection.end({ timeout: 5 })));
  if (values.keep || reused) console.log(`\nkept the database: ${redact(database.url)}`);
  else await database.drop();
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
if (failed) {
  console.log("\nAt least one ratio missed its goal (MISSED above).");
  process.exitCode = 1;
}
