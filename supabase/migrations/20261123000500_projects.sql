-- projects: THE example tenant table. Everything a tenant table needs is in this
-- file, in this order; to add a table, copy it, rename, and add one entry to
-- tests/access-specs.ts (docs/adding-a-tenant-table.md). The catalog gate
-- (tests/support/catalog-rules.ts) fails on a table that misses a piece.

-- 1. The table. organization_id: not null, a foreign key to the workspace that
--    takes the rows with it. created_by: set by private.guard_tenant_row(), kept
--    (null) when the account goes.
create table public.projects (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id) on delete cascade,
  name            text not null check (char_length(name) between 1 and 120),
  status          text not null default 'active' check (status in ('active','archived')),
  created_by      uuid references auth.users(id) on delete set null default auth.uid(),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);

-- 2. Indexes. Every policy filters on organization_id, and the list reads the
--    newest first: one index serves both. Every foreign key gets an index too
--    (deleting a user must not scan the table).
create index projects_org_created_idx on public.projects (organization_id, created_at desc);
create index projects_created_by_idx on public.projects (created_by);

-- 3. Row-Level Security, one named policy per verb, to authenticated (anon gets
--    nothing). Reads and inserts: any member, written
--    `= any (array(select private.get_user_org_ids()))` so the helper runs once per
--    statement and the organization_id index is usable (an `in (select ...)` form
--    measured a sequential scan). Updates: admins and owners (both `using`, the
--    rows they may target, and `with check`, what the rows may become). Deletes:
--    owners.
alter table public.projects enable row level security;
create policy "members read"   on public.projects for select to authenticated
  using (organization_id = any (array(select private.get_user_org_ids())));
create policy "members create" on public.projects for insert to authenticated
  with check (organization_id = any (array(select private.get_user_org_ids())));
create policy "admins update"  on public.projects for update to authenticated
  using (private.has_org_role(organization_id, array['owner','admin']))
  with check (private.has_org_role(organization_id, array['owner','admin']));
create policy "owners delete"  on public.projects for delete to authenticated
  using (private.has_org_role(organization_id, array['owner']));

-- 4. Triggers: the guard (no moving rows between workspaces, created_by is the
--    caller), updated_at, and the audit log.
create trigger projects_guard_tenant_row
  before insert or update on public.projects
  for each row execute function private.guard_tenant_row();
create trigger projects_set_updated_at
  before update on public.projects
  for each row execute function private.set_updated_at();
create trigger projects_audit
  after insert or update or delete on public.projects
  for each row execute function private.audit_tenant_change();

-- 5. Grants: exactly the verbs the policies allow (hosted Supabase checks both;
--    the catalog rule grants-match-policies holds them together). Columns say the
--    same as guard_tenant_row(): organization_id is not updatable, created_by is
--    never written by the client, id and timestamps are the database's.
revoke all on public.projects from anon, authenticated;
grant select, delete on public.projects to authenticated;
grant insert (organization_id, name, status) on public.projects to authenticated;
grant update (name, status) on public.projects to authenticated;

-- ---------------------------------------------------------------------------
-- restore_project: put a deleted project back from its audit entry, into the
-- same workspace only, for its admins and owners. The workspace is an argument
-- (the page's), and an entry of any other workspace is not found. Audited as project.restored,
-- a name that also tells guard_tenant_row() to keep the original author.
-- (Multi-row RPCs name their action the same way, e.g. transfer_ownership()
-- with ownership.transferred.)
-- ---------------------------------------------------------------------------
create function public.restore_project(org uuid, audit_log_id bigint)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  entry public.audit_logs;
  restored public.projects;
begin
  select * into entry from public.audit_logs a where a.id = audit_log_id and a.organization_id = org;
  if not found
     or entry.table_name <> 'projects'
     or entry.old_data is null
     or entry.new_data is not null
     or not private.has_org_role(entry.organization_id, array['owner', 'admin']) then
    raise exception 'audit_entry_not_found' using errcode = 'PT404',
      hint = 'Only the deletion of a project in your workspace can be restored.';
  end if;
  if exists (select 1 from public.projects p where p.id = (entry.old_data ->> 'id')::uuid) then
    raise exception 'already_restored' using errcode = 'PT409', hint = 'This project exists again.';
  end if;

  restored := jsonb_populate_record(null::public.projects, entry.old_data);
  -- Into the workspace the entry belongs to, whatever the stored row says.
  restored.organization_id := entry.organization_id;
  if restored.created_by is not null
     and not exists (select 1 from auth.users u where u.id = restored.created_by) then
    restored.created_by := null;
  end if;
  perform set_config('tenantkit.audit_action', 'project.restored', true);
  insert into public.projects select restored.*;
  perform set_config('tenantkit.audit_action', '', true);
  return restored.id;
end;
$$;

revoke execute on function public.restore_project(uuid, bigint) from public, anon;
grant execute on function public.restore_project(uuid, bigint) to authenticated;
