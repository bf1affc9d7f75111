-- The foundation every later migration builds on: explicit grants, and the
-- `private` schema that holds the RLS helpers and every trigger function.
-- Written for real Supabase (auth schema, anon/authenticated/service_role roles)
-- and applied unchanged by the local stack (@supabase/lite on PGlite or PostgreSQL).
--
-- Migrations, in dependency order:
--   private_schema  this file: the schema and the generic trigger functions
--   workspaces      organizations, memberships, the RLS helpers, create_organization()
--   audit           the audit log, its trigger, the activity helpers, the platform log
--   teams           profiles, invitations, the member RPCs, last-owner protection
--   projects        THE example tenant table: copy it for a new one
--                   (docs/adding-a-tenant-table.md)

-- Grants are explicit: tables created later start with no privileges for the API
-- roles, so a forgotten grant denies instead of leaking. Functions still get
-- EXECUTE for PUBLIC by default, which a per-schema default cannot take away:
-- every function revokes it itself, and the catalog gate checks
-- (tests/support/catalog-rules.ts).
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;

-- No API statement runs for long: a request that would (an embed that multiplies
-- rows, a filter without an index) is cancelled instead of holding a connection and
-- the CPU that other tenants share. The values of hosted Supabase, written out so
-- that they are this project's decision and any database built from these files has
-- them. PostgREST applies a role's settings when it switches to the role. Supabase
-- Lite does not (`set local role` ignores them): on its postgres driver the local
-- stack sets 8 s on every connection; PGlite has no timeout at all and the local
-- stack bounds request shapes instead (docs/security.md, "Abuse by request shape").
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- ---------------------------------------------------------------------------
-- private: helpers and triggers, never served by the API.
-- The API exposes `public` only (`[api] schemas` in supabase/lite.toml, "Exposed
-- schemas" of a hosted project), so nothing here is reachable as
-- /rest/v1/rpc/<name>: PostgREST answers 404 PGRST202
-- (tests/integration/attack-matrix.test.ts proves it for every function here).
-- authenticated needs `usage` because RLS policies call the helpers as the user;
-- it gets `execute` on exactly those helpers (workspaces and audit migrations) and
-- on nothing else. anon gets nothing: no policy is written for it.
-- Keep tables out of this schema: Supabase Lite grants ALL on every table of a
-- schema that has an RLS table, to anon included (docs/local-stack.md).
-- ---------------------------------------------------------------------------
create schema private;
comment on schema private is 'RLS helpers and trigger functions. Not exposed by the API.';
revoke all on schema private from public, anon, authenticated;
grant usage on schema private to authenticated;

-- ---------------------------------------------------------------------------
-- set_updated_at: keep updated_at honest whatever the client sends.
-- ---------------------------------------------------------------------------
create function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------
-- guard_tenant_row, for every tenant table: a row never moves to another
-- workspace, and created_by (where the table has it) is the caller, not what the
-- client sent. Enforced by a trigger rather than column grants alone, because
-- grants are not honoured by every engine this project runs on (docs/local-stack.md).
-- An RPC that puts a deleted row back as it was names its action '<thing>.restored'
-- (restore_project() names 'project.restored', see the projects migration): that
-- row keeps its original author.
-- ---------------------------------------------------------------------------
create function private.guard_tenant_row()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if tg_op = 'UPDATE' and new.organization_id is distinct from old.organization_id then
    raise exception 'organization_id_immutable' using errcode = '42501',
      hint = 'A row cannot be moved to another workspace.';
  end if;
  if current_setting('tenantkit.audit_action', true) like '%.restored' then
    return new;
  end if;
  if caller is not null and to_jsonb(new) ? 'created_by' then
    if tg_op = 'INSERT' then
      new := jsonb_populate_record(new, jsonb_build_object('created_by', caller));
    elsif (to_jsonb(new) -> 'created_by') is distinct from (to_jsonb(old) -> 'created_by') then
      raise exception 'created_by_immutable' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

-- A trigger function needs no EXECUTE privilege to fire; nobody calls these directly.
revoke execute on function private.set_updated_at() from public, anon, authenticated;
revoke execute on function private.guard_tenant_row() from public, anon, authenticated;
