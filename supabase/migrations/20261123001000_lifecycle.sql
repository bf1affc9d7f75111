-- Tenant lifecycle (docs/operations-lifecycle.md): suspend/resume by an operator,
-- offboarding (deletion scheduled by an owner or an operator, a grace period, then a
-- purge that records what went), and provisioning by command.
--
-- The state lives on public.organizations, where members already read their
-- workspace: the layout shows the banner and the countdown without another query or
-- policy. Users never write it: the columns are outside the user column grant (the
-- workspaces migration grants name, slug, members_can_view_activity), and
-- guard_organization_lifecycle() below refuses any change of them that does not come
-- through the lifecycle RPCs, even where a grant slips (the attack matrix's "RLS
-- alone" pass grants everything).

set local lock_timeout = '5s';
set local statement_timeout = '60s';

-- public.organizations holds one row per workspace (thousands, not millions): the
-- constraints' scan and the indexes' build below take milliseconds, so squawk's
-- rules for large tables are waived here, statement by statement (docs/migrations.md).
alter table public.organizations
  add column suspended_at          timestamptz,
  add column suspension_reason     text check (char_length(suspension_reason) between 1 and 500),
  add column deletion_scheduled_at timestamptz,
  add column deletion_due_at       timestamptz,
  -- The owner or operator who scheduled it (null for the CLI: the platform log says who).
  -- squawk-ignore adding-foreign-key-constraint
  add column deletion_requested_by uuid references auth.users (id) on delete set null,
  -- squawk-ignore constraint-missing-not-valid
  add constraint organizations_suspension_complete
    check ((suspended_at is null) = (suspension_reason is null)),
  -- squawk-ignore constraint-missing-not-valid
  add constraint organizations_deletion_complete
    check ((deletion_scheduled_at is null) = (deletion_due_at is null));
-- The purge job's question: which workspaces are due?
-- squawk-ignore require-concurrent-index-creation
create index organizations_deletion_due_idx on public.organizations (deletion_due_at)
  where deletion_due_at is not null;
-- squawk-ignore require-concurrent-index-creation
create index organizations_deletion_requested_by_idx on public.organizations (deletion_requested_by);

-- ---------------------------------------------------------------------------
-- workspace_write_block(org): why users may not write the workspace's rows now, or
-- null. The one place that decides; guard_tenant_row() and the organizations guard
-- ask it, the app reads the same columns for the banner.
--   workspace_suspended           an operator suspended it: everything is frozen
--   workspace_deletion_scheduled  it is being offboarded: frozen until purge or cancel
--   billing_restricted            a payment failed and the grace is over (billing
--                                 migration): inserts and updates refused, deletes allowed
-- ---------------------------------------------------------------------------
create function private.workspace_write_block(org uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when o.suspended_at is not null then 'workspace_suspended'
    when o.deletion_scheduled_at is not null then 'workspace_deletion_scheduled'
    when private.is_billing_restricted(org) then 'billing_restricted'
  end
  from public.organizations o where o.id = org;
$$;
revoke execute on function private.workspace_write_block(uuid) from public, anon;
-- guard_tenant_row() runs as the caller.
grant execute on function private.workspace_write_block(uuid) to authenticated;

-- Raises the block's coded error (the app maps the code to a sentence).
create function private.raise_write_block(block text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if block = 'workspace_suspended' then
    raise exception 'workspace_suspended' using errcode = 'PT423',
      hint = 'This workspace is suspended: it is read-only until the platform resumes it.';
  elsif block = 'workspace_deletion_scheduled' then
    raise exception 'workspace_deletion_scheduled' using errcode = 'PT423',
      hint = 'This workspace is scheduled for deletion: it is read-only unless an owner cancels the deletion.';
  elsif block = 'billing_restricted' then
    raise exception 'billing_restricted' using errcode = 'PT402',
      hint = 'This workspace is read-only because of a billing problem. An owner can fix the payment on the billing page.';
  end if;
end;
$$;
revoke execute on function private.raise_write_block(text) from public, anon;
grant execute on function private.raise_write_block(text) to authenticated;

-- ---------------------------------------------------------------------------
-- guard_tenant_row(), now also before DELETE: a suspended or offboarding workspace
-- is frozen, deletes included (a suspension is often a dispute or an investigation,
-- and what is there must stay there). A billing restriction still lets users
-- delete, as before. The platform (no JWT: service role, SQL, the purge) is never
-- blocked; operator RPCs that change a frozen workspace on purpose (its plan) say
-- so with tenantkit.operator_write.
-- ---------------------------------------------------------------------------
create or replace function private.guard_tenant_row()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  sent jsonb;
  server_side jsonb := '{}';
  block text;
begin
  if tg_op = 'UPDATE' and new.organization_id is distinct from old.organization_id then
    raise exception 'organization_id_immutable' using errcode = '42501',
      hint = 'A row cannot be moved to another workspace.';
  end if;
  if current_setting('tenantkit.audit_action', true) like '%.restored' and tg_op <> 'DELETE' then
    -- A restore is a write like any other: a frozen workspace refuses it too (a
    -- billing restriction does not, as before).
    block := private.workspace_write_block(new.organization_id);
    if caller is not null and block in ('workspace_suspended', 'workspace_deletion_scheduled') then
      perform private.raise_write_block(block);
    end if;
    return new;
  end if;
  if caller is null then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  -- The audit log records the writes (and deletions) a blocked workspace still
  -- allows; nobody writes it directly (audit_logs_append_only).
  if tg_table_name <> 'audit_logs'
     and current_setting('tenantkit.operator_write', true) is distinct from 'on' then
    block := private.workspace_write_block(case when tg_op = 'DELETE' then old.organization_id else new.organization_id end);
    if block in ('workspace_suspended', 'workspace_deletion_scheduled')
       or (block = 'billing_restricted' and tg_op <> 'DELETE') then
      perform private.raise_write_block(block);
    end if;
  end if;
  if tg_op = 'DELETE' then
    return old;
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

-- The same triggers, now before DELETE too. Every tenant table that has the guard:
-- the catalog test (rule tenant-row-guard) requires it on new ones.
drop trigger organization_members_guard_tenant_row on public.organization_members;
create trigger organization_members_guard_tenant_row
  before insert or update or delete on public.organization_members
  for each row execute function private.guard_tenant_row();
drop trigger audit_logs_guard_tenant_row on public.audit_logs;
create trigger audit_logs_guard_tenant_row
  before insert or update or delete on public.audit_logs
  for each row execute function private.guard_tenant_row();
drop trigger invitations_guard_tenant_row on public.invitations;
create trigger invitations_guard_tenant_row
  before insert or update or delete on public.invitations
  for each row execute function private.guard_tenant_row();
drop trigger projects_guard_tenant_row on public.projects;
create trigger projects_guard_tenant_row
  before insert or update or delete on public.projects
  for each row execute function private.guard_tenant_row();
drop trigger workspace_subscriptions_guard_tenant_row on public.workspace_subscriptions;
create trigger workspace_subscriptions_guard_tenant_row
  before insert or update or delete on public.workspace_subscriptions
  for each row execute function private.guard_tenant_row();

-- ---------------------------------------------------------------------------
-- The workspace row itself: its lifecycle columns change only through the RPCs
-- below (they set tenantkit.lifecycle_change), and a frozen workspace cannot be
-- renamed, moved or have its settings changed by its users.
-- ---------------------------------------------------------------------------
create function private.guard_organization_lifecycle()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  block text;
begin
  if (select auth.uid()) is null then
    return new;
  end if;
  if (new.suspended_at, new.suspension_reason, new.deletion_scheduled_at, new.deletion_due_at,
      new.deletion_requested_by)
     is distinct from
     (old.suspended_at, old.suspension_reason, old.deletion_scheduled_at, old.deletion_due_at,
      old.deletion_requested_by)
     and current_setting('tenantkit.lifecycle_change', true) is distinct from 'on' then
    raise exception 'not_allowed' using errcode = '42501',
      hint = 'A workspace''s suspension and deletion schedule change only through the platform.';
  end if;
  if (new.name, new.slug, new.members_can_view_activity)
     is distinct from (old.name, old.slug, old.members_can_view_activity) then
    block := private.workspace_write_block(old.id);
    if block in ('workspace_suspended', 'workspace_deletion_scheduled') then
      perform private.raise_write_block(block);
    end if;
  end if;
  return new;
end;
$$;
create trigger organizations_guard_lifecycle
  before update on public.organizations
  for each row execute function private.guard_organization_lifecycle();
revoke execute on function private.guard_organization_lifecycle() from public, anon, authenticated;

-- Deleting a workspace is scheduling its deletion now (schedule_workspace_deletion()):
-- no user deletes the row directly any more; the purge (service role) does.
drop policy "owners delete" on public.organizations;
revoke delete on public.organizations from authenticated;

-- ---------------------------------------------------------------------------
-- Who is acting, for the platform log: an operator (their JWT) or, where
-- `service_ok`, the platform's command (service role, `by` = TENANTKIT_OPERATOR).
-- Everyone else is refused. The one operator check of every operator RPC.
-- ---------------------------------------------------------------------------
create function private.require_operator(service_ok boolean default true)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if not (private.caller_is_platform_admin()
          or (service_ok and (select auth.role()) = 'service_role')) then
    raise exception 'not_platform_admin' using errcode = '42501',
      hint = 'Only platform admins may do this.';
  end if;
end;
$$;
revoke execute on function private.require_operator(boolean) from public, anon, authenticated;

-- One entry in the platform log (platform.audit_events), which outlives the workspace.
create function private.log_platform_event(event text, org uuid, details jsonb, by text default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  insert into platform.audit_events (event, organization_id, actor_id, actor_kind, details)
  values (
    event, org, caller,
    case when caller is not null then 'user' when (select auth.role()) = 'service_role' then 'service' else 'system' end,
    details
      || case when caller is not null then jsonb_build_object('email', (select u.email from auth.users u where u.id = caller)) else '{}'::jsonb end
      || case when by is not null then jsonb_build_object('by', left(by, 200)) else '{}'::jsonb end
  );
end;
$$;
revoke execute on function private.log_platform_event(text, uuid, jsonb, text) from public, anon, authenticated;

-- Changes the lifecycle columns as `action` (the workspace's activity feed names it).
create function private.set_lifecycle(org uuid, action text, changes jsonb)
returns public.organizations
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed public.organizations;
begin
  perform set_config('tenantkit.lifecycle_change', 'on', true);
  perform set_config('tenantkit.audit_action', action, true);
  update public.organizations o
  set suspended_at = case when changes ? 'suspended_at' then (changes ->> 'suspended_at')::timestamptz else o.suspended_at end,
      suspension_reason = case when changes ? 'suspension_reason' then changes ->> 'suspension_reason' else o.suspension_reason end,
      deletion_scheduled_at = case when changes ? 'deletion_scheduled_at' then (changes ->> 'deletion_scheduled_at')::timestamptz else o.deletion_scheduled_at end,
      deletion_due_at = case when changes ? 'deletion_due_at' then (changes ->> 'deletion_due_at')::timestamptz else o.deletion_due_at end,
      deletion_requested_by = case when changes ? 'deletion_requested_by' then (changes ->> 'deletion_requested_by')::uuid else o.deletion_requested_by end
  where o.id = org
  returning * into changed;
  perform set_config('tenantkit.audit_action', '', true);
  perform set_config('tenantkit.lifecycle_change', '', true);
  return changed;
end;
$$;
revoke execute on function private.set_lifecycle(uuid, text, jsonb) from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Suspend / resume (operators). Both return whether anything changed.
-- ---------------------------------------------------------------------------
create function public.admin_suspend_workspace(org uuid, reason text, by text default null)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.organizations;
  clean_reason text := btrim(coalesce(reason, ''));
begin
  perform private.require_operator();
  if char_length(clean_reason) not between 1 and 500 then
    raise exception 'invalid_reason' using errcode = '22023',
      hint = 'Give a reason of 1 to 500 characters (the workspace''s owners see it).';
  end if;
  select * into target from public.organizations o where o.id = org for update;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404', hint = 'No such workspace.';
  end if;
  if target.suspended_at is not null then
    return false;
  end if;
  perform private.set_lifecycle(org, 'workspace.suspended',
    jsonb_build_object('suspended_at', now(), 'suspension_reason', clean_reason));
  perform private.log_platform_event('workspace.suspended', org,
    jsonb_build_object('slug', target.slug, 'reason', clean_reason), by);
  return true;
end;
$$;

create function public.admin_resume_workspace(org uuid, by text default null)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.organizations;
begin
  perform private.require_operator();
  select * into target from public.organizations o where o.id = org for update;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404', hint = 'No such workspace.';
  end if;
  if target.suspended_at is null then
    return false;
  end if;
  perform private.set_lifecycle(org, 'workspace.resumed',
    jsonb_build_object('suspended_at', null, 'suspension_reason', null));
  perform private.log_platform_event('workspace.resumed', org,
    jsonb_build_object('slug', target.slug, 'suspended_at', target.suspended_at,
                       'reason', target.suspension_reason), by);
  return true;
end;
$$;

-- ---------------------------------------------------------------------------
-- Offboarding: schedule (or cancel) the deletion. The workspace is read-only from
-- then on; purge_due_workspaces() deletes it once deletion_due_at has passed.
-- One body for owners and operators; the public functions decide who may.
-- ---------------------------------------------------------------------------
create function private.schedule_deletion(org uuid, grace_days integer, by text)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.organizations;
  due timestamptz;
begin
  if grace_days is null or grace_days not between 1 and 365 then
    raise exception 'invalid_grace_period' using errcode = '22023',
      hint = 'The grace period is 1 to 365 days.';
  end if;
  select * into target from public.organizations o where o.id = org for update;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404', hint = 'No such workspace.';
  end if;
  -- Scheduling again keeps the first date: nobody shortens a grace period by repeating.
  if target.deletion_due_at is not null then
    return target.deletion_due_at;
  end if;
  due := now() + make_interval(days => grace_days);
  perform private.set_lifecycle(org, 'workspace.deletion_scheduled',
    jsonb_build_object('deletion_scheduled_at', now(), 'deletion_due_at', due,
                       'deletion_requested_by', (select auth.uid())));
  perform private.log_platform_event('workspace.deletion_scheduled', org,
    jsonb_build_object('slug', target.slug, 'due_at', due, 'grace_days', grace_days), by);
  return due;
end;
$$;
revoke execute on function private.schedule_deletion(uuid, integer, text) from public, anon, authenticated;

create function private.cancel_deletion(org uuid, by text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.organizations;
begin
  select * into target from public.organizations o where o.id = org for update;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404', hint = 'No such workspace.';
  end if;
  if target.deletion_due_at is null then
    return false;
  end if;
  perform private.set_lifecycle(org, 'workspace.deletion_cancelled',
    jsonb_build_object('deletion_scheduled_at', null, 'deletion_due_at', null, 'deletion_requested_by', null));
  perform private.log_platform_event('workspace.deletion_cancelled', org,
    jsonb_build_object('slug', target.slug, 'was_due_at', target.deletion_due_at), by);
  return true;
end;
$$;
revoke execute on function private.cancel_deletion(uuid, text) from public, anon, authenticated;

-- Owners. Someone who is not an owner (or not a member) gets the same refusal.
create function public.schedule_workspace_deletion(org uuid, grace_days integer default 30)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can delete a workspace.';
  end if;
  return private.schedule_deletion(org, grace_days, null);
end;
$$;

create function public.cancel_workspace_deletion(org uuid)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can cancel a deletion.';
  end if;
  return private.cancel_deletion(org, null);
end;
$$;

-- Operators (console and CLI).
create function public.admin_schedule_workspace_deletion(org uuid, grace_days integer default 30, by text default null)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_operator();
  return private.schedule_deletion(org, grace_days, by);
end;
$$;

create function public.admin_cancel_workspace_deletion(org uuid, by text default null)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.require_operator();
  return private.cancel_deletion(org, by);
end;
$$;

-- Change plan from the console: change_workspace_plan()'s rules (a downgrade the
-- workspace does not fit is refused), as an audited operator action. Allowed on a
-- frozen workspace (e.g. before resuming it).
create function public.admin_change_workspace_plan(org uuid, plan text, by text default null)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  before_plan text;
begin
  perform private.require_operator();
  select s.plan_id into before_plan from public.workspace_subscriptions s where s.organization_id = org;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404', hint = 'No such workspace.';
  end if;
  if before_plan = plan then
    return false;
  end if;
  perform set_config('tenantkit.operator_write', 'on', true);
  perform public.change_workspace_plan(org, plan);
  perform set_config('tenantkit.operator_write', '', true);
  perform private.log_platform_event('workspace.plan_changed', org,
    jsonb_build_object('from', before_plan, 'to', plan), by);
  return true;
end;
$$;

-- ---------------------------------------------------------------------------
-- The console's tenant list: one bounded query. `search` matches name, slug or an
-- owner's email (case-insensitive substring); `workspace` picks one (the overview).
-- rows: the count of each tenant table's rows (every public table with an
-- organization_id column, found in the catalog, so a new tenant table is counted
-- without touching this function).
-- ---------------------------------------------------------------------------
create function private.tenant_row_counts(org uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  tbl text;
  n bigint;
  counts jsonb := '{}';
begin
  for tbl in
    select c.relname from pg_catalog.pg_class c
    join pg_catalog.pg_namespace s on s.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
    where s.nspname = 'public' and c.relkind = 'r'
    order by c.relname
  loop
    execute format('select count(*) from public.%I where organization_id = $1', tbl) into n using org;
    counts := counts || jsonb_build_object(tbl, n);
  end loop;
  return counts;
end;
$$;
revoke execute on function private.tenant_row_counts(uuid) from public, anon, authenticated;

create function public.admin_list_workspaces(
  search text default null,
  workspace uuid default null,
  max_rows integer default 50,
  skip integer default 0
)
returns table (
  id uuid,
  name text,
  slug text,
  plan_id text,
  subscription_status public.subscription_status,
  status text,
  suspended_at timestamptz,
  suspension_reason text,
  deletion_due_at timestamptz,
  owner_emails text[],
  pending_owner_email text,
  member_count bigint,
  row_counts jsonb,
  usage jsonb,
  last_activity_at timestamptz,
  created_at timestamptz,
  total_count bigint
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  pattern text := '%' || replace(replace(replace(lower(btrim(coalesce(search, ''))), '\', '\\'), '%', '\%'), '_', '\_') || '%';
begin
  perform private.require_operator();
  if max_rows is null or max_rows not between 1 and 200 or skip is null or skip < 0 then
    raise exception 'invalid_page' using errcode = '22023', hint = 'max_rows 1 to 200, skip 0 or more.';
  end if;
  return query
  with matching as (
    select o.* from public.organizations o
    where (workspace is null or o.id = workspace)
      and (pattern = '%%'
           or lower(o.name) like pattern or o.slug like pattern
           or exists (select 1 from public.organization_members m join auth.users u on u.id = m.user_id
                      where m.organization_id = o.id and m.role = 'owner' and lower(u.email) like pattern))
  ), page as (
    select m.*, count(*) over () as total from matching m
    order by m.created_at desc, m.id
    limit max_rows offset skip
  )
  select p.id, p.name, p.slug, s.plan_id, s.status,
         case when p.suspended_at is not null then 'suspended'
              when p.deletion_due_at is not null then 'deletion_scheduled'
              else 'active' end,
         p.suspended_at, p.suspension_reason, p.deletion_due_at,
         array(select u.email::text from public.organization_members m join auth.users u on u.id = m.user_id
               where m.organization_id = p.id and m.role = 'owner' order by u.email),
         (select i.email from public.invitations i
          where i.organization_id = p.id and i.role = 'owner' and i.accepted_at is null
            and i.revoked_at is null order by i.created_at desc limit 1),
         (select count(*) from public.organization_members m where m.organization_id = p.id),
         private.tenant_row_counts(p.id),
         (select coalesce(jsonb_object_agg(u.metric, u.used), '{}'::jsonb) from platform.metered_usage u
          where u.organization_id = p.id and u.period_start = private.usage_period_start()),
         (select max(a.created_at) from public.audit_logs a where a.organization_id = p.id),
         p.created_at, p.total
  from page p
  left join public.workspace_subscriptions s on s.organization_id = p.id
  order by p.created_at desc, p.id;
end;
$$;

-- ---------------------------------------------------------------------------
-- Resend the owner invitation of a provisioned workspace whose owner has not
-- signed up: a new token (the old link stops working), returned once for the email.
-- ---------------------------------------------------------------------------
create function public.admin_resend_owner_invitation(org uuid, by text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  new_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  saved public.invitations;
begin
  perform private.require_operator();
  perform set_config('tenantkit.operator_write', 'on', true);
  update public.invitations i
  set token_hash = private.hash_invitation_token(new_token), expires_at = now() + interval '7 days'
  where i.id = (select p.id from public.invitations p
                where p.organization_id = org and p.role = 'owner' and p.accepted_at is null
                  and p.revoked_at is null order by p.created_at desc limit 1)
  returning * into saved;
  perform set_config('tenantkit.operator_write', '', true);
  if saved.id is null then
    raise exception 'no_pending_owner_invitation' using errcode = 'PT404',
      hint = 'This workspace has no pending owner invitation.';
  end if;
  perform private.log_platform_event('workspace.owner_invitation_resent', org,
    jsonb_build_object('email', saved.email), by);
  return jsonb_build_object('invitation_id', saved.id, 'email', saved.email, 'token', new_token,
                            'expires_at', saved.expires_at);
end;
$$;

-- ---------------------------------------------------------------------------
-- The deletion record: counts of every tenant table (the catalog decides which),
-- and the schedule it followed. Replaces the audit migration's version, which
-- counted three tables by name.
-- ---------------------------------------------------------------------------
create or replace function private.log_workspace_deletion()
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
      'created_at', old.created_at,
      'deletion_scheduled_at', old.deletion_scheduled_at,
      'deletion_due_at', old.deletion_due_at,
      'deletion_requested_by', old.deletion_requested_by,
      'rows', private.tenant_row_counts(old.id)
    ) || case when nullif(current_setting('tenantkit.purged_by', true), '') is not null
              then jsonb_build_object('by', current_setting('tenantkit.purged_by', true)) else '{}'::jsonb end
  );
  return old;
end;
$$;

-- ---------------------------------------------------------------------------
-- purge_due_workspaces(): the scheduled job (npm run tenant -- purge, the cron
-- route, pg_cron). Deletes every workspace whose grace period is over, one by one
-- (skip locked: two runs at once never fight over one), and returns what it deleted.
-- ---------------------------------------------------------------------------
create function public.purge_due_workspaces(by text default null)
returns table (id uuid, slug text, row_counts jsonb)
language plpgsql
security definer
set search_path = ''
as $$
declare
  due record;
begin
  perform set_config('tenantkit.purged_by', coalesce(left(by, 200), 'purge_due_workspaces'), true);
  for due in
    select o.id, o.slug from public.organizations o
    where o.deletion_due_at is not null and o.deletion_due_at <= now()
    order by o.deletion_due_at
    for update skip locked
  loop
    id := due.id;
    slug := due.slug;
    row_counts := private.tenant_row_counts(due.id);
    delete from public.organizations o where o.id = due.id;
    return next;
  end loop;
end;
$$;

-- ---------------------------------------------------------------------------
-- The owner invitation of a provisioned workspace is the platform's: no member
-- invited anyone. accept_invitation() (teams migration) requires the inviter to be
-- able to grant the role still; a platform invitation is exempt, and only
-- provision_workspace() sets the flag (users write no invitation column).
-- Below: the teams migration's function with that one condition added.
-- ---------------------------------------------------------------------------
alter table public.invitations add column invited_by_platform boolean not null default false;

create or replace function public.accept_invitation(token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text;
  caller_confirmed timestamptz;
  target public.invitations;
  workspace_slug text;
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  select * into target from public.invitations i
  where i.token_hash = private.hash_invitation_token(token)
  for update;
  if not found then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  if target.revoked_at is not null then
    raise exception 'invitation_revoked' using errcode = '22023', hint = 'This invitation was revoked.';
  end if;
  if target.accepted_at is not null then
    raise exception 'invitation_used' using errcode = '22023', hint = 'This invitation was already used.';
  end if;
  if target.expires_at < now() then
    raise exception 'invitation_expired' using errcode = '22023', hint = 'This invitation has expired.';
  end if;
  -- A provisioned workspace's owner invitation has no inviter: the platform sent it.
  -- An invitation is worth what its inviter may still grant: one sent by an admin
  -- who has since been removed (or demoted, or deleted their account) would
  -- otherwise bring them back through a second address. The trigger below revokes
  -- such invitations; this check also holds for anything it could miss.
  if not target.invited_by_platform and not exists (
    select 1 from public.organization_members m
    where m.organization_id = target.organization_id and m.user_id = target.invited_by
      and (m.role = 'owner' or (m.role = 'admin' and target.role <> 'owner'))
  ) then
    raise exception 'invitation_revoked' using errcode = '22023',
      hint = 'The person who invited you can no longer invite to this workspace.';
  end if;
  select lower(u.email), u.email_confirmed_at into caller_email, caller_confirmed
  from auth.users u where u.id = caller;
  if caller_confirmed is null or caller_email is distinct from target.email then
    raise exception 'wrong_account' using errcode = '42501',
      hint = 'This invitation was sent to another email address.';
  end if;
  if exists (select 1 from platform.email_proofs e where e.user_id = caller and e.proven_at is null) then
    raise exception 'email_not_proven' using errcode = '42501',
      hint = 'Your email address changed since you confirmed it: confirm this mailbox first.';
  end if;

  insert into public.organization_members (organization_id, user_id, role)
  values (target.organization_id, caller, target.role)
  on conflict (organization_id, user_id) do nothing;
  update public.invitations
  set accepted_at = now(), accepted_by = caller
  where id = target.id;

  select o.slug into workspace_slug from public.organizations o where o.id = target.organization_id;
  return jsonb_build_object('organization_id', target.organization_id, 'slug', workspace_slug);
end;
$$;

-- ---------------------------------------------------------------------------
-- provision_workspace(): the platform creates a workspace for a customer (npm run
-- tenant -- provision, signup flows through lib/supabase/admin.ts). Idempotent:
-- the same call again changes nothing (`created` false); a slug held by another
-- owner, or with another name or plan, is refused. The owner is an existing user
-- (member now) or an owner invitation (its token returned once, for the email).
-- `defaults` is the plan's declarative seed (lib/lifecycle/defaults.ts):
-- { "projects": [{ "name": ... }] }.
-- ---------------------------------------------------------------------------
create function public.provision_workspace(
  slug text,
  name text,
  plan text,
  owner_email text,
  defaults jsonb default '{}'::jsonb,
  by text default null
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  clean_slug text := lower(btrim(coalesce(slug, '')));
  clean_name text := btrim(coalesce(name, ''));
  clean_email text := lower(btrim(coalesce(owner_email, '')));
  existing public.organizations;
  existing_plan text;
  created public.organizations;
  owner_id uuid;
  new_token text;
  project jsonb;
begin
  if char_length(clean_name) not between 1 and 80 then
    raise exception 'invalid_name' using errcode = '22023', hint = 'A workspace name has 1 to 80 characters.';
  end if;
  if char_length(clean_slug) not between 3 and 48 or clean_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    raise exception 'invalid_slug' using errcode = '22023',
      hint = 'A slug has 3 to 48 lowercase letters, digits or single hyphens.';
  end if;
  if char_length(clean_email) > 254 or clean_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'invalid_email' using errcode = '22023', hint = 'Enter a valid email address.';
  end if;
  if not exists (select 1 from public.plans p where p.id = plan) then
    raise exception 'plan_not_found' using errcode = '22023', hint = 'No plan of that name.';
  end if;
  -- Two provisioning calls for one slug run one after the other.
  perform pg_advisory_xact_lock(hashtextextended('provision_workspace ' || clean_slug, 0));
  select u.id into owner_id from auth.users u where lower(u.email) = clean_email;

  select * into existing from public.organizations o where o.slug = clean_slug;
  if found then
    select s.plan_id into existing_plan from public.workspace_subscriptions s where s.organization_id = existing.id;
    if not (exists (select 1 from public.organization_members m join auth.users u on u.id = m.user_id
                    where m.organization_id = existing.id and m.role = 'owner' and lower(u.email) = clean_email)
            or exists (select 1 from public.invitations i
                       where i.organization_id = existing.id and i.role = 'owner' and i.email = clean_email
                         and i.accepted_at is null and i.revoked_at is null)) then
      raise exception 'workspace_exists' using errcode = 'PT409',
        hint = format('The workspace %s already exists with another owner.', clean_slug);
    end if;
    if existing.name <> clean_name or existing_plan <> plan then
      raise exception 'workspace_exists' using errcode = 'PT409',
        hint = format('The workspace %s already exists as "%s" on plan %s: nothing was changed.',
                      clean_slug, existing.name, existing_plan);
    end if;
    return jsonb_build_object('created', false, 'id', existing.id, 'slug', existing.slug,
                              'owner', case when owner_id is not null
                                            and exists (select 1 from public.organization_members m
                                                        where m.organization_id = existing.id and m.user_id = owner_id)
                                            then 'member' else 'invited' end);
  end if;
  if private.is_reserved_slug(clean_slug) then
    raise exception 'slug_reserved' using errcode = '22023', hint = 'This URL is reserved.';
  end if;

  begin
    insert into public.organizations (name, slug) values (clean_name, clean_slug) returning * into created;
  exception when unique_violation then
    -- A slug held for a renamed workspace (organization_slug_history).
    raise exception 'slug_taken' using errcode = '23505', hint = 'Another workspace already uses this URL.';
  end;
  if plan <> 'free' then
    perform public.change_workspace_plan(created.id, plan);
  end if;

  if owner_id is not null then
    insert into public.organization_members (organization_id, user_id, role)
    values (created.id, owner_id, 'owner');
  else
    new_token := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
    insert into public.invitations (organization_id, email, role, token_hash, expires_at, invited_by_platform)
    values (created.id, clean_email, 'owner', private.hash_invitation_token(new_token), now() + interval '7 days', true);
  end if;

  for project in select * from jsonb_array_elements(coalesce(defaults -> 'projects', '[]'::jsonb)) loop
    insert into public.projects (organization_id, name) values (created.id, project ->> 'name');
  end loop;

  perform private.log_platform_event('workspace.provisioned', created.id,
    jsonb_build_object('slug', clean_slug, 'name', clean_name, 'plan', plan, 'owner', clean_email,
                       'owner_status', case when owner_id is null then 'invited' else 'member' end), by);
  return jsonb_build_object('created', true, 'id', created.id, 'slug', created.slug,
                            'owner', case when owner_id is null then 'invited' else 'member' end,
                            'token', new_token);
end;
$$;

-- ---------------------------------------------------------------------------
-- Privileges. Operator RPCs: the console (operator's JWT, checked inside) and the
-- command (service role). Owner RPCs: authenticated (checked inside). The job and
-- provisioning: service role only.
-- ---------------------------------------------------------------------------
revoke execute on function public.admin_suspend_workspace(uuid, text, text) from public, anon;
revoke execute on function public.admin_resume_workspace(uuid, text) from public, anon;
revoke execute on function public.admin_schedule_workspace_deletion(uuid, integer, text) from public, anon;
revoke execute on function public.admin_cancel_workspace_deletion(uuid, text) from public, anon;
revoke execute on function public.admin_change_workspace_plan(uuid, text, text) from public, anon;
revoke execute on function public.admin_list_workspaces(text, uuid, integer, integer) from public, anon;
revoke execute on function public.admin_resend_owner_invitation(uuid, text) from public, anon;
grant execute on function public.admin_suspend_workspace(uuid, text, text) to authenticated, service_role;
grant execute on function public.admin_resume_workspace(uuid, text) to authenticated, service_role;
grant execute on function public.admin_schedule_workspace_deletion(uuid, integer, text) to authenticated, service_role;
grant execute on function public.admin_cancel_workspace_deletion(uuid, text) to authenticated, service_role;
grant execute on function public.admin_change_workspace_plan(uuid, text, text) to authenticated, service_role;
grant execute on function public.admin_list_workspaces(text, uuid, integer, integer) to authenticated, service_role;
grant execute on function public.admin_resend_owner_invitation(uuid, text) to authenticated, service_role;

revoke execute on function public.schedule_workspace_deletion(uuid, integer) from public, anon;
revoke execute on function public.cancel_workspace_deletion(uuid) from public, anon;
grant execute on function public.schedule_workspace_deletion(uuid, integer) to authenticated;
grant execute on function public.cancel_workspace_deletion(uuid) to authenticated;

revoke execute on function public.purge_due_workspaces(text) from public, anon, authenticated;
revoke execute on function public.provision_workspace(text, text, text, text, jsonb, text) from public, anon, authenticated;
grant execute on function public.purge_due_workspaces(text) to service_role;
grant execute on function public.provision_workspace(text, text, text, text, jsonb, text) to service_role;
