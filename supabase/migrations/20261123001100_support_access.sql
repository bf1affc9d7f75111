-- Support access: how a platform admin (20261123000900_platform_admins.sql) reads a
-- workspace's data. Being a platform admin grants nothing by itself; the operator
-- opens a grant for ONE workspace, with a reason, for at most 24 hours (default 1),
-- and while it is open reads that workspace through admin_support_read(), a
-- security definer function that only reads. The tenant tables' policies are NOT
-- widened: the operator is not a member, so every write through the normal API
-- (tables and RPCs) is refused exactly as for any outsider, grant or no grant.
--
-- Every open, close and page viewed goes to platform.audit_events (the platform log,
-- which outlives the workspace) and, through one trigger on that log, to the
-- workspace's own public.audit_logs, where its activity feed shows it as
-- "Support (ops@…)". Members read the workspace's grants with get_support_grants().
--
-- A workspace's owners may require their approval first
-- (organizations.support_requires_approval, set by set_support_approval()): a grant
-- then waits, pending, until an owner approves it (its time starts then), and owners
-- may revoke any grant to their workspace at any moment.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

alter table public.organizations
  add column support_requires_approval boolean not null default false;
comment on column public.organizations.support_requires_approval is 'Support access waits for an owner''s approval (set_support_approval()).';

create table platform.support_grants (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations (id) on delete cascade,
  -- No foreign key: the record keeps who it was after their account is gone.
  operator_id     uuid not null,
  operator_email  text not null,
  reason          text not null check (char_length(btrim(reason)) between 10 and 500),
  minutes         integer not null default 60 check (minutes between 1 and 1440),
  -- Requested; approved at once unless the workspace requires an owner's approval.
  opened_at       timestamptz not null default now(),
  approved_at     timestamptz,
  approved_by     text check (char_length(approved_by) <= 320),
  -- Set on approval: approved_at + minutes. Null while pending.
  expires_at      timestamptz,
  closed_at       timestamptz,
  closed_by       text check (char_length(closed_by) <= 320),
  -- A grant is short-lived by construction: 24 hours at most from its approval,
  -- whoever writes it.
  constraint support_grants_duration check (
    expires_at is null
    or (expires_at > approved_at and expires_at <= approved_at + interval '24 hours')
  ),
  constraint support_grants_approval check (
    (approved_at is null) = (expires_at is null) and (approved_at is null) = (approved_by is null)
  ),
  constraint support_grants_closed check ((closed_at is null) = (closed_by is null))
);
comment on table platform.support_grants is 'Expiring, audited read access of one operator to one workspace (admin_open_support_grant).';
create index support_grants_org_opened_idx on platform.support_grants (organization_id, opened_at desc);
-- admin_support_read() looks for the caller's open grant on every call.
create index support_grants_operator_open_idx
  on platform.support_grants (operator_id, organization_id, expires_at)
  where closed_at is null;
alter table platform.support_grants enable row level security;
revoke all on platform.support_grants from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- The workspace's side of the log: a support event of the platform log is copied
-- into the workspace's audit_logs by this trigger, so the two cannot disagree and
-- audit_logs keeps its rule that only a trigger writes it (audit_logs_append_only
-- admits inserts made from inside a trigger). The actor is the operator, labelled
-- "Support (<email>)": not a member, so the feed has no other name for them.
-- ---------------------------------------------------------------------------
create function private.mirror_support_event()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.audit_logs
    (organization_id, actor_id, actor_kind, actor_label, action, table_name, record_id,
     old_data, new_data)
  values (
    new.organization_id,
    new.actor_id,
    new.actor_kind,
    coalesce(new.details ->> 'actor_label',
             'Support (' || coalesce(new.details ->> 'operator_email', 'platform') || ')'),
    new.event,
    'support_grants',
    new.details ->> 'grant_id',
    null,
    new.details - 'operator_email' - 'grant_id' - 'actor_label'
  );
  return null;
end;
$$;
create trigger audit_events_mirror_support
  after insert on platform.audit_events
  for each row
  when (new.event like 'support.%' and new.organization_id is not null)
  execute function private.mirror_support_event();

-- One support event in both logs. The actor is the caller when there is one (the
-- operator in the console, an owner approving or revoking), else the service role
-- (the command line). `extra` may name the actor's label for the feed (an owner's).
create function private.log_support_event(
  event text, grant_row platform.support_grants, extra jsonb default '{}'
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into platform.audit_events (event, organization_id, actor_id, actor_kind, details)
  values (
    event,
    grant_row.organization_id,
    (select auth.uid()),
    case when (select auth.uid()) is not null then 'user' else 'service' end,
    jsonb_build_object(
      'grant_id', grant_row.id,
      'operator_email', grant_row.operator_email,
      'reason', grant_row.reason,
      'expires_at', grant_row.expires_at,
      'minutes', grant_row.minutes
    ) || extra
  );
$$;

-- private.require_operator(service_ok): the lifecycle migration's operator check.

-- The caller's open, unexpired grant for the workspace, or null.
create function private.caller_open_support_grant(org uuid)
returns platform.support_grants
language sql
stable
security definer
set search_path = ''
as $$
  select g.* from platform.support_grants g
  where g.operator_id = (select auth.uid())
    and g.organization_id = org
    and g.closed_at is null
    and g.expires_at > now()
  order by g.expires_at desc
  limit 1;
$$;

-- ---------------------------------------------------------------------------
-- admin_open_support_grant: the operator opens read access to one workspace for
-- `minutes` (1 to 1440, default 60) with a reason the customer will read. Only a
-- platform admin, as themselves: a grant is for a person, so the service role
-- cannot open one. Where the workspace requires approval, the grant is pending
-- (no access) until an owner approves it. Returns the grant's id.
-- ---------------------------------------------------------------------------
create function public.admin_open_support_grant(org uuid, reason text, minutes integer default 60)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  operator_email text;
  granted platform.support_grants;
begin
  perform private.require_operator(false);
  if minutes is null or minutes < 1 or minutes > 1440 then
    raise exception 'support_duration_invalid' using errcode = '22023',
      hint = 'A support grant lasts between 1 minute and 24 hours.';
  end if;
  if reason is null or char_length(btrim(reason)) not between 10 and 500 then
    raise exception 'support_reason_invalid' using errcode = '22023',
      hint = 'Say why, in 10 to 500 characters: the customer reads it.';
  end if;
  if not exists (select 1 from public.organizations o where o.id = org) then
    raise exception 'workspace_not_found' using errcode = 'PT404';
  end if;
  if exists (
    select 1 from platform.support_grants g
    where g.operator_id = (select auth.uid()) and g.organization_id = org and g.closed_at is null
      and (g.expires_at > now() or (g.approved_at is null and g.opened_at > now() - interval '24 hours'))
  ) then
    raise exception 'support_grant_already_open' using errcode = '23505',
      hint = 'You already hold an open or pending grant for this workspace. Close it first.';
  end if;
  select u.email into operator_email from auth.users u where u.id = (select auth.uid());
  if (select o.support_requires_approval from public.organizations o where o.id = org) then
    insert into platform.support_grants (organization_id, operator_id, operator_email, reason, minutes)
    values (org, (select auth.uid()), operator_email, btrim(reason), minutes)
    returning * into granted;
    perform private.log_support_event('support.requested', granted);
  else
    insert into platform.support_grants
      (organization_id, operator_id, operator_email, reason, minutes, approved_at, approved_by, expires_at)
    values (org, (select auth.uid()), operator_email, btrim(reason), minutes, now(), 'automatic',
            now() + make_interval(mins => minutes))
    returning * into granted;
    perform private.log_support_event('support.opened', granted);
  end if;
  return granted.id;
end;
$$;

-- ---------------------------------------------------------------------------
-- admin_close_support_grant: ends a grant early. Any platform admin may close any
-- grant (closing only ever takes access away), and so may the service role (the
-- command line, which says who in `closed_by`). Returns whether it was open.
-- ---------------------------------------------------------------------------
create function public.admin_close_support_grant(grant_id uuid, closed_by text default null)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  closer text;
  closed platform.support_grants;
begin
  perform private.require_operator(true);
  if (select auth.uid()) is not null then
    select u.email into closer from auth.users u where u.id = (select auth.uid());
  else
    closer := coalesce(nullif(btrim(closed_by), ''), 'service');
  end if;
  update platform.support_grants g
  set closed_at = now(), closed_by = left(closer, 320)
  where g.id = grant_id and g.closed_at is null
    and (g.expires_at > now() or g.approved_at is null)
  returning g.* into closed;
  if closed.id is null then
    if not exists (select 1 from platform.support_grants g where g.id = grant_id) then
      raise exception 'support_grant_not_found' using errcode = 'PT404';
    end if;
    return false;
  end if;
  perform private.log_support_event('support.closed', closed, jsonb_build_object('closed_by', closer));
  return true;
end;
$$;

-- ---------------------------------------------------------------------------
-- admin_support_overview: the console's support page for one workspace: its name
-- and URL, the caller's open grant if any, and its grants (newest first). Reads no
-- tenant data beyond the workspace's name.
-- ---------------------------------------------------------------------------
create function public.admin_support_overview(org uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  workspace jsonb;
begin
  perform private.require_operator(true);
  select jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug) into workspace
  from public.organizations o where o.id = org;
  if workspace is null then
    raise exception 'workspace_not_found' using errcode = 'PT404';
  end if;
  return jsonb_build_object(
    'workspace', workspace,
    'requires_approval', (select o.support_requires_approval from public.organizations o where o.id = org),
    'open_grant_id', (private.caller_open_support_grant(org)).id,
    -- The caller's request still waiting for an owner (a day at most).
    'pending_grant_id', (
      select g.id from platform.support_grants g
      where g.operator_id = (select auth.uid()) and g.organization_id = org
        and g.approved_at is null and g.closed_at is null
        and g.opened_at > now() - interval '24 hours'
      limit 1),
    'grants', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', g.id, 'operator_email', g.operator_email, 'reason', g.reason,
        'opened_at', g.opened_at, 'minutes', g.minutes, 'approved_at', g.approved_at,
        'approved_by', g.approved_by, 'expires_at', g.expires_at, 'closed_at', g.closed_at,
        'closed_by', g.closed_by) order by g.opened_at desc)
      from (select * from platform.support_grants s where s.organization_id = org
            order by s.opened_at desc limit 100) g
    ), '[]'::jsonb)
  );
end;
$$;

-- ---------------------------------------------------------------------------
-- admin_support_read: the dedicated read-only view. Returns one section of the
-- workspace's data ('projects', 'members', 'activity', 'settings') as JSON, only
-- while the caller holds an open, unexpired grant for THAT workspace; without one,
-- support_grant_required and nothing else. Each call is a page viewed, logged in
-- both logs with its section. It only selects: there is no write path through a
-- grant anywhere.
-- ---------------------------------------------------------------------------
create function public.admin_support_read(org uuid, section text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  held platform.support_grants;
  result jsonb;
begin
  perform private.require_operator(false);
  held := private.caller_open_support_grant(org);
  if held.id is null then
    raise exception 'support_grant_required' using errcode = '42501',
      hint = 'Open a support grant for this workspace first.';
  end if;
  case section
    when 'projects' then
      select coalesce(jsonb_agg(jsonb_build_object(
        'id', p.id, 'name', p.name, 'status', p.status,
        'created_at', p.created_at, 'updated_at', p.updated_at) order by p.created_at desc), '[]')
      into result
      from (select * from public.projects x where x.organization_id = org
            order by x.created_at desc limit 200) p;
    when 'members' then
      select coalesce(jsonb_agg(jsonb_build_object(
        'user_id', m.user_id, 'email', pr.email, 'full_name', pr.full_name, 'role', m.role,
        'joined_at', m.created_at) order by m.created_at), '[]')
      into result
      from public.organization_members m
      left join public.profiles pr on pr.id = m.user_id
      where m.organization_id = org;
    when 'activity' then
      -- Without ip and user_agent, which even the workspace's members do not all see.
      select coalesce(jsonb_agg(jsonb_build_object(
        'id', a.id, 'actor_id', a.actor_id, 'actor_kind', a.actor_kind,
        'actor_label', a.actor_label, 'action', a.action, 'table_name', a.table_name,
        'record_id', a.record_id, 'old_data', a.old_data, 'new_data', a.new_data,
        'created_at', a.created_at) order by a.created_at desc, a.id desc), '[]')
      into result
      from (select * from public.audit_logs x where x.organization_id = org
            order by x.created_at desc, x.id desc limit 100) a;
    when 'settings' then
      select jsonb_build_object(
        'name', o.name, 'slug', o.slug, 'created_at', o.created_at,
        'members_can_view_activity', o.members_can_view_activity,
        'plan_id', s.plan_id, 'plan_status', s.status)
      into result
      from public.organizations o
      left join public.workspace_subscriptions s on s.organization_id = o.id
      where o.id = org;
    else
      raise exception 'support_section_invalid' using errcode = '22023',
        hint = 'The sections are projects, members, activity and settings.';
  end case;
  perform private.log_support_event('support.viewed', held, jsonb_build_object('section', section));
  return result;
end;
$$;

-- ---------------------------------------------------------------------------
-- get_support_grants: the workspace's side. Every member may see who had support
-- access to it, why and until when; nobody else sees anything (the same empty
-- answer as a workspace without grants).
-- ---------------------------------------------------------------------------
create function public.get_support_grants(org uuid)
returns table (
  id uuid, operator_email text, reason text, opened_at timestamptz, minutes integer,
  approved_at timestamptz, approved_by text, expires_at timestamptz, closed_at timestamptz,
  closed_by text
)
language sql
stable
security definer
set search_path = ''
as $$
  select g.id, g.operator_email, g.reason, g.opened_at, g.minutes, g.approved_at, g.approved_by,
         g.expires_at, g.closed_at, g.closed_by
  from platform.support_grants g
  where g.organization_id = org
    and org = any (array(select private.get_user_org_ids()))
  order by g.opened_at desc
  limit 100;
$$;
comment on function public.get_support_grants(uuid) is 'Support access grants to a workspace, for its members.';

-- ---------------------------------------------------------------------------
-- The owners' side. set_support_approval: whether support access to the workspace
-- waits for an owner's approval (audited as a workspace settings change).
-- approve_support_grant: an owner starts a pending grant (its minutes run from
-- now); a request older than 24 hours has lapsed. revoke_support_grant: an owner
-- ends a pending or open grant at once. Owners only; anyone else gets `not_allowed`,
-- and a grant of another workspace is not found.
-- ---------------------------------------------------------------------------
create function public.set_support_approval(org uuid, required boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  update public.organizations o set support_requires_approval = coalesce(required, false)
  where o.id = org;
end;
$$;

-- The owner's label, as the audit trigger writes it: "Name <email>", or the email.
create function private.caller_label()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when p.full_name is null then p.email else p.full_name || ' <' || p.email || '>' end
  from public.profiles p where p.id = (select auth.uid());
$$;

create function public.approve_support_grant(org uuid, grant_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  approved platform.support_grants;
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  update platform.support_grants g
  set approved_at = now(),
      approved_by = left((select u.email from auth.users u where u.id = (select auth.uid())), 320),
      expires_at = now() + make_interval(mins => g.minutes)
  where g.id = grant_id and g.organization_id = org and g.approved_at is null
    and g.closed_at is null and g.opened_at > now() - interval '24 hours'
  returning g.* into approved;
  if approved.id is null then
    raise exception 'support_grant_not_found' using errcode = 'PT404';
  end if;
  perform private.log_support_event('support.approved', approved,
    jsonb_build_object('actor_label', private.caller_label()));
end;
$$;

create function public.revoke_support_grant(org uuid, grant_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  revoked platform.support_grants;
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501';
  end if;
  update platform.support_grants g
  set closed_at = now(),
      closed_by = left((select u.email from auth.users u where u.id = (select auth.uid())), 320)
  where g.id = grant_id and g.organization_id = org and g.closed_at is null
    and (g.expires_at > now() or g.approved_at is null)
  returning g.* into revoked;
  if revoked.id is null then
    raise exception 'support_grant_not_found' using errcode = 'PT404';
  end if;
  perform private.log_support_event('support.revoked', revoked,
    jsonb_build_object('actor_label', private.caller_label()));
end;
$$;

-- ---------------------------------------------------------------------------
-- Function privileges
-- ---------------------------------------------------------------------------
revoke execute on function private.mirror_support_event() from public, anon, authenticated;
revoke execute on function private.log_support_event(text, platform.support_grants, jsonb) from public, anon, authenticated;
revoke execute on function private.caller_open_support_grant(uuid) from public, anon, authenticated;
revoke execute on function private.caller_label() from public, anon, authenticated;

revoke execute on function public.admin_open_support_grant(uuid, text, integer) from public, anon;
revoke execute on function public.admin_close_support_grant(uuid, text) from public, anon;
revoke execute on function public.admin_support_overview(uuid) from public, anon;
revoke execute on function public.admin_support_read(uuid, text) from public, anon;
revoke execute on function public.get_support_grants(uuid) from public, anon;
grant execute on function public.admin_open_support_grant(uuid, text, integer) to authenticated, service_role;
grant execute on function public.admin_close_support_grant(uuid, text) to authenticated, service_role;
grant execute on function public.admin_support_overview(uuid) to authenticated, service_role;
grant execute on function public.admin_support_read(uuid, text) to authenticated, service_role;
grant execute on function public.get_support_grants(uuid) to authenticated;
revoke execute on function public.set_support_approval(uuid, boolean) from public, anon;
revoke execute on function public.approve_support_grant(uuid, uuid) from public, anon;
revoke execute on function public.revoke_support_grant(uuid, uuid) from public, anon;
grant execute on function public.set_support_approval(uuid, boolean) to authenticated;
grant execute on function public.approve_support_grant(uuid, uuid) to authenticated;
grant execute on function public.revoke_support_grant(uuid, uuid) to authenticated;
