/**
 * Makes the local stack enforce the privileges the migrations wrote, as hosted
 * Supabase does.
 *
 * Supabase Lite (PGlite and postgres drivers alike) runs, once per process at its
 * first API request, `grant all on all tables ... to anon, authenticated,
 * service_role` in every schema that has an RLS table, plus matching default
 * privileges (docs/local-stack.md). Left alone, a member could then write columns the
 * migrations never granted (`created_at`, `id`) and an admin could read
 * `invitations.token_hash`.
 *
 * So every local stack (`npm run dev`, `db:start`, the test harness) reads, before
 * its first request, a script that re-creates exactly the privileges anon and
 * authenticated hold (tables, columns, sequences, schemas, default privileges), makes
 * one request so that Lite does its granting, and replays the script
 * (`enforceMigratedPrivileges`, called by scripts/stack/local-stack.ts). service_role
 * keeps Lite's ALL, which is what it has on hosted Supabase. `grantEverything()`
 * does Lite's granting on purpose, for the "RLS alone" pass of the attack matrix.
 */

const API_ROLES = ["anon", "authenticated"];
const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

/**
 * One statement returning `script`: revoke everything anon and authenticated hold,
 * then grant back what they hold now. Replaying it restores this moment's privileges.
 */
export function apiPrivilegesScriptSql(): string {
  const roles = `array[${API_ROLES.map((role) => `'${role}'`).join(", ")}]`;
  return `
with api_roles as (
  select oid, rolname from pg_catalog.pg_roles where rolname = any (${roles})
),
rels as (
  select c.oid, c.relkind, c.relacl, n.nspname
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_temp%'
    and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
),
schemas as (
  select n.oid, n.nspname, n.nspacl from pg_catalog.pg_namespace n
  where n.nspname not in ${SYSTEM_SCHEMAS} and n.nspname not like 'pg_%'
),
statements as (
  -- 1. revoke (a table-level revoke also drops the column privileges)
  select 1 as step, format('revoke all on %s %s from %s',
           case when r.relkind = 'S' then 'sequence' else 'table' end, r.oid::regclass,
           (select string_agg(quote_ident(rolname), ', ') from api_roles)) as sql
  from rels r
  union all
  select 1, format('revoke all on schema %I from %s', s.nspname,
           (select string_agg(quote_ident(rolname), ', ') from api_roles))
  from schemas s
  union all
  select 1, format('alter default privileges in schema %I revoke all on %s from %s', s.nspname, kind,
           (select string_agg(quote_ident(rolname), ', ') from api_roles))
  from schemas s cross join (values ('tables'), ('sequences'), ('functions')) as k(kind)
  -- 2. grant back
  union all
  select 2, format('grant %s on %s %s to %I', acl.privilege_type,
           case when r.relkind = 'S' then 'sequence' else 'table' end, r.oid::regclass, ar.rolname)
  from rels r
  cross join lateral aclexplode(r.relacl) acl
  join api_roles ar on ar.oid = acl.grantee
  union all
  select 2, format('grant %s (%I) on table %s to %I', acl.privilege_type, a.attname, r.oid::regclass, ar.rolname)
  from rels r
  join pg_catalog.pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped and a.attacl is not null
  cross join lateral aclexplode(a.attacl) acl
  join api_roles ar on ar.oid = acl.grantee
  union all
  select 2, format('grant %s on schema %I to %I', acl.privilege_type, s.nspname, ar.rolname)
  from schemas s
  cross join lateral aclexplode(s.nspacl) acl
  join api_roles ar on ar.oid = acl.grantee
  union all
  select 2, format('alter default privileges for role %I in schema %I grant %s on %s to %I',
           d.defaclrole::regrole, n.nspname, acl.privilege_type,
           case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions' else 'types' end,
           ar.rolname)
  from pg_catalog.pg_default_acl d
  join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
  cross join lateral aclexplode(d.defaclacl) acl
  join api_roles ar on ar.oid = acl.grantee
)
select coalesce(string_agg(sql, E';\\n' order by step, sql), '') || E';\\n' as script from statements
`;
}

type Query = (sql: string) => Promise<unknown[]>;

/** The script that restores the current privileges of anon and authenticated. */
export async function readApiPrivileges(query: Query): Promise<string> {
  const rows = (await query(apiPrivilegesScriptSql())) as { script?: string }[];
  const script = rows[0]?.script;
  if (typeof script !== "string" || !script.includes("revoke all"))
    throw new Error("reading the API roles' privileges returned nothing");
  return script;
}

/** Replays a script from readApiPrivileges() and checks that the privileges are back. */
export async function restoreApiPrivileges(query: Query, script: string): Promise<void> {
  // One DO block: atomic, and a single statement (postgres.js refuses begin/commit
  // in a multi-statement string on a pooled connection).
  const statements = script
    .split(";\n")
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) => `  execute $stmt$${statement}$stmt$;`);
  await query(`do $restore$\nbegin\n${statements.join("\n")}\nend\n$restore$;`);
  const now = await readApiPrivileges(query);
  if (now !== script) {
    throw new Error(
      "restoring the API roles' privileges did not give back the migrated ones; first difference:\n" +
        firstDifference(script, now),
    );
  }
}

/** What Lite does at its first request (and what a migration that forgot its revokes would leave). */
export async function grantEverything(query: Query): Promise<void> {
  await query(`
grant all on all tables in schema public to anon, authenticated;
grant all on all sequences in schema public to anon, authenticated;`);
}

export function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const onlyExpected = a.filter((line) => !b.includes(line)).slice(0, 5);
  const onlyActual = b.filter((line) => !a.includes(line)).slice(0, 5);
  return [
    ...onlyExpected.map((line) => `  missing: ${line}`),
    ...onlyActual.map((line) => `  extra:   ${line}`),
  ].join("\n");
}

/**
 * Lets Lite do its first-request granting now, then takes it back: from here on the
 * API roles hold exactly what the migrations granted. Returns the restore script.
 */
export async function enforceMigratedPrivileges(
  query: Query,
  firstRequest: () => Promise<void>,
): Promise<string> {
  const privileges = await readApiPrivileges(query);
  await firstRequest();
  await restoreApiPrivileges(query, privileges);
  return privileges;
}
