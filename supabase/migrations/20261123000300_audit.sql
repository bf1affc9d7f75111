-- Audit log: every write to tenant data is recorded by one generic trigger,
-- append-only for everyone (service role and superuser included), readable by a
-- workspace's owners and admins (and members, if an owner allows it). Deleting a
-- workspace is the only thing that removes its trail, and that deletion is itself
-- recorded in a platform log that is not part of any workspace.

-- ---------------------------------------------------------------------------
-- The workspaces whose activity the signed-in user may read: owners and admins,
-- members when organizations.members_can_view_activity is on. Set-returning, like
-- get_user_org_ids(), so the audit_logs policy evaluates it once per query.
-- ---------------------------------------------------------------------------
create function private.get_activity_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organization_id
  from public.organization_members m
  join public.organizations o on o.id = m.organization_id
  where m.user_id = (select auth.uid())
    and (m.role in ('owner', 'admin') or o.members_can_view_activity);
$$;

-- The workspaces whose whole log the signed-in user may read: where they are an
-- owner or admin. Members who may read the log see less of it (the policy below).
create function private.get_activity_admin_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organization_id
  from public.organization_members m
  where m.user_id = (select auth.uid())
    and m.role in ('owner', 'admin');
$$;

-- ---------------------------------------------------------------------------
-- audit_logs
-- ---------------------------------------------------------------------------
create table public.audit_logs (
  id              bigint generated always as identity primary key,
  organization_id uuid not null references public.organizations(id) on delete cascade,
  -- No foreign key: the log keeps who acted even after their account is gone.
  actor_id        uuid,
  actor_kind      text not null check (actor_kind in ('user', 'service', 'system')),
  actor_label     text,
  action          text not null check (char_length(action) between 1 and 64),
  table_name      text not null,
  record_id       text,
  old_data        jsonb,
  new_data        jsonb,
  -- Request metadata is whatever the client sent: the trigger caps it (an address or
  -- nothing, 512 characters of user agent) so a client cannot store kilobytes in every
  -- entry it causes; the checks hold the caps for any other writer.
  ip              text check (char_length(ip) <= 64),
  user_agent      text check (char_length(user_agent) <= 512),
  created_at      timestamptz not null default now()
);
comment on table public.audit_logs is 'Append-only record of every write to tenant data. Written only by private.audit_tenant_change().';
-- The feed pages on (created_at, id), newest first.
create index audit_logs_org_created_idx on public.audit_logs (organization_id, created_at desc, id desc);
create index audit_logs_org_record_idx on public.audit_logs (organization_id, table_name, record_id);
-- By person, the feed pages in the same order; get_activity_actors() walks it
-- person by person and finds the name an actor last had in one lookup.
create index audit_logs_org_actor_idx
  on public.audit_logs (organization_id, actor_id, created_at desc, id desc);

-- Append-only, enforced for every role: only the audit trigger may insert (it runs
-- nested inside another table's trigger), nothing may update, and rows go away only
-- with their workspace (the cascade from organizations).
create function private.audit_logs_append_only()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and pg_trigger_depth() > 1 then
    return new;
  end if;
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations o where o.id = old.organization_id) then
    return old;
  end if;
  raise exception 'audit_log_append_only' using errcode = '42501',
    hint = 'Audit entries cannot be written, changed or deleted directly.';
end;
$$;
create trigger audit_logs_append_only
  before insert or update or delete on public.audit_logs
  for each row execute function private.audit_logs_append_only();

create function private.audit_logs_no_truncate()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log_append_only' using errcode = '42501';
end;
$$;
create trigger audit_logs_no_truncate
  before truncate on public.audit_logs
  for each statement execute function private.audit_logs_no_truncate();

create trigger audit_logs_guard_tenant_row
  before insert or update on public.audit_logs
  for each row execute function private.guard_tenant_row();

-- A member who may read the log reads what their role may read elsewhere, no more:
--   - entries about invitations carry the invited address, and the invitations
--     table is for owners and admins: so are these entries;
--   - the request metadata (ip, user_agent) tells where and on what device a
--     colleague works: not granted at all (a column grant cannot depend on the
--     role); owners and admins read it per entry through get_activity_request().
-- The first condition picks the index range, the second filters within it.
alter table public.audit_logs enable row level security;
create policy "activity readers read" on public.audit_logs for select to authenticated
  using (
    organization_id = any (array(select private.get_activity_org_ids()))
    and (table_name <> 'invitations'
         or organization_id = any (array(select private.get_activity_admin_org_ids())))
  );
-- No write policies: the audit trigger writes, as the table owner.
revoke all on public.audit_logs from anon, authenticated;
grant select (id, organization_id, actor_id, actor_kind, actor_label, action, table_name,
              record_id, old_data, new_data, created_at)
  on public.audit_logs to authenticated;

-- ---------------------------------------------------------------------------
-- The generic audit trigger, attached to every tenant table (the catalog gate's
-- rule tenant-audit-trigger):
--   create trigger <table>_audit after insert or update or delete on public.<table>
--     for each row execute function private.audit_tenant_change();
-- Trigger arguments name columns never to copy into the log (e.g. token_hash).
-- The action is derived from the table and the change ('insert', 'member.added',
-- ...); an RPC may name the action of its writes with
--   set_config('tenantkit.audit_action', '<action>', true).
-- ---------------------------------------------------------------------------
create function private.audit_tenant_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_data jsonb := coalesce(new_row, old_row);
  org uuid := case when tg_table_name = 'organizations' then (row_data ->> 'id')::uuid
                   else (row_data ->> 'organization_id')::uuid end;
  caller uuid := (select auth.uid());
  api_role text := (select auth.role());
  headers jsonb := nullif(current_setting('request.headers', true), '')::jsonb;
  named_action text := nullif(current_setting('tenantkit.audit_action', true), '');
  -- The first X-Forwarded-For entry, kept only if it is an address; the user agent
  -- cut to 512 characters. Truncated or dropped, never a refused write.
  client_ip text := nullif(left(btrim(split_part(coalesce(headers ->> 'x-forwarded-for', ''), ',', 1)), 64), '');
  client_agent text := left(headers ->> 'user-agent', 512);
  derived text;
  secret text;
  changed jsonb;
begin
  -- Rows removed by a workspace deletion go with the workspace's trail; the
  -- deletion itself is in platform.audit_events.
  if not exists (select 1 from public.organizations o where o.id = org) then
    return null;
  end if;

  if client_ip is not null then
    begin
      client_ip := host(client_ip::inet);
    exception when invalid_text_representation then
      client_ip := null;
    end;
  end if;

  foreach secret in array coalesce(tg_argv, '{}'::text[]) loop
    old_row := old_row - secret;
    new_row := new_row - secret;
  end loop;
  if tg_op = 'UPDATE' then
    select coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb) into changed
    from jsonb_each(new_row) n
    where n.value is distinct from old_row -> n.key;
  end if;

  derived := case tg_table_name
    when 'organization_members' then case tg_op
      when 'INSERT' then 'member.added'
      when 'UPDATE' then case when changed ? 'role' then 'member.role_changed' else 'member.updated' end
      else case when (old_row ->> 'user_id')::uuid = caller then 'member.left' else 'member.removed' end end
    when 'invitations' then case
      when tg_op = 'INSERT' then 'member.invited'
      when tg_op = 'DELETE' then 'invitation.deleted'
      when changed ? 'accepted_at' then 'invitation.accepted'
      when changed ? 'revoked_at' then 'invitation.revoked'
      else 'member.invited' end
    when 'organizations' then case
      when tg_op = 'INSERT' then 'workspace.created'
      when changed ? 'name' then 'workspace.renamed'
      when changed ? 'slug' then 'workspace.url_changed'
      else 'workspace.updated' end
    else lower(tg_op) end;

  insert into public.audit_logs
    (organization_id, actor_id, actor_kind, actor_label, action, table_name, record_id,
     old_data, new_data, ip, user_agent)
  values (
    org,
    caller,
    case when caller is not null then 'user' when api_role = 'service_role' then 'service' else 'system' end,
    -- public.profiles: the teams migration. A display name is whatever its owner
    -- typed, so the label carries the email too: "Alice Anderson <carol@...>"
    -- cannot pass for Alice.
    (select case when p.full_name is null then p.email else p.full_name || ' <' || p.email || '>' end
     from public.profiles p where p.id = caller),
    coalesce(named_action, derived),
    tg_table_name,
    row_data ->> 'id',
    old_row,
    case when tg_op = 'UPDATE' then changed else new_row end,
    client_ip,
    client_agent
  );
  return null;
end;
$$;

create trigger organizations_audit
  after insert or update on public.organizations
  for each row execute function private.audit_tenant_change();
create trigger organization_members_audit
  after insert or update or delete on public.organization_members
  for each row execute function private.audit_tenant_change();

-- ---------------------------------------------------------------------------
-- get_activity_actors: the distinct people in a workspace's log, former members
-- included ("who deleted this?" is often somebody who has since left), each with
-- the name recorded on their latest entry. `security invoker`: it reads audit_logs
-- through its RLS policy, so it answers only to those who may read the log and
-- returns nothing for any other workspace. The recursive form visits one index
-- entry per person (a loose index scan) instead of every entry of the log.
-- ---------------------------------------------------------------------------
create function public.get_activity_actors(org uuid)
returns table (actor_id uuid, actor_label text)
language sql
stable
security invoker
set search_path = ''
as $$
  with recursive actors (id) as (
    (select a.actor_id from public.audit_logs a
     where a.organization_id = org and a.actor_id is not null
     order by a.actor_id
     limit 1)
    union all
    select (select a.actor_id from public.audit_logs a
            where a.organization_id = org and a.actor_id > actors.id
            order by a.actor_id
            limit 1)
    from actors
    where actors.id is not null
  )
  select actors.id,
         (select a.actor_label from public.audit_logs a
          where a.organization_id = org and a.actor_id = actors.id
          order by a.created_at desc, a.id desc
          limit 1)
  from actors
  where actors.id is not null;
$$;

-- ---------------------------------------------------------------------------
-- get_activity_request: the request metadata of one entry, for the owners and
-- admins of its workspace; nothing for anyone else (the same empty answer as an
-- entry that does not exist). security definer because authenticated holds no
-- privilege on the two columns.
-- ---------------------------------------------------------------------------
create function public.get_activity_request(audit_log_id bigint)
returns table (ip text, user_agent text)
language sql
stable
security definer
set search_path = ''
as $$
  select a.ip, a.user_agent
  from public.audit_logs a
  where a.id = audit_log_id
    and a.organization_id = any (array(select private.get_activity_admin_org_ids()));
$$;
comment on function public.get_activity_request(bigint) is 'IP and user agent of an audit entry, for owners and admins of its workspace.';

-- ---------------------------------------------------------------------------
-- Platform log: outlives workspaces; not exposed through the API (schema
-- platform: the workspaces migration).
-- ---------------------------------------------------------------------------

create table platform.audit_events (
  id              bigint generated always as identity primary key,
  event           text not null,
  organization_id uuid,
  actor_id        uuid,
  actor_kind      text not null check (actor_kind in ('user', 'service', 'system')),
  details         jsonb not null default '{}'::jsonb,
  created_at      timestamptz not null default now()
);
comment on table platform.audit_events is 'Platform-level events that outlive a workspace (its deletion).';
create index audit_events_org_idx on platform.audit_events (organization_id, created_at desc);
alter table platform.audit_events enable row level security;
revoke all on platform.audit_events from public, anon, authenticated;

create function private.audit_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'audit_log_append_only' using errcode = '42501';
end;
$$;
create trigger audit_events_append_only
  before update or delete on platform.audit_events
  for each row execute function private.audit_events_append_only();
create trigger audit_events_no_truncate
  before truncate on platform.audit_events
  for each statement execute function private.audit_events_append_only();

-- The deletion of a workspace, with what went with it.
create function private.log_workspace_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  insert into platform.audit_events (event, organization_id, actor_id, actor_kind, details)
  values (
    'workspace.deleted',
    old.id,
    caller,
    case when caller is not null then 'user' when (select auth.role()) = 'service_role' then 'service' else 'system' end,
    jsonb_build_object(
      'name', old.name,
      'slug', old.slug,
      'members', (select count(*) from public.organization_members m where m.organization_id = old.id),
      -- public.projects: the projects migration.
      'projects', (select count(*) from public.projects p where p.organization_id = old.id),
      'audit_entries', (select count(*) from public.audit_logs a where a.organization_id = old.id)
    )
  );
  return old;
end;
$$;
create trigger organizations_log_deletion
  before delete on public.organizations
  for each row execute function private.log_workspace_deletion();

-- ---------------------------------------------------------------------------
-- Function privileges
-- ---------------------------------------------------------------------------
revoke execute on function private.audit_logs_append_only() from public, anon, authenticated;
revoke execute on function private.audit_logs_no_truncate() from public, anon, authenticated;
revoke execute on function private.audit_tenant_change() from public, anon, authenticated;
revoke execute on function private.audit_events_append_only() from public, anon, authenticated;
revoke execute on function private.log_workspace_deletion() from public, anon, authenticated;
-- The audit_logs policy calls it as the signed-in user.
revoke execute on function private.get_activity_org_ids() from public, anon;
grant execute on function private.get_activity_org_ids() to authenticated;
revoke execute on function private.get_activity_admin_org_ids() from public, anon;
grant execute on function private.get_activity_admin_org_ids() to authenticated;
-- The app's RPCs.
revoke execute on function public.get_activity_actors(uuid) from public, anon;
grant execute on function public.get_activity_actors(uuid) to authenticated;
revoke execute on function public.get_activity_request(bigint) from public, anon;
grant execute on function public.get_activity_request(bigint) to authenticated;
