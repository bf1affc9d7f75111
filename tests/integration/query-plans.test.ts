/**
 * Plan checks for the hot paths: on large generated tenant tables, the workspace's
 * main list queries use an index, never a sequential scan of the tenant table.
 *
 * The data (1,000 workspaces, 200,000 projects, 200,000 audit entries, plus
 * 50,000 in the one big workspace whose activity is paged) is generated
 * with superuser SQL. The queries are then planned as the API plans them for a
 * signed-in user: role `authenticated`, `request.jwt.claim.sub` / `request.jwt.claims`
 * set for the transaction (what Supabase Lite's applyJwtSessionContext and PostgREST
 * do, and what auth.uid() reads), so the RLS policies are part of the plan.
 * The queries are the ones lib/projects/queries.ts and lib/activity/queries.ts send,
 * plus the "RLS alone" form that forgets the tenant filter.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lit } from "../access-specs";
import { signUpUser, uniqueEmail } from "../support/clients";
import { runSql } from "../support/sql";

const stack = inject("stack");
const sql = <Row = Record<string, unknown>>(query: string) => runSql<Row>(stack, query);

const WORKSPACES = 1_000;
const PROJECTS_PER_WORKSPACE = 200;
const ENTRIES_PER_WORKSPACE = 200;
const BIG_WORKSPACE_ENTRIES = 50_000;
/** Projects of the whale next door (workspace 999), beside the 200 of every other one. */
const WHALE_PROJECTS = 50_000;
const tag = `plan-${Date.now().toString(36)}`;

let userId: string;
/** A member of every generated workspace: what grows with a user's workspace count shows here. */
let manyUserId: string;
let orgId: string;
/** An entry in the middle of the workspace's activity, as a "load older" cursor. */
let cursor: { created_at: string; id: number };

beforeAll(async () => {
  userId = (await signUpUser(stack, uniqueEmail("plans"))).id;
  manyUserId = (await signUpUser(stack, uniqueEmail("plans-many"))).id;
  // Bulk load as the superuser, with triggers off for the load only
  // (session_replication_role = replica): the audit trigger would double the work
  // and the append-only trigger refuses direct inserts into audit_logs.
  await sql(`
do $$
begin
  perform set_config('session_replication_role', 'replica', true);
  insert into public.organizations (name, slug)
  select 'Plan ' || g, ${lit(tag)} || '-' || g from generate_series(1, ${WORKSPACES}) g;
  insert into public.projects (organization_id, name, status, created_at)
  select o.id, 'Project ' || g, case when g % 7 = 0 then 'archived' else 'active' end,
         now() - (g || ' minutes')::interval
  from public.organizations o cross join generate_series(1, ${PROJECTS_PER_WORKSPACE}) g
  where o.slug like ${lit(`${tag}-%`)};
  insert into public.audit_logs (organization_id, actor_kind, action, table_name, record_id, created_at)
  select o.id, 'system', 'insert', 'projects', g::text, now() - (g || ' minutes')::interval
  from public.organizations o cross join generate_series(1, ${ENTRIES_PER_WORKSPACE}) g
  where o.slug like ${lit(`${tag}-%`)};
  -- The user's main workspace is a big tenant: paging must walk the index in order,
  -- not fetch the whole trail and sort it.
  insert into public.audit_logs
    (organization_id, actor_id, actor_kind, action, table_name, record_id, created_at)
  select o.id, case when g % 5 = 0 then ${lit(userId)}::uuid end,
         case when g % 5 = 0 then 'user' else 'system' end,
         'update', 'projects', g::text, now() - (g || ' seconds')::interval
  from public.organizations o cross join generate_series(1, ${BIG_WORKSPACE_ENTRIES}) g
  where o.slug = ${lit(`${tag}-500`)};
  -- The user is an owner of three of them, like a consultant with a few clients.
  insert into public.organization_members (organization_id, user_id, role)
  select o.id, ${lit(userId)}, 'owner' from public.organizations o
  where o.slug in (${[1, 500, 1000].map((n) => lit(`${tag}-${n}`)).join(", ")});
  insert into public.organization_members (organization_id, user_id, role)
  select o.id, ${lit(manyUserId)}, 'member' from public.organizations o
  where o.slug like ${lit(`${tag}-%`)};
  insert into public.projects (organization_id, name, created_at)
  select o.id, 'Whale ' || g, now() - (g || ' seconds')::interval
  from public.organizations o cross join generate_series(1, ${WHALE_PROJECTS}) g
  where o.slug = ${lit(`${tag}-999`)};
end $$;`);
  await sql(
    "analyze public.organizations, public.organization_members, public.projects, public.audit_logs",
  );
  const [org] = await sql<{ id: string }>(
    `select id from public.organizations where slug = ${lit(`${tag}-500`)}`,
  );
  if (!org) throw new Error("the generated workspaces are missing");
  orgId = org.id;
  const [middle] = await sql<{ created_at: string; id: number }>(
    `select created_at::text, id::int from public.audit_logs where organization_id = ${lit(orgId)}
     order by created_at desc, id desc offset 100 limit 1`,
  );
  if (!middle) throw new Error("the generated activity is missing");
  cursor = middle;
  // EXPLAIN as the API would run the query: role and claims local to the transaction.
  await sql(`
create schema if not exists tenantkit_test;
create or replace function tenantkit_test.explain_as(uid uuid, query text)
returns jsonb
language plpgsql
as $$
declare
  plan jsonb;
begin
  perform set_config('request.jwt.claim.sub', uid::text, true);
  perform set_config('request.jwt.claim.role', 'authenticated', true);
  perform set_config('request.jwt.claims', json_build_object('sub', uid, 'role', 'authenticated')::text, true);
  perform set_config('role', 'authenticated', true);
  execute 'explain (analyze, format json) ' || query into plan;
  perform set_config('role', 'none', true);
  return plan;
end
$$;`);
}, 120_000);

afterAll(async () => {
  await sql(`
do $$
begin
  perform set_config('session_replication_role', 'replica', true);
  delete from public.audit_logs a using public.organizations o
    where a.organization_id = o.id and o.slug like ${lit(`${tag}-%`)};
  delete from public.projects p using public.organizations o
    where p.organization_id = o.id and o.slug like ${lit(`${tag}-%`)};
  delete from public.organization_members m using public.organizations o
    where m.organization_id = o.id and o.slug like ${lit(`${tag}-%`)};
  delete from public.organizations o where o.slug like ${lit(`${tag}-%`)};
end $$;
drop schema if exists tenantkit_test cascade;`);
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Filter?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(query: string, as = userId) {
  const [row] = await sql<{ plan: [{ Plan: PlanNode; "Execution Time": number }] | string }>(
    `select tenantkit_test.explain_as(${lit(as)}, ${lit(query)}) as plan`,
  );
  const parsed = typeof row?.plan === "string" ? JSON.parse(row.plan) : row?.plan;
  const [{ Plan, "Execution Time": ms }] = parsed as [{ Plan: PlanNode; "Execution Time": number }];
  return { plan: Plan, ms, all: nodes(Plan) };
}

const HOT_PATHS: {
  name: string;
  table: string;
  query: () => string;
  rows: number;
  /** The index the plan must use, in its order: no Sort node on top of it. */
  orderedBy?: string;
}[] = [
  {
    name: "projects list (lib/projects/queries.ts listProjects)",
    table: "projects",
    query: () =>
      `select id, name, status, created_at, updated_at from public.projects
       where organization_id = ${lit(orgId)} order by created_at desc limit 201`,
    rows: 200,
    orderedBy: "projects_org_created_idx",
  },
  {
    name: "one project of the workspace (getProject)",
    table: "projects",
    query: () =>
      `select id, name, status, created_at, updated_at from public.projects
       where organization_id = ${lit(orgId)} and id = (select id from public.projects where organization_id = ${lit(orgId)} limit 1)`,
    rows: 1,
  },
  {
    name: "projects list relying on RLS alone (no tenant filter)",
    table: "projects",
    query: () =>
      "select id, name, status, created_at from public.projects order by created_at desc limit 50",
    rows: 50,
  },
  {
    name: "activity page (lib/activity/queries.ts listActivity)",
    table: "audit_logs",
    query: () =>
      `select id, actor_id, action, table_name, record_id, created_at from public.audit_logs
       where organization_id = ${lit(orgId)} order by created_at desc, id desc limit 31`,
    rows: 31,
    orderedBy: "audit_logs_org_created_idx",
  },
  {
    name: "activity page filtered by person",
    table: "audit_logs",
    query: () =>
      `select id, action, created_at from public.audit_logs
       where organization_id = ${lit(orgId)} and actor_id = ${lit(userId)}
       order by created_at desc, id desc limit 31`,
    rows: 31,
    // Not `orderedBy`: with a person's entries clustered on few pages, the planner
    // rightly prefers a bitmap scan and a top-N sort; either way through the index.
  },
  {
    name: "activity page, older entries (keyset cursor)",
    table: "audit_logs",
    // What PostgREST builds from listActivity's lte("created_at") + or(created_at.lt, id.lt).
    query: () =>
      `select id, action, created_at from public.audit_logs
       where organization_id = ${lit(orgId)} and created_at <= ${lit(cursor.created_at)}
         and (created_at < ${lit(cursor.created_at)} or id < ${cursor.id})
       order by created_at desc, id desc limit 31`,
    rows: 31,
    orderedBy: "audit_logs_org_created_idx",
  },
];

describe(`query plans as an authenticated user (${WORKSPACES} workspaces, ${WORKSPACES * PROJECTS_PER_WORKSPACE} projects)`, () => {
  it("the generated data is there and the user sees only their three workspaces", async () => {
    const [counts] = await sql<{ projects: number; visible: number }>(
      `select (select count(*)::int from public.projects) as projects,
              (select count(*)::int from public.organization_members where user_id = ${lit(userId)}) as visible`,
    );
    expect(counts?.projects).toBeGreaterThanOrEqual(WORKSPACES * PROJECTS_PER_WORKSPACE);
    expect(counts?.visible).toBe(3);
    // RLS is in force inside explain_as: the unfiltered count is three workspaces' worth.
    const { all } = await explain("select count(*) from public.projects");
    const aggregate = all.find((node) => node["Node Type"] === "Aggregate");
    expect(aggregate).toBeDefined();
    const scanned = all
      .filter((node) => node["Relation Name"] === "projects")
      .reduce((sum, node) => sum + (node["Actual Rows"] ?? 0), 0);
    expect(scanned).toBe(3 * PROJECTS_PER_WORKSPACE);
  });

  it("the people of a 50,000-entry log (get_activity_actors): one index probe per person, not a pass over the log", async () => {
    // A SQL function's plan hides behind its Function Scan: plan its body instead,
    // as the catalog holds it, with the workspace id in place of the parameter.
    const [fn] = await sql<{ body: string }>(
      `select prosrc as body from pg_proc where oid = 'public.get_activity_actors(uuid)'::regprocedure`,
    );
    if (!fn) throw new Error("get_activity_actors is missing");
    const body = fn.body
      .trim()
      .replace(/;$/, "")
      .replace(/\borg\b/g, `${lit(orgId)}::uuid`);
    const rowsFromLog = (nodes: PlanNode[]) =>
      nodes
        .filter((node) => node["Relation Name"] === "audit_logs")
        .reduce((sum, node) => sum + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1), 0);
    const viaFunction = await explain(body);
    const naive = await explain(
      `select distinct actor_id from public.audit_logs
       where organization_id = ${lit(orgId)} and actor_id is not null`,
    );
    console.log(
      `get_activity_actors reads ${rowsFromLog(viaFunction.all)} log rows; a distinct over the log reads ${rowsFromLog(naive.all)}`,
    );
    // Same answer (one person acted in the generated log)...
    expect(viaFunction.plan["Actual Rows"]).toBe(1);
    expect(naive.plan["Actual Rows"]).toBe(1);
    // ...from a handful of index entries instead of every entry that person wrote.
    expect(
      viaFunction.all.filter((node) => node["Node Type"] === "Seq Scan"),
      "no sequential scan",
    ).toEqual([]);
    expect(rowsFromLog(viaFunction.all)).toBeLessThan(10);
    expect(rowsFromLog(naive.all)).toBeGreaterThanOrEqual(BIG_WORKSPACE_ENTRIES / 5);
  });

  it.each(HOT_PATHS)("$name: index scan on $table, no sequential scan", async (path) => {
    const { all, ms } = await explain(path.query());
    const summary = all
      .map(
        (n) =>
          `${n["Node Type"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}`,
      )
      .join(" > ");
    const seqScans = all.filter(
      (node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === path.table,
    );
    expect(seqScans, `plan: ${summary}`).toEqual([]);
    const indexed = all.filter(
      (node) =>
        (node["Relation Name"] === path.table && /Index/.test(node["Node Type"])) ||
        (node["Node Type"] === "Bitmap Index Scan" && node["Index Name"]?.startsWith(path.table)),
    );
    expect(indexed.length, `plan: ${summary}`).toBeGreaterThan(0);
    if (path.orderedBy) {
      expect(
        all.filter((node) => node["Node Type"] === "Sort"),
        `plan: ${summary}`,
      ).toEqual([]);
      expect(
        all.some((node) => node["Index Name"] === path.orderedBy),
        `plan: ${summary}`,
      ).toBe(true);
    }
    console.log(`plan ${path.name}: ${ms.toFixed(2)} ms: ${summary}`);
  });
});

const describePlan = (all: PlanNode[]) =>
  all
    .map(
      (n) =>
        `${n["Node Type"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""}${n["Actual Loops"] && n["Actual Loops"] > 1 ? ` ×${n["Actual Loops"]}` : ""}`,
    )
    .join(" > ");

/** Rows a plan took from a table, over all loops. */
const rowsRead = (all: PlanNode[], table: string) =>
  all
    .filter((node) => node["Relation Name"] === table)
    .reduce((sum, node) => sum + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1), 0);

describe(`query plans for a member of all ${WORKSPACES} workspaces, next to a ${WHALE_PROJECTS}-project whale (shape, not time)`, () => {
  // A policy's set-returning helper (get_user_org_ids() and the like) shows as a
  // ProjectSet node: evaluated once per statement (an InitPlan or a hashed SubPlan),
  // never once per row, or the cost would be rows × workspaces.
  const helpersRunOnce = (all: PlanNode[]) =>
    all.filter((node) => node["Node Type"] === "ProjectSet" && (node["Actual Loops"] ?? 1) > 1);

  it("the workspace switcher: each table read once, the membership helper once", async () => {
    const { all } = await explain(
      `select m.role, o.name, o.slug from public.organization_members m
       left join lateral (select o.name, o.slug from public.organizations o
                          where o.id = m.organization_id) o on true
       where m.user_id = ${lit(manyUserId)}`,
      manyUserId,
    );
    const plan = describePlan(all);
    // This user is in nearly every workspace of the database, so a hash join of two
    // sequential scans is the right plan; what must not happen is a per-membership
    // pass over the helper's 1,000 ids (the array form's cost before issue 15).
    expect(helpersRunOnce(all), plan).toEqual([]);
    const [total] = await sql<{ n: number }>("select count(*)::int as n from public.organizations");
    expect(rowsRead(all, "organizations"), plan).toBeLessThanOrEqual(total!.n);
    // Membership is a hash probe per row, not a walk along a 1,000-element array.
    const conditions = all
      .filter((node) => node["Relation Name"] === "organizations")
      .map((node) => `${node.Filter ?? ""} ${node["Index Cond"] ?? ""}`);
    expect(conditions.join(" "), plan).toMatch(/hashed SubPlan/);
    expect(conditions.join(" "), plan).not.toMatch(/= ANY/);
    expect(all[0]?.["Actual Rows"], plan).toBe(WORKSPACES);
  });

  it("co-member profiles: read by their keys, without listing every co-member of every workspace", async () => {
    const { all } = await explain(
      `select id, email, full_name from public.profiles
       where id in (${lit(userId)}, ${lit(manyUserId)})`,
      manyUserId,
    );
    const plan = describePlan(all);
    expect(
      all.filter((node) => node["Node Type"] === "Seq Scan"),
      plan,
    ).toEqual([]);
    expect(helpersRunOnce(all), plan).toEqual([]);
    // The policy asks per profile row; no plan node reads memberships in bulk.
    expect(rowsRead(all, "organization_members"), plan).toBe(0);
    expect(all[0]?.["Actual Rows"], plan).toBe(2);
  });

  it("a small workspace's project list reads its own page only, the whale next door costs nothing", async () => {
    const [small] = await sql<{ id: string }>(
      `select id from public.organizations where slug = ${lit(`${tag}-998`)}`,
    );
    const { all } = await explain(
      `select id, name, status, created_at, updated_at from public.projects
       where organization_id = ${lit(small!.id)} order by created_at desc limit 201`,
      manyUserId,
    );
    const plan = describePlan(all);
    expect(
      all.filter((node) => node["Node Type"] === "Seq Scan"),
      plan,
    ).toEqual([]);
    expect(
      all.filter((node) => node["Node Type"] === "Sort"),
      plan,
    ).toEqual([]);
    expect(helpersRunOnce(all), plan).toEqual([]);
    expect(rowsRead(all, "projects"), plan).toBe(PROJECTS_PER_WORKSPACE);
  });

  it("the members list of a workspace: by its index, no helper per row", async () => {
    const { all } = await explain(
      `select user_id, role, created_at from public.organization_members
       where organization_id = ${lit(orgId)}`,
      manyUserId,
    );
    const plan = describePlan(all);
    expect(
      all.filter((node) => node["Node Type"] === "Seq Scan"),
      plan,
    ).toEqual([]);
    expect(helpersRunOnce(all), plan).toEqual([]);
  });
});
