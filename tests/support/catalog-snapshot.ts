/**
 * A JSON snapshot of the parts of the Postgres catalog the catalog gate checks
 * (tests/support/catalog-rules.ts). It is read once per test run, as the database
 * owner, by tests/integration/global-setup.ts and handed to the test files with
 * `provide()`, which only carries serializable data: hence plain JSON, no client.
 *
 * The app only talks HTTP, and nothing in the HTTP API may read pg_catalog, so
 * the snapshot goes through the test stack's superuser SQL endpoint
 * (tests/support/sql.ts): raw SQL on the stack's own connection, since a PGlite
 * directory cannot be opened twice.
 */

export type PolicyCommand = "select" | "insert" | "update" | "delete" | "all";
export type TriggerEvent = "insert" | "update" | "delete" | "truncate";

export interface CatalogColumn {
  name: string;
  notNull: boolean;
}

export interface CatalogIndex {
  name: string;
  /** Key columns in order; null for an expression. */
  columns: (string | null)[];
  /** A partial index (WHERE ...) does not serve every query on the table. */
  partial: boolean;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  /** "schema.table" */
  referencedTable: string;
  referencedColumns: string[];
}

export interface CatalogTrigger {
  name: string;
  /** "schema.function" */
  function: string;
  timing: "before" | "after" | "instead of";
  level: "row" | "statement";
  events: TriggerEvent[];
  enabled: boolean;
}

export interface CatalogPolicy {
  name: string;
  command: PolicyCommand;
  /** Role names; "public" means every role, anon included. */
  roles: string[];
  permissive: boolean;
  using: string | null;
  withCheck: string | null;
}

export interface CatalogGrant {
  /** Role name, or "PUBLIC". */
  grantee: string;
  /** SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, ... */
  privilege: string;
  /** null for a table-level grant. */
  column: string | null;
}

export interface CatalogTable {
  schema: string;
  name: string;
  rlsEnabled: boolean;
  /** Primary key columns, in order ([] when the table has none). */
  primaryKey?: string[];
  columns: CatalogColumn[];
  indexes: CatalogIndex[];
  foreignKeys: CatalogForeignKey[];
  triggers: CatalogTrigger[];
  policies: CatalogPolicy[];
  grants: CatalogGrant[];
}

export interface CatalogView {
  schema: string;
  name: string;
  materialized: boolean;
  /** security_invoker = true: the view runs with the caller's rights, so RLS applies. */
  securityInvoker: boolean;
}

export interface CatalogFunction {
  schema: string;
  name: string;
  /** Identity arguments, e.g. "org uuid, roles text[]". */
  args: string;
  securityDefiner: boolean;
  /** proconfig, e.g. ['search_path=""']. */
  config: string[];
  /** Roles holding EXECUTE, "PUBLIC" included. */
  executableBy: string[];
  /** pg_get_function_result, e.g. "trigger", "SETOF uuid", "jsonb". */
  returns?: string;
}

export interface CatalogSnapshot {
  /** Schemas the snapshot covers (the ones the HTTP API exposes). */
  schemas: string[];
  tables: CatalogTable[];
  views: CatalogView[];
  functions: CatalogFunction[];
}

const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * One statement returning one row with one jsonb column, so the result does not
 * depend on how the driver parses arrays or booleans.
 *
 * ACLs are read with acldefault() when null, so "never granted" and "granted by
 * default to PUBLIC" (the default for functions) are told apart.
 */
export function catalogSnapshotSql(schemas: string[]): string {
  const schemaList = `array[${schemas.map(quoteLiteral).join(", ")}]::text[]`;
  return `
with rels as (
  select c.oid, n.nspname as schema, c.relname as name, c.relkind, c.relrowsecurity, c.relowner, c.relacl,
         c.reloptions
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = any (${schemaList}) and c.relkind in ('r', 'p', 'v', 'm')
)
select jsonb_build_object(
  'schemas', to_jsonb(${schemaList}),
  'tables', coalesce((
    select jsonb_agg(jsonb_build_object(
      'schema', r.schema,
      'name', r.name,
      'rlsEnabled', r.relrowsecurity,
      'primaryKey', coalesce((
        select jsonb_agg(pa.attname order by k.ord)
        from pg_catalog.pg_index pi
        cross join unnest(pi.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_catalog.pg_attribute pa on pa.attrelid = r.oid and pa.attnum = k.attnum
        where pi.indrelid = r.oid and pi.indisprimary
      ), '[]'::jsonb),
      'columns', coalesce((
        select jsonb_agg(jsonb_build_object('name', a.attname, 'notNull', a.attnotnull) order by a.attnum)
        from pg_catalog.pg_attribute a
        where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
      ), '[]'::jsonb),
      'indexes', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', ic.relname,
          'columns', (
            select jsonb_agg(ka.attname order by k.ord)
            from unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
            left join pg_catalog.pg_attribute ka on ka.attrelid = r.oid and ka.attnum = k.attnum and k.attnum > 0
            where k.ord <= i.indnkeyatts
          ),
          'partial', i.indpred is not null
        ) order by ic.relname)
        from pg_catalog.pg_index i
        join pg_catalog.pg_class ic on ic.oid = i.indexrelid
        where i.indrelid = r.oid
      ), '[]'::jsonb),
      'foreignKeys', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', con.conname,
          'columns', (
            select jsonb_agg(ca.attname order by k.ord)
            from unnest(con.conkey) with ordinality as k(attnum, ord)
            join pg_catalog.pg_attribute ca on ca.attrelid = con.conrelid and ca.attnum = k.attnum
          ),
          'referencedTable', fn.nspname || '.' || fc.relname,
          'referencedColumns', (
            select jsonb_agg(fa.attname order by k.ord)
            from unnest(con.confkey) with ordinality as k(attnum, ord)
            join pg_catalog.pg_attribute fa on fa.attrelid = con.confrelid and fa.attnum = k.attnum
          )
        ) order by con.conname)
        from pg_catalog.pg_constraint con
        join pg_catalog.pg_class fc on fc.oid = con.confrelid
        join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
        where con.conrelid = r.oid and con.contype = 'f'
      ), '[]'::jsonb),
      'triggers', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', t.tgname,
          'function', pn.nspname || '.' || p.proname,
          -- tgtype bits (see pg_trigger.h): 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead
          'timing', case when t.tgtype & 64 <> 0 then 'instead of' when t.tgtype & 2 <> 0 then 'before' else 'after' end,
          'level', case when t.tgtype & 1 <> 0 then 'row' else 'statement' end,
          'events', (
            select coalesce(jsonb_agg(e.name), '[]'::jsonb)
            from (values (4, 'insert'), (16, 'update'), (8, 'delete'), (32, 'truncate')) as e(bit, name)
            where t.tgtype & e.bit <> 0
          ),
          'enabled', t.tgenabled <> 'D'
        ) order by t.tgname)
        from pg_catalog.pg_trigger t
        join pg_catalog.pg_proc p on p.oid = t.tgfoid
        join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
        where t.tgrelid = r.oid and not t.tgisinternal
      ), '[]'::jsonb),
      'policies', coalesce((
        select jsonb_agg(jsonb_build_object(
          'name', pol.policyname,
          'command', lower(pol.cmd),
          'roles', to_jsonb(pol.roles),
          'permissive', pol.permissive = 'PERMISSIVE',
          'using', pol.qual,
          'withCheck', pol.with_check
        ) order by pol.policyname)
        from pg_catalog.pg_policies pol
        where pol.schemaname = r.schema and pol.tablename = r.name
      ), '[]'::jsonb),
      'grants', (
        select coalesce(jsonb_agg(g order by g->>'grantee', g->>'privilege', g->>'column'), '[]'::jsonb)
        from (
          select jsonb_build_object(
            'grantee', case when acl.grantee = 0 then 'PUBLIC' else acl.grantee::regrole::text end,
            'privilege', acl.privilege_type,
            'column', null) as g
          from aclexplode(coalesce(r.relacl, acldefault('r', r.relowner))) acl
          union all
          select jsonb_build_object(
            'grantee', case when acl.grantee = 0 then 'PUBLIC' else acl.grantee::regrole::text end,
            'privilege', acl.privilege_type,
            'column', a.attname)
          from pg_catalog.pg_attribute a, aclexplode(a.attacl) acl
          where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped and a.attacl is not null
        ) grants
      )
    ) order by r.schema, r.name)
    from rels r
    where r.relkind in ('r', 'p')
  ), '[]'::jsonb),
  'views', coalesce((
    select jsonb_agg(jsonb_build_object(
      'schema', r.schema,
      'name', r.name,
      'materialized', r.relkind = 'm',
      'securityInvoker', coalesce(
        (select option_value::boolean from pg_catalog.pg_options_to_table(r.reloptions) where option_name = 'security_invoker'),
        false)
    ) order by r.schema, r.name)
    from rels r
    where r.relkind in ('v', 'm')
  ), '[]'::jsonb),
  'functions', coalesce((
    select jsonb_agg(jsonb_build_object(
      'schema', n.nspname,
      'name', p.proname,
      'args', pg_catalog.pg_get_function_identity_arguments(p.oid),
      'securityDefiner', p.prosecdef,
      'returns', pg_catalog.pg_get_function_result(p.oid),
      'config', to_jsonb(coalesce(p.proconfig, array[]::text[])),
      'executableBy', (
        select coalesce(jsonb_agg(distinct case when acl.grantee = 0 then 'PUBLIC' else acl.grantee::regrole::text end), '[]'::jsonb)
        from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
        where acl.privilege_type = 'EXECUTE'
      )
    ) order by n.nspname, p.proname)
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any (${schemaList}) and p.prokind in ('f', 'p')
  ), '[]'::jsonb)
) as snapshot
`;
}

/** Reads the snapshot with any "run this SQL as the owner" function (runSql from tests/support/sql.ts in practice). */
export async function readCatalogSnapshot(
  query: (sql: string) => Promise<unknown[]>,
  schemas: string[] = ["public"],
): Promise<CatalogSnapshot> {
  const rows = await query(catalogSnapshotSql(schemas));
  const row = rows[0] as { snapshot?: CatalogSnapshot | string } | undefined;
  if (!row?.snapshot) throw new Error("catalog snapshot: the query returned no row");
  // Drivers parse jsonb to objects (PGlite, postgres.js); be tolerant of one that returns text.
  return typeof row.snapshot === "string"
    ? (JSON.parse(row.snapshot) as CatalogSnapshot)
    : row.snapshot;
}
