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
-- workspace, and what the server decides about a row stays the server's, whatever
-- a request sent: its `id` (a uuid chosen by the database, so an insert that names an
-- id can neither pin one nor probe with `on conflict` whether it exists in another
-- workspace), `created_at` (now() on insert, unchanged on update, so nobody pins a row
-- on top of a list) and `created_by` (the caller). The column grants of every table
-- already leave these out; the trigger holds even where a grant slips (Supabase Lite
-- grants ALL on its first request, see docs/local-stack.md). Rows written by the
-- platform (no JWT: service role, SQL) keep what they were given.
-- An RPC that puts a deleted row back as it was names its action '<thing>.restored'
-- (restore_project() names 'project.restored', see the projects migration): that
-- row keeps its original id, author and creation time.
-- ---------------------------------------------------------------------------
create function private.guard_tenant_row()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  sent jsonb;
  server_side jsonb := '{}';
begin
  if tg_op = 'UPDATE' and new.organization_id is distinct from old.organization_id then
    raise exception 'organization_id_immutable' using errcode = '42501',
      hint = 'A row cannot be moved to another workspace.';
  end if;
  if current_setting('tenantkit.audit_action', true) like '%.restored' then
    return new;
  end if;
  if caller is null then
    return new;
  end if;
  sent := to_jsonb(new);
  if tg_op = 'INSERT' then
    -- A string id is a uuid the database generates; a numeric one is an identity
    -- column that nobody can set anyway.
    if jsonb_typeof(sent -> 'id') = 'string' then
      server_side := server_side || jsonb_build_object('id', gen_random_uuid());
    end if;
    if sent ? 'created_at' then
      server_side := server_side || jsonb_build_object('created_at', now());
    end if;
    if sent ? 'created_by' then
      server_side := server_side || jsonb_build_object('created_by', caller);
    end if;
  else
    if sent ? 'created_at' then
      server_side := server_side || jsonb_build_object('created_at', to_jsonb(old) -> 'created_at');
    end if;
    if sent ? 'created_by' and (sent -> 'created_by') is distinct from (to_jsonb(old) -> 'created_by') then
      raise exception 'created_by_immutable' using errcode = '42501';
    end if;
  end if;
  if server_side <> '{}' then
    new := jsonb_populate_record(new, server_side);
  end if;
  return new;
end;
$$;

-- A trigger function needs no EXECUTE privilege to fire; nobody calls these directly.
revoke execute on function private.set_updated_at() from public, anon, authenticated;
revoke execute on function private.guard_tenant_row() from public, anon, authenticated;
