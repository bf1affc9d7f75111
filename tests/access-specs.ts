/**
 * WHO MAY DO WHAT: the access policy of every table and RPC the API exposes, as data.
 *
 * The attack matrix (tests/integration/attack-matrix.test.ts) reads the live catalog,
 * finds every table of the exposed schemas and every function `authenticated` may
 * execute, and attacks each one through the real HTTP API as five actors:
 *
 *   anon      no session (the publishable key only)
 *   outsider  a signed-in user who owns ANOTHER workspace (B) and is not in workspace A
 *   member    role member in workspace A
 *   admin     role admin in workspace A
 *   owner     role owner in workspace A
 *
 * Every target lives in workspace A. As a control, the outsider also runs every
 * cell against their own workspace B and must get exactly what A's owner gets in A.
 * A table or RPC without an entry here FAILS the suite, naming what to add.
 *
 * ─── Adding a table ──────────────────────────────────────────────────────────────
 * Add `"public.<table>": { may, seed, insert, patch }` to TABLES below:
 *   may     who may select / insert / update / delete / upsert A's rows (see `Who`)
 *   seed    puts one row of the table into a workspace (superuser SQL, `w.sql`) and
 *           returns it (at least its primary key): the row the actors read, change,
 *           delete and upsert
 *   insert  the columns an insert attempt sends (organization_id = A is added)
 *   patch   the columns an update or upsert attempt changes
 *   scope   (optional) SQL condition on alias `t` selecting the workspace's rows,
 *           where :org is its id. Default: "t.organization_id = :org".
 *
 * ─── Adding an RPC ───────────────────────────────────────────────────────────────
 * Add `"public.<fn>(<identity args>)": { may, args, effect }` to RPCS below. The key
 * is the name and argument list as `pg_get_function_identity_arguments` prints them
 * (the failure message prints it for you):
 *   may     who may call it with workspace A's ids (see `Who`)
 *   args    the call's arguments, built from the target workspace `w`: pass A's ids
 *           (w.id, w.rows["public.invitations"].id, w.users.bystander.id, ...)
 *   effect  "writes": allowed = some table's rows of the workspace changed;
 *           or a function of the response: allowed = it returned A's data
 *
 * ─── Who ─────────────────────────────────────────────────────────────────────────
 *   "member" | "admin" | "owner"  that role or higher in the workspace (member < admin < owner)
 *   "authenticated"               any signed-in user, also one of another workspace
 *   "nobody"                      no one through the API (service role and RPCs only)
 *   { member: "allow", ... }      one verdict per actor; actors left out are denied
 *
 * "Denied" is judged by effect, not by the HTTP answer: nothing was returned, or no
 * row of the workspace changed (re-read with superuser SQL).
 */
import { randomBytes } from "node:crypto";

export type Actor = "anon" | "outsider" | "member" | "admin" | "owner";
export type Verdict = "allow" | "deny";
export type Verb = "select" | "insert" | "update" | "delete" | "upsert";
export type Role = "member" | "admin" | "owner";
export type Who = Role | "authenticated" | "nobody" | Partial<Record<Actor, Verdict>>;

export const ACTORS: Actor[] = ["anon", "outsider", "member", "admin", "owner"];
export const VERBS: Verb[] = ["select", "insert", "update", "delete", "upsert"];

export interface FixtureUser {
  id: string;
  email: string;
}

/** A workspace built for one attack (or the standing workspaces A and B). */
export interface Workspace {
  id: string;
  slug: string;
  /** Its members by role. In workspace B the outsider is the owner, and admin/member are absent. */
  users: {
    owner: FixtureUser;
    admin?: FixtureUser;
    member?: FixtureUser;
    /** A plain member, the subject of role changes, removals and transfers. */
    bystander: FixtureUser;
    /** A signed-up user in no workspace at all. */
    newcomer: FixtureUser;
  };
  /** The row `seed` returned for each table, keyed "schema.table". */
  rows: Record<string, Record<string, unknown>>;
  /** Superuser SQL on the test stack, for seeding. Never used to decide access. */
  sql: <Row = Record<string, unknown>>(query: string) => Promise<Row[]>;
  /** A short random string, for unique names. */
  unique: () => string;
}

/** Quotes a value as a SQL literal. */
export const lit = (value: unknown) =>
  value === null || value === undefined ? "null" : `'${String(value).replace(/'/g, "''")}'`;

export interface TableSpec {
  may: Record<Verb, Who>;
  scope?: string;
  seed: (w: Workspace) => Promise<Record<string, unknown>>;
  insert: (
    w: Workspace,
    actor: { id: string | null; isMember: boolean },
  ) => Record<string, unknown>;
  patch: (w: Workspace) => Record<string, unknown>;
}

export type RpcResponse = { data: unknown; error: { code?: string; message: string } | null };

export interface RpcSpec {
  may: Who;
  args: (w: Workspace) => Record<string, unknown>;
  effect: "writes" | ((response: RpcResponse, w: Workspace) => boolean | Promise<boolean>);
}

const first = async (rows: Promise<Record<string, unknown>[]>, what: string) => {
  const [row] = await rows;
  if (!row) throw new Error(`seed ${what}: no row`);
  return row;
};

/** An invitation's plaintext token (stored as private.hash_invitation_token(token)). */
const newToken = () => randomBytes(24).toString("hex");

// ─────────────────────────────────────────────────────────────────────────────────
// Tables
// ─────────────────────────────────────────────────────────────────────────────────
export const TABLES: Record<string, TableSpec> = {
  "public.organizations": {
    // The workspace row itself: its id is the tenant id. Created only by create_organization().
    // delete: nobody, owners included: deleting is scheduling (schedule_workspace_deletion), the purge deletes.
    may: {
      select: "member",
      insert: "nobody",
      update: "admin",
      delete: "nobody",
      upsert: "nobody",
    },
    scope: "t.id = :org",
    // Also gives the workspace two support grants (platform.support_grants, not an API
    // table): an open one, which get_support_grants() shows to its members and close
    // and revoke attempts target, and a pending one, for approval attempts.
    seed: async (w) => {
      const grants = await w.sql<{ id: string; pending: boolean }>(
        `insert into platform.support_grants
           (organization_id, operator_id, operator_email, reason, approved_at, approved_by, expires_at)
         values (${lit(w.id)}, gen_random_uuid(), 'ops@platform.test', 'Seeded for the attack matrix',
                 now(), 'automatic', now() + interval '1 hour'),
                (${lit(w.id)}, gen_random_uuid(), 'ops@platform.test', 'Seeded for the attack matrix',
                 null, null, null)
         returning id, approved_at is null as pending`,
      );
      const organization = await first(
        w.sql(`select id, slug from public.organizations where id = ${lit(w.id)}`),
        "organization",
      );
      return {
        ...organization,
        support_grant_id: grants.find((grant) => !grant.pending)?.id,
        pending_support_grant_id: grants.find((grant) => grant.pending)?.id,
      };
    },
    insert: (w) => ({ name: "Direct insert", slug: `direct-${w.unique()}` }),
    patch: (w) => ({ name: `Renamed ${w.unique()}` }),
  },
  "public.organization_members": {
    // Memberships change only through the member RPCs, even for owners.
    may: {
      select: "member",
      insert: "nobody",
      update: "nobody",
      delete: "nobody",
      upsert: "nobody",
    },
    seed: async (w) =>
      first(
        w.sql(
          `select id, organization_id, user_id, role from public.organization_members
           where organization_id = ${lit(w.id)} and user_id = ${lit(w.users.bystander.id)}`,
        ),
        "membership",
      ),
    // The outsider tries to add themself as owner; members try to add a newcomer as owner.
    insert: (w, actor) => ({
      user_id: actor.isMember || !actor.id ? w.users.newcomer.id : actor.id,
      role: "owner",
    }),
    patch: () => ({ role: "owner" }),
  },
  "public.projects": {
    // upsert: nobody, because `id` and `created_at` are not insertable (column grants).
    may: { select: "member", insert: "member", update: "admin", delete: "owner", upsert: "nobody" },
    seed: async (w) =>
      first(
        w.sql(
          `insert into public.projects (organization_id, name, created_by)
           values (${lit(w.id)}, ${lit(`Seeded ${w.unique()}`)}, ${lit(w.users.owner.id)})
           returning id, organization_id, name`,
        ),
        "project",
      ),
    insert: (w) => ({ name: `Inserted ${w.unique()}` }),
    patch: (w) => ({ name: `Renamed ${w.unique()}` }),
  },
  "public.invitations": {
    // Written only by invite_member(), revoke_invitation() and accept_invitation().
    may: {
      select: "admin",
      insert: "nobody",
      update: "nobody",
      delete: "nobody",
      upsert: "nobody",
    },
    seed: async (w) => {
      const token = newToken();
      const row = await first(
        w.sql(
          `insert into public.invitations (organization_id, email, role, token_hash, invited_by)
           values (${lit(w.id)}, ${lit(`invitee-${w.unique()}@test.example`)}, 'member',
                   private.hash_invitation_token(${lit(token)}), ${lit(w.users.owner.id)})
           returning id, organization_id, email`,
        ),
        "invitation",
      );
      return { ...row, token };
    },
    insert: (w) => ({
      email: `forged-${w.unique()}@test.example`,
      role: "owner",
      token_hash: "0".repeat(64),
    }),
    patch: () => ({ role: "owner" }),
  },
  "public.audit_logs": {
    // Readers: owners and admins, members only when the workspace allows it (off here).
    // Append-only: written by the audit trigger alone.
    may: {
      select: "admin",
      insert: "nobody",
      update: "nobody",
      delete: "nobody",
      upsert: "nobody",
    },
    // The deletion of a project by the owner: the entry restore_project() can
    // restore, and an actor for get_activity_actors() to name.
    seed: async (w) => {
      const project = await first(
        w.sql(
          `insert into public.projects (organization_id, name, created_by)
           values (${lit(w.id)}, ${lit(`Deleted ${w.unique()}`)}, ${lit(w.users.owner.id)}) returning id`,
        ),
        "project to delete",
      );
      const owner = w.users.owner.id;
      await w.sql(
        `select set_config('request.jwt.claim.sub', ${lit(owner)}, true),
                set_config('request.jwt.claims', ${lit(JSON.stringify({ sub: owner, role: "authenticated" }))}, true);
         delete from public.projects where id = ${lit(project.id)};`,
      );
      return first(
        w.sql(
          `select id, organization_id from public.audit_logs
           where organization_id = ${lit(w.id)} and table_name = 'projects'
             and record_id = ${lit(project.id)} and new_data is null`,
        ),
        "audit entry",
      );
    },
    insert: () => ({ actor_kind: "user", action: "forged", table_name: "projects" }),
    patch: () => ({ action: "tampered" }),
  },
  "public.workspace_subscriptions": {
    // The workspace's plan and billing status: its members read it, only the platform
    // writes it (change_workspace_plan(), the billing webhook). The row exists from
    // the workspace's creation (Free).
    may: {
      select: "member",
      insert: "nobody",
      update: "nobody",
      delete: "nobody",
      upsert: "nobody",
    },
    seed: async (w) =>
      first(
        w.sql(
          `select organization_id, plan_id from public.workspace_subscriptions
           where organization_id = ${lit(w.id)}`,
        ),
        "subscription",
      ),
    insert: () => ({ plan_id: "enterprise", status: "active" }),
    patch: () => ({ plan_id: "enterprise" }),
  },
  "public.profiles": {
    // Not a tenant table: a user's name and email, visible to themself and co-members.
    // The seeded row is the workspace owner's profile.
    may: {
      select: "member",
      insert: "nobody",
      update: "nobody",
      delete: "nobody",
      upsert: "nobody",
    },
    scope:
      "t.id in (select m.user_id from public.organization_members m where m.organization_id = :org)",
    seed: async (w) =>
      first(
        w.sql(`select id, email from public.profiles where id = ${lit(w.users.owner.id)}`),
        "profile",
      ),
    insert: (w) => ({ id: w.users.newcomer.id, email: `forged-${w.unique()}@test.example` }),
    patch: () => ({ full_name: "Renamed by someone else" }),
  },
};

// ─────────────────────────────────────────────────────────────────────────────────
// Catalog tables: the same for every workspace (the plan catalog), read by every
// signed-in user, written by no API role (migrations and the platform only). They are
// not any workspace's data, so the matrix above does not fit them; the attack matrix
// checks that anon reads nothing, a signed-in user reads rows, and that no actor's
// insert, update, delete or upsert changes a byte of the table.
//   insert  a row an attacker would add (a free unlimited plan, a forged metric)
//   patch   what an attacker would change on every row
// ─────────────────────────────────────────────────────────────────────────────────
export const CATALOG_TABLES: Record<
  string,
  { insert: Record<string, unknown>; patch: Record<string, unknown> }
> = {
  "public.plan_metrics": {
    insert: {
      id: "forged_metric",
      kind: "count",
      label: "Forged",
      unit_singular: "x",
      unit_plural: "xs",
    },
    patch: { label: "Tampered" },
  },
  "public.plans": {
    insert: { id: "forged", name: "Forged", is_public: true },
    patch: { name: "Tampered", monthly_price_cents: 0 },
  },
  "public.plan_limits": {
    insert: { plan_id: "free", metric: "projects", limit_value: null },
    patch: { limit_value: null },
  },
};

// ─────────────────────────────────────────────────────────────────────────────────
// RPCs: every function of an exposed schema that `authenticated` may execute, which
// is exactly the RPCs the app calls. This list is also the catalog gate's list of
// intended RPCs (rule security-definer-intended-rpc): a security definer function
// not listed here fails it. Helpers and triggers live in schema `private`, which the
// API does not expose (the attack matrix proves /rest/v1/rpc/<name> is "not found"
// for each of them).
// ─────────────────────────────────────────────────────────────────────────────────
export const RPCS: Record<string, RpcSpec> = {
  // Any signed-in user may create a workspace; it does not touch A.
  "public.create_organization(name text, slug text)": {
    may: "authenticated",
    args: (w) => ({ name: "Via RPC", slug: `rpc-${w.unique()}` }),
    effect: async (response, w) => {
      const slug = (response.data as { slug?: string } | null)?.slug;
      if (!slug) return false;
      const rows = await w.sql(`select 1 from public.organizations where slug = ${lit(slug)}`);
      return rows.length === 1;
    },
  },
  "public.invite_member(org uuid, email text, role text)": {
    may: "admin",
    args: (w) => ({ org: w.id, email: `invited-${w.unique()}@test.example`, role: "member" }),
    effect: "writes",
  },
  "public.revoke_invitation(org uuid, invitation_id uuid)": {
    may: "admin",
    args: (w) => ({ org: w.id, invitation_id: w.rows["public.invitations"]?.id }),
    effect: "writes",
  },
  // Whoever holds the token may see the invitation, signed in or not: the workspace's
  // name and who invites (the signed-out invitation page shows both; the token is the
  // credential, mailed to the invited address). Accepting is another matter (below).
  "public.get_invitation(token text)": {
    may: { anon: "allow", outsider: "allow", member: "allow", admin: "allow", owner: "allow" },
    args: (w) => ({ token: w.rows["public.invitations"]?.token }),
    effect: (response, w) =>
      !response.error &&
      (response.data as { workspace_slug?: string } | null)?.workspace_slug === w.slug,
  },
  // The seeded invitation is for someone else's address: nobody here may accept it.
  "public.accept_invitation(token text)": {
    may: "nobody",
    args: (w) => ({ token: w.rows["public.invitations"]?.token }),
    effect: "writes",
  },
  // Acts only on the caller: there is no target to pass. The attack it must stop is
  // deleting someone else's account, so every actor calls it with the confirmation of
  // another member of A (the bystander): nobody can, and A's rows stay as they were.
  // A caller deleting their own account (allowed for members and admins, refused for
  // a workspace's only owner) cannot be a cell here: the actors are shared by every
  // cell, and a deleted one would fail the rest. tests/integration/account.test.ts
  // holds those stories on both engines.
  "public.delete_my_account(confirm_email text)": {
    may: "nobody",
    args: (w) => ({ confirm_email: w.users.bystander.email }),
    effect: "writes",
  },
  // Proves the caller's own address; touches no workspace's rows.
  "public.prove_email(code text)": {
    may: "nobody",
    args: () => ({ code: "123456" }),
    effect: "writes",
  },
  "public.update_member_role(org uuid, member_id uuid, role text)": {
    may: "admin",
    args: (w) => ({ org: w.id, member_id: w.users.bystander.id, role: "admin" }),
    effect: "writes",
  },
  "public.remove_member(org uuid, member_id uuid)": {
    may: "admin",
    args: (w) => ({ org: w.id, member_id: w.users.bystander.id }),
    effect: "writes",
  },
  // Members and admins may leave; the only owner may not (last-owner protection).
  "public.leave_organization(org uuid)": {
    may: { member: "allow", admin: "allow", owner: "deny" },
    args: (w) => ({ org: w.id }),
    effect: "writes",
  },
  "public.transfer_ownership(org uuid, new_owner_id uuid)": {
    may: "owner",
    args: (w) => ({ org: w.id, new_owner_id: w.users.bystander.id }),
    effect: "writes",
  },
  // Reads audit_logs under its RLS policy (security invoker): A's people for A's log readers only.
  "public.get_activity_actors(org uuid)": {
    may: "admin",
    args: (w) => ({ org: w.id }),
    effect: (response, w) =>
      !response.error &&
      Array.isArray(response.data) &&
      response.data.some((row: { actor_id?: string }) => row.actor_id === w.users.owner.id),
  },
  // An entry's IP and user agent: owners and admins only, not members even when they read the log.
  "public.get_activity_request(audit_log_id bigint)": {
    may: "admin",
    args: (w) => ({ audit_log_id: w.rows["public.audit_logs"]?.id }),
    effect: (response) =>
      !response.error && Array.isArray(response.data) && response.data.length > 0,
  },
  // Metered allowance of the workspace (api_requests): its members consume it.
  "public.consume_usage(org uuid, metric text, amount integer)": {
    may: "member",
    args: (w) => ({ org: w.id, metric: "api_requests", amount: 1 }),
    effect: (response) =>
      !response.error &&
      Array.isArray(response.data) &&
      (response.data[0] as { allowed?: boolean } | undefined)?.allowed === true,
  },
  "public.get_workspace_usage(org uuid)": {
    may: "member",
    args: (w) => ({ org: w.id }),
    effect: (response) =>
      !response.error && Array.isArray(response.data) && response.data.length > 0,
  },
  // Whether the caller may use the operator console: it answers only about the caller,
  // and no actor of the matrix is a platform admin (tests/integration/platform-admins.test.ts).
  "public.is_platform_admin()": {
    may: "nobody",
    args: () => ({}),
    effect: (response) => response.data === true,
  },
  // The owner's download records itself (activity feed and platform log) before its
  // first byte: the database's owner check on exports (lib/export, the export route).
  "public.record_workspace_export(org uuid, format_version integer, counts jsonb, requested_by text)":
    {
      may: "owner",
      args: (w) => ({ org: w.id, format_version: 1, counts: { projects: 1 } }),
      effect: "writes",
    },
  // Operator RPCs (support access): platform admins only, and no actor of the matrix is
  // one (tests/integration/support-access.test.ts proves an operator may). Opening or
  // closing a grant writes A's activity log, which "writes" observes.
  "public.admin_open_support_grant(org uuid, reason text, minutes integer)": {
    may: "nobody",
    args: (w) => ({ org: w.id, reason: "Attack matrix wants in", minutes: 60 }),
    effect: "writes",
  },
  "public.admin_close_support_grant(grant_id uuid, closed_by text)": {
    may: "nobody",
    args: (w) => ({ grant_id: w.rows["public.organizations"]?.support_grant_id, closed_by: "me" }),
    effect: "writes",
  },
  "public.admin_support_overview(org uuid)": {
    may: "nobody",
    args: (w) => ({ org: w.id }),
    effect: (response) => !response.error && response.data !== null,
  },
  "public.admin_support_read(org uuid, section text)": {
    may: "nobody",
    args: (w) => ({ org: w.id, section: "projects" }),
    effect: (response) => !response.error && response.data !== null,
  },
  // Per-tenant health (counts of every workspace): platform admins only.
  "public.admin_tenant_health(hours integer)": {
    may: "nobody",
    args: () => ({ hours: 24 }),
    effect: (response) => !response.error && response.data !== null,
  },
  // The owners' side of support access: require approval, approve a pending grant,
  // revoke a grant. Each writes the workspace (its row, or its activity log).
  "public.set_support_approval(org uuid, required boolean)": {
    may: "owner",
    args: (w) => ({ org: w.id, required: true }),
    effect: "writes",
  },
  "public.approve_support_grant(org uuid, grant_id uuid)": {
    may: "owner",
    args: (w) => ({
      org: w.id,
      grant_id: w.rows["public.organizations"]?.pending_support_grant_id,
    }),
    effect: "writes",
  },
  "public.revoke_support_grant(org uuid, grant_id uuid)": {
    may: "owner",
    args: (w) => ({ org: w.id, grant_id: w.rows["public.organizations"]?.support_grant_id }),
    effect: "writes",
  },
  // Who had support access to the workspace: every member sees it, nobody else.
  "public.get_support_grants(org uuid)": {
    may: "member",
    args: (w) => ({ org: w.id }),
    effect: (response, w) =>
      !response.error &&
      Array.isArray(response.data) &&
      response.data.some(
        (row: { id?: string }) => row.id === w.rows["public.organizations"]?.support_grant_id,
      ),
  },
  "public.restore_project(org uuid, audit_log_id bigint)": {
    may: "admin",
    args: (w) => ({ org: w.id, audit_log_id: w.rows["public.audit_logs"]?.id }),
    effect: "writes",
  },
  // Offboarding by its owners (tests/integration/lifecycle.test.ts has the whole story).
  "public.schedule_workspace_deletion(org uuid, grace_days integer)": {
    may: "owner",
    args: (w) => ({ org: w.id, grace_days: 30 }),
    effect: "writes",
  },
  "public.cancel_workspace_deletion(org uuid)": {
    may: "owner",
    args: (w) => ({ org: w.id }),
    effect: async (response) => !response.error,
  },
  // Operator RPCs (lifecycle migration): platform admins only, and no actor of the
  // matrix is one; tests/integration/lifecycle.test.ts proves an operator may.
  "public.admin_suspend_workspace(org uuid, reason text, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id, reason: "matrix" }),
    effect: "writes",
  },
  "public.admin_resume_workspace(org uuid, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id }),
    effect: (response) => !response.error,
  },
  "public.admin_schedule_workspace_deletion(org uuid, grace_days integer, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id, grace_days: 1 }),
    effect: "writes",
  },
  "public.admin_cancel_workspace_deletion(org uuid, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id }),
    effect: (response) => !response.error,
  },
  "public.admin_change_workspace_plan(org uuid, plan text, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id, plan: "enterprise" }),
    effect: "writes",
  },
  "public.admin_list_workspaces(search text, workspace uuid, max_rows integer, skip integer)": {
    may: "nobody",
    args: (w) => ({ workspace: w.id }),
    effect: (response) =>
      !response.error && Array.isArray(response.data) && response.data.length > 0,
  },
  "public.admin_resend_owner_invitation(org uuid, by text)": {
    may: "nobody",
    args: (w) => ({ org: w.id }),
    effect: (response) => !response.error,
  },
};

// ─────────────────────────────────────────────────────────────────────────────────
// RPCs of an exposed schema that only the service role may execute (the web server's
// platform tasks, lib/supabase/admin.ts). They are not in the matrix above, which
// attacks what `authenticated` may execute; tests/integration/rate-limits.test.ts
// calls each as anon and as a signed-in user and requires a refusal that changes
// nothing, and checks the catalog grants execute to no API role.
// ─────────────────────────────────────────────────────────────────────────────────
export const SERVICE_ROLE_RPCS: Record<string, { args: () => Record<string, unknown> }> = {
  // The auth rate-limit counters: a user who could call it would reset their own
  // counter or fill a victim's to lock them out.
  "public.consume_rate_limit(key text, points integer, duration_ms integer)": {
    args: () => ({ key: "sign-in:email:victim@test.example", points: 1000, duration_ms: 60_000 }),
  },
  // Usage counted by the Redis meter, flushed for billing: a user who could call it
  // would bill another workspace (tests/integration/plans.test.ts calls it with a real one).
  "public.record_usage(org uuid, metric text, period_start date, amount bigint)": {
    args: () => ({
      org: "00000000-0000-4000-8000-000000000000",
      metric: "api_requests",
      period_start: "2026-11-01",
      amount: 1000,
    }),
  },
  // Stripe's webhook writes (lib/billing): a user who could call them would mark
  // their invoice paid, link their workspace to someone else's customer, or read it.
  "public.apply_stripe_event(event jsonb, plan text, grace_days integer)": {
    args: () => ({
      event: {
        id: "evt_forged",
        type: "invoice.paid",
        created: 1,
        data: { object: { customer: "cus_forged" } },
      },
      plan: "enterprise",
      grace_days: 60,
    }),
  },
  "public.link_billing_customer(org uuid, customer text)": {
    args: () => ({ org: "00000000-0000-4000-8000-000000000000", customer: "cus_forged" }),
  },
  "public.get_billing_account(org uuid)": {
    args: () => ({ org: "00000000-0000-4000-8000-000000000000" }),
  },
  // Platform admins (npm run tenant -- admin ...): a user who could call them would
  // make themselves staff, or remove the real staff.
  "public.add_platform_admin(email text, added_by text)": {
    args: () => ({ email: "attacker@test.example", added_by: "attacker" }),
  },
  "public.remove_platform_admin(email text, removed_by text)": {
    args: () => ({ email: "ops@test.example", removed_by: "attacker" }),
  },
  "public.list_platform_admins()": { args: () => ({}) },
  // Import of an export archive (npm run tenant -- import): a user who could call them
  // would create workspaces outside the plan rules or back-date entries of an audit log.
  "public.begin_workspace_import(slug text, name text, source jsonb, requested_by text)": {
    args: () => ({ slug: "forged-import", name: "Forged", source: {}, requested_by: "attacker" }),
  },
  "public.import_audit_history(org uuid, entries jsonb)": {
    args: () => ({ org: "00000000-0000-4000-8000-000000000000", entries: [] }),
  },
  "public.finish_workspace_import(org uuid, summary jsonb)": {
    args: () => ({ org: "00000000-0000-4000-8000-000000000000", summary: {} }),
  },
  // Per-tenant health's flush (lib/health): a user who could call it would make
  // another workspace look slow, or bury a slow one.
  "public.record_request_stats(stats jsonb)": {
    args: () => ({
      stats: [
        {
          org: "00000000-0000-4000-8000-000000000000",
          hour: "2026-11-23T10:00:00Z",
          requests: 1000,
          queries: 1,
          histogram: [0, 0, 0, 0, 0, 0, 0, 0, 1000],
        },
      ],
    }),
  },
  // Lifecycle jobs: a user who could call them would delete every due workspace
  // early, or create workspaces on any plan for anyone.
  "public.purge_due_workspaces(by text)": { args: () => ({ by: "attacker" }) },
  "public.provision_workspace(slug text, name text, plan text, owner_email text, defaults jsonb, by text)":
    {
      args: () => ({
        slug: "forged-by-attacker",
        name: "Forged",
        plan: "enterprise",
        owner_email: "attacker@test.example",
      }),
    },
  // The plan of a workspace: a user who could call it would upgrade for free.
  "public.change_workspace_plan(org uuid, plan text, status subscription_status)": {
    args: () => ({ org: "00000000-0000-4000-8000-000000000000", plan: "enterprise" }),
  },
};

const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

/** The expected verdict of `actor` acting on a workspace where it has its role. */
export function expectedVerdict(who: Who, actor: Actor): Verdict {
  if (typeof who === "object") return who[actor] ?? "deny";
  if (actor === "anon" || who === "nobody") return "deny";
  if (who === "authenticated") return "allow";
  if (actor === "outsider") return "deny";
  return RANK[actor] >= RANK[who] ? "allow" : "deny";
}

/** A spec lookup that fails with what to add. */
export function missingSpecMessage(kind: "table" | "rpc", key: string): string {
  return kind === "table"
    ? `No access spec for table ${key}. Add an entry "${key}": { may: { select, insert, update, delete, upsert }, seed, insert, patch } to TABLES in tests/access-specs.ts (format at the top of that file), saying who may do what.`
    : `No access spec for RPC ${key}, which authenticated may execute. Add an entry "${key}": { may, args, effect } to RPCS in tests/access-specs.ts (format at the top of that file), saying who may call it with another workspace's ids. If no user should call it, revoke execute from authenticated instead.`;
}
