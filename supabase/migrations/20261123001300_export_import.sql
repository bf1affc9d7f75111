-- Export and import of a workspace (docs/operations-export.md).
--
-- The archive itself is built by the app (lib/export): an owner's export reads under
-- the owner's JWT, the operator's command under the service role with an explicit
-- workspace filter on every query. What the database adds:
--   - record_workspace_export(): the export in the workspace's own activity feed
--     ("workspace.exported") and in the platform log, for the owner or the service role;
--   - the import's three service-role RPCs: a workspace born from an archive, and its
--     audit history carried over, which nothing else may ever write.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

-- ---------------------------------------------------------------------------
-- platform.workspace_exports: one row per export. The activity feed entry comes from
-- the generic audit trigger on this table: audit_logs accepts rows only from a
-- trigger (private.audit_logs_append_only()), so an app-side "log this" goes through
-- a table, not around the append-only rule. Goes with its workspace; the platform log
-- (platform.audit_events) keeps the record after that.
-- ---------------------------------------------------------------------------
create table platform.workspace_exports (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- The owner who downloaded it, or null for the operator's command (requested_by).
  user_id         uuid,
  requested_by    text check (char_length(requested_by) between 1 and 200),
  format_version  integer not null,
  -- Rows per table when the export started (the archive's manifest has what it holds).
  counts          jsonb not null,
  created_at      timestamptz not null default now()
);
comment on table platform.workspace_exports is 'Each export of a workspace (record_workspace_export()).';
create index workspace_exports_org_idx on platform.workspace_exports (organization_id, created_at desc);
alter table platform.workspace_exports enable row level security;
revoke all on platform.workspace_exports from public, anon, authenticated;
create trigger workspace_exports_audit
  after insert on platform.workspace_exports
  for each row execute function private.audit_tenant_change();

-- ---------------------------------------------------------------------------
-- record_workspace_export: an owner (their JWT, from the export route) or the
-- service role (the operator's command, naming who ran it) records an export before
-- its first byte leaves. Everyone else: not_allowed, recording nothing.
-- ---------------------------------------------------------------------------
create function public.record_workspace_export(
  org uuid,
  format_version integer,
  counts jsonb,
  requested_by text default null
)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  by_service boolean := (select auth.role()) = 'service_role';
  recorded uuid;
begin
  if not by_service and not private.has_org_role(org, array['owner']) then
    raise exception 'export_owner_only' using errcode = '42501',
      hint = 'Only an owner can export this workspace.';
  end if;
  if by_service and coalesce(btrim(requested_by), '') = '' then
    raise exception 'invalid_argument' using errcode = '22023',
      hint = 'Say who runs the export (requested_by).';
  end if;
  -- The caller writes this into the workspace's log: an object of a few numbers, not a
  -- place to store kilobytes.
  if jsonb_typeof(counts) is distinct from 'object' or octet_length(counts::text) > 4096
     or exists (select 1 from jsonb_each(counts) c where jsonb_typeof(c.value) <> 'number') then
    raise exception 'invalid_argument' using errcode = '22023',
      hint = 'counts is an object of row counts per table.';
  end if;
  perform set_config('tenantkit.audit_action', 'workspace.exported', true);
  insert into platform.workspace_exports (organization_id, user_id, requested_by, format_version, counts)
  values (org, case when by_service then null else caller end,
          case when by_service then requested_by end, format_version, counts)
  returning id into recorded;
  perform set_config('tenantkit.audit_action', '', true);
  insert into platform.audit_events (event, organization_id, actor_id, actor_kind, details)
  values ('workspace.exported', org, case when by_service then null else caller end,
          case when by_service then 'service' else 'user' end,
          jsonb_build_object('export_id', recorded, 'format_version', format_version,
                             'counts', counts, 'by', requested_by));
  return recorded;
end;
$$;
comment on function public.record_workspace_export(uuid, integer, jsonb, text) is
  'Records an export in the workspace''s activity feed and the platform log (owners, service role).';
revoke execute on function public.record_workspace_export(uuid, integer, jsonb, text) from public, anon;
grant execute on function public.record_workspace_export(uuid, integer, jsonb, text) to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Import. platform.workspace_imports: a workspace born from an archive, while its
-- import runs (completed_at null) and after. Its insert is the feed's
-- "workspace.imported" entry.
-- ---------------------------------------------------------------------------
create table platform.workspace_imports (
  organization_id uuid primary key references public.organizations (id) on delete cascade,
  requested_by    text not null check (char_length(requested_by) between 1 and 200),
  -- The archive's manifest: source workspace, its export time, counts.
  source          jsonb not null,
  started_at      timestamptz not null default now(),
  completed_at    timestamptz
);
comment on table platform.workspace_imports is 'Workspaces created from an export archive (begin_workspace_import()).';
alter table platform.workspace_imports enable row level security;
revoke all on platform.workspace_imports from public, anon, authenticated;
create trigger workspace_imports_audit
  after insert on platform.workspace_imports
  for each row execute function private.audit_tenant_change();

-- begin_workspace_import: the new workspace (no members yet: the command adds them)
-- and its import record, atomically. The slug rules are the table's (its triggers).
create function public.begin_workspace_import(slug text, name text, source jsonb, requested_by text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  created uuid;
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'not_platform_admin' using errcode = '42501';
  end if;
  if coalesce(btrim(requested_by), '') = '' then
    raise exception 'invalid_argument' using errcode = '22023', hint = 'Say who runs the import.';
  end if;
  begin
    insert into public.organizations (name, slug)
    values (btrim(begin_workspace_import.name), lower(btrim(begin_workspace_import.slug)))
    returning id into created;
  exception when unique_violation then
    raise exception 'slug_taken' using errcode = '23505', hint = 'Another workspace already uses this URL.';
  end;
  perform set_config('tenantkit.audit_action', 'workspace.imported', true);
  insert into platform.workspace_imports (organization_id, requested_by, source)
  values (created, requested_by, source);
  perform set_config('tenantkit.audit_action', '', true);
  insert into platform.audit_events (event, organization_id, actor_kind, details)
  values ('workspace.import_started', created, 'service',
          jsonb_build_object('by', requested_by, 'source', source - 'counts', 'counts', source -> 'counts'));
  return created;
end;
$$;

-- ---------------------------------------------------------------------------
-- The audit history of an imported workspace. audit_logs takes rows only from a
-- trigger; platform.audit_log_imports is a pass-through whose BEFORE INSERT trigger
-- writes each row into audit_logs and drops it (returns null), so nothing is stored
-- here. Only import_audit_history() writes it, only the service role may call that,
-- and only into a workspace whose import is still running: a live workspace's log
-- can never be extended with back-dated entries, and no user, setting or GUC opens
-- this path.
-- ---------------------------------------------------------------------------
create table platform.audit_log_imports (
  organization_id uuid not null,
  actor_id        uuid,
  actor_kind      text not null,
  actor_label     text,
  action          text not null,
  table_name      text not null,
  record_id       text,
  old_data        jsonb,
  new_data        jsonb,
  created_at      timestamptz not null
);
comment on table platform.audit_log_imports is 'Pass-through into audit_logs for import_audit_history(); never holds rows.';
alter table platform.audit_log_imports enable row level security;
revoke all on platform.audit_log_imports from public, anon, authenticated;

create function private.carry_imported_audit_entry()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_logs
    (organization_id, actor_id, actor_kind, actor_label, action, table_name, record_id,
     old_data, new_data, created_at)
  values (new.organization_id, new.actor_id, new.actor_kind, new.actor_label, new.action,
          new.table_name, new.record_id, new.old_data, new.new_data, new.created_at);
  return null;
end;
$$;
create trigger audit_log_imports_carry
  before insert on platform.audit_log_imports
  for each row execute function private.carry_imported_audit_entry();

-- entries: a JSON array of audit entries as the archive holds them, already remapped
-- by the command (record ids and actors of the new workspace). Returns how many.
create function public.import_audit_history(org uuid, entries jsonb)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  carried integer;
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'not_platform_admin' using errcode = '42501';
  end if;
  if not exists (
    select 1 from platform.workspace_imports i where i.organization_id = org and i.completed_at is null
  ) then
    raise exception 'import_not_open' using errcode = '42501',
      hint = 'Audit history can only be imported into a workspace while its import runs.';
  end if;
  if jsonb_typeof(entries) is distinct from 'array' then
    raise exception 'invalid_argument' using errcode = '22023', hint = 'entries is an array.';
  end if;
  insert into platform.audit_log_imports
    (organization_id, actor_id, actor_kind, actor_label, action, table_name, record_id,
     old_data, new_data, created_at)
  select org, e.actor_id, e.actor_kind, e.actor_label, e.action, e.table_name, e.record_id,
         e.old_data, e.new_data, e.created_at
  from jsonb_to_recordset(entries) as e (
    actor_id uuid, actor_kind text, actor_label text, action text, table_name text,
    record_id text, old_data jsonb, new_data jsonb, created_at timestamptz);
  get diagnostics carried = row_count;
  return carried;
end;
$$;

-- finish_workspace_import: closes the history path and records what arrived.
create function public.finish_workspace_import(org uuid, summary jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  opened platform.workspace_imports;
begin
  if (select auth.role()) is distinct from 'service_role' then
    raise exception 'not_platform_admin' using errcode = '42501';
  end if;
  update platform.workspace_imports i set completed_at = now()
  where i.organization_id = org and i.completed_at is null
  returning * into opened;
  if not found then
    raise exception 'import_not_open' using errcode = '42501',
      hint = 'This workspace has no import running.';
  end if;
  insert into platform.audit_events (event, organization_id, actor_kind, details)
  values ('workspace.imported', org, 'service',
          jsonb_build_object('by', opened.requested_by, 'summary', summary));
end;
$$;

revoke execute on function public.begin_workspace_import(text, text, jsonb, text) from public, anon, authenticated;
revoke execute on function public.import_audit_history(uuid, jsonb) from public, anon, authenticated;
revoke execute on function public.finish_workspace_import(uuid, jsonb) from public, anon, authenticated;
grant execute on function public.begin_workspace_import(text, text, jsonb, text) to service_role;
grant execute on function public.import_audit_history(uuid, jsonb) to service_role;
grant execute on function public.finish_workspace_import(uuid, jsonb) to service_role;
revoke execute on function private.carry_imported_audit_entry() from public, anon, authenticated;
