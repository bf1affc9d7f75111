-- Plans, entitlements and quotas, enforced by the database (docs/plans.md).
--
-- What a workspace may do on its plan is decided here, next to what it may see:
-- a direct API call that skips the app's checks meets the same refusal as the app.
--
--   plan_metrics       what is counted or gated: `count` (rows that exist: projects,
--                      seats), `metered` (consumed per calendar month: api_requests),
--                      `feature` (on or off: activity_log_for_members)
--   plans, plan_limits the catalog, as data: one limit per plan and metric
--                      (null = unlimited; features: 1 on, 0 off)
--   workspace_subscriptions  each workspace's current plan and status: written only by
--                      the platform (change_workspace_plan(), later Stripe), read by
--                      its members, every change in its activity log
--   platform.metered_usage   the monthly counters; consume_usage() is the atomic
--                      "take N or refuse"
--
-- Counting a new tenant table against a plan is one line (docs/adding-a-tenant-table.md):
--   create trigger <table>_plan_limit before insert on public.<table>
--     for each row execute function private.enforce_plan_limit('<metric>');
-- plus the metric's row in plan_metrics and a limit per plan (tests/integration/plans.test.ts
-- fails when a count metric and its trigger do not match).

-- ---------------------------------------------------------------------------
-- The catalog. Readable by signed-in users (the billing page compares plans);
-- written only by migrations and the platform: no API role holds a write grant.
-- ---------------------------------------------------------------------------
create table public.plan_metrics (
  id            text primary key check (id ~ '^[a-z][a-z0-9_]{1,40}$'),
  kind          text not null check (kind in ('count', 'metered', 'feature')),
  -- For `count` metrics counted by enforce_plan_limit(): the table whose rows count.
  -- Seats have no table of their own (members + pending invitations).
  counted_table text check (counted_table is null or kind = 'count'),
  -- How the billing page and the refusal name it: "3 projects", "5,000 API requests".
  label         text not null check (char_length(label) between 1 and 60),
  unit_singular text not null check (char_length(unit_singular) between 1 and 40),
  unit_plural   text not null check (char_length(unit_plural) between 1 and 40),
  sort_order    integer not null default 0
);
comment on table public.plan_metrics is 'What plans limit: counted rows, monthly metered usage, features.';

create table public.plans (
  id              text primary key check (id ~ '^[a-z][a-z0-9_]{1,30}$'),
  name            text not null check (char_length(name) between 1 and 40),
  description     text not null default '' check (char_length(description) <= 200),
  sort_order      integer not null default 0,
  -- Hidden plans (enterprise, legacy) are not offered; a workspace on one still reads it.
  is_public       boolean not null default true,
  -- What the comparison table shows. What is charged is the Stripe price the
  -- deployment maps to the plan (STRIPE_PRICE_<PLAN>, docs/billing.md): price ids
  -- differ between Stripe's test and live modes, so they are configuration, not data.
  monthly_price_cents integer check (monthly_price_cents >= 0)
);
comment on table public.plans is 'The plan catalog: names, order, visibility and display prices.';

create table public.plan_limits (
  plan_id     text not null references public.plans(id) on delete cascade,
  metric      text not null references public.plan_metrics(id) on delete cascade,
  -- null: unlimited. A plan without a row for a metric gets 0 (closed by default).
  limit_value bigint check (limit_value >= 0),
  primary key (plan_id, metric)
);
create index plan_limits_metric_idx on public.plan_limits (metric);
comment on table public.plan_limits is 'One limit per plan and metric; null is unlimited, features are 1 (on) or 0 (off).';

insert into public.plan_metrics (id, kind, counted_table, label, unit_singular, unit_plural, sort_order) values
  ('projects',                 'count',   'public.projects', 'Projects', 'project', 'projects', 10),
  ('seats',                    'count',   null, 'Seats (members and pending invitations)', 'seat', 'seats', 20),
  ('api_requests',             'metered', null, 'API requests per month', 'API request', 'API requests', 30),
  ('activity_log_for_members', 'feature', null, 'Activity log for members', 'feature', 'features', 40);

insert into public.plans (id, name, description, sort_order, is_public, monthly_price_cents) values
  ('free',       'Free',       'For trying things out with a small team.',        10, true,  0),
  ('pro',        'Pro',        'For growing teams.',                              20, true,  2900),
  ('business',   'Business',   'For organizations with many teams.',              30, true,  9900),
  ('enterprise', 'Enterprise', 'Custom limits and terms, arranged with sales.',   40, false, null);

insert into public.plan_limits (plan_id, metric, limit_value) values
  ('free',       'projects', 3),     ('free',       'seats', 3),
  ('free',       'api_requests', 5000),      ('free',       'activity_log_for_members', 0),
  ('pro',        'projects', 100),   ('pro',        'seats', 25),
  ('pro',        'api_requests', 100000),    ('pro',        'activity_log_for_members', 1),
  ('business',   'projects', 1000),  ('business',   'seats', 100),
  ('business',   'api_requests', 1000000),   ('business',   'activity_log_for_members', 1),
  ('enterprise', 'projects', null),  ('enterprise', 'seats', null),
  ('enterprise', 'api_requests', null),      ('enterprise', 'activity_log_for_members', 1);

-- ---------------------------------------------------------------------------
-- workspace_subscriptions: exactly one per workspace, created with it (Free).
-- A tenant table like any other (guard, audit, member read), but without write
-- policies or grants: the platform writes it (change_workspace_plan(), and the
-- Stripe webhook of the billing issue), and its changes land in the workspace's
-- activity log as the platform's.
-- ---------------------------------------------------------------------------
create type public.subscription_status as enum ('active', 'trialing', 'past_due', 'canceled');

create table public.workspace_subscriptions (
  organization_id      uuid primary key references public.organizations(id) on delete cascade,
  plan_id              text not null references public.plans(id),
  status               public.subscription_status not null default 'active',
  current_period_start timestamptz not null default now(),
  current_period_end   timestamptz,
  -- What the workspace pays for (the billing issue keeps it equal to the seats used).
  seat_quantity        integer not null default 1 check (seat_quantity >= 0),
  created_at           timestamptz not null default now(),
  updated_at           timestamptz not null default now()
);
comment on table public.workspace_subscriptions is 'Each workspace''s plan and billing status. Written only by the platform.';
create index workspace_subscriptions_plan_idx on public.workspace_subscriptions (plan_id);

create trigger workspace_subscriptions_guard_tenant_row
  before insert or update on public.workspace_subscriptions
  for each row execute function private.guard_tenant_row();
create trigger workspace_subscriptions_set_updated_at
  before update on public.workspace_subscriptions
  for each row execute function private.set_updated_at();
create trigger workspace_subscriptions_audit
  after insert or update or delete on public.workspace_subscriptions
  for each row execute function private.audit_tenant_change();

alter table public.workspace_subscriptions enable row level security;
create policy "members read" on public.workspace_subscriptions for select to authenticated
  using (organization_id = any (array(select private.get_user_org_ids())));
-- No write policies: the platform writes.
revoke all on public.workspace_subscriptions from anon, authenticated;
grant select on public.workspace_subscriptions to authenticated;

-- ---------------------------------------------------------------------------
-- Helpers (private: policies and triggers call them, the API cannot).
-- ---------------------------------------------------------------------------

-- The plans of the caller's workspaces, for the plans policy (a hidden plan is
-- readable by those who are on it).
create function private.get_user_plan_ids()
returns setof text
language sql
stable
security definer
set search_path = ''
as $$
  select distinct s.plan_id
  from public.workspace_subscriptions s
  where s.organization_id = any (array(select private.get_user_org_ids()));
$$;

-- The catalog: public plans for everyone signed in, a hidden plan only to the
-- members of a workspace that is on it.
alter table public.plan_metrics enable row level security;
alter table public.plans enable row level security;
alter table public.plan_limits enable row level security;
create policy "signed-in users read" on public.plan_metrics for select to authenticated using (true);
create policy "signed-in users read public plans and their own" on public.plans for select to authenticated
  using (is_public or id in (select private.get_user_plan_ids()));
create policy "signed-in users read the limits of readable plans" on public.plan_limits for select to authenticated
  using (plan_id in (select p.id from public.plans p));
revoke all on public.plan_metrics, public.plans, public.plan_limits from anon, authenticated;
grant select on public.plan_metrics, public.plans, public.plan_limits to authenticated;

-- The plan whose limits apply: a canceled subscription falls back to Free. Its
-- data stays; what exceeds Free's limits stays readable and cannot grow.
create function private.effective_plan_id(org uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case when s.status = 'canceled' then 'free' else s.plan_id end
  from public.workspace_subscriptions s
  where s.organization_id = org;
$$;

-- The limit of a metric for a workspace: null is unlimited; a metric the plan does
-- not list is 0, and so is a workspace without a subscription (closed by default).
create function private.plan_limit(org uuid, metric text)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select case when l.plan_id is null then 0 else l.limit_value end
  from (select private.effective_plan_id(org) as plan_id) p
  left join public.plan_limits l on l.plan_id = p.plan_id and l.metric = plan_limit.metric;
$$;

-- Whether a workspace's plan includes a feature.
create function private.has_plan_feature(org uuid, feature text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(private.plan_limit(org, feature), 1) > 0;
$$;

-- Seats in use: members plus unexpired pending invitations. `except_email` leaves
-- out the invitation of the person being added (accepting an invitation, or
-- refreshing one, takes no second seat).
create function private.seats_used(org uuid, except_email text default null)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select (select count(*) from public.organization_members m where m.organization_id = org)
       + (select count(*) from public.invitations i
          where i.organization_id = org
            and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
            and i.email is distinct from lower(except_email));
$$;

-- The current usage of a count metric.
create function private.count_usage(org uuid, metric text)
returns bigint
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  source text;
  used bigint;
begin
  if metric = 'seats' then
    return private.seats_used(org);
  end if;
  select m.counted_table into source from public.plan_metrics m where m.id = metric and m.kind = 'count';
  if source is null then
    return null;
  end if;
  execute format('select count(*) from %s t where t.organization_id = $1', source::regclass)
    into used using org;
  return used;
end;
$$;

-- The calendar month (UTC) that metered usage counts in, and when it ends.
create function private.usage_period_start(at timestamptz default now())
returns date
language sql
stable
set search_path = ''
as $$
  select date_trunc('month', at at time zone 'UTC')::date;
$$;

create function private.usage_period_end(period_start date)
returns timestamptz
language sql
immutable
set search_path = ''
as $$
  select ((period_start + interval '1 month')::timestamp) at time zone 'UTC';
$$;

-- The refusal every limit raises: a code the app maps (lib/actions/errors.ts), the
-- sentence as hint, and what was hit as JSON detail (metric, limit).
create function private.raise_plan_limit(org uuid, metric text, allowed bigint)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  noun text;
begin
  select case when allowed = 1 then m.unit_singular else m.unit_plural end into noun
  from public.plan_metrics m where m.id = metric;
  raise exception 'plan_limit_reached' using errcode = 'PT402',
    hint = format('Your plan allows %s %s. Upgrade to add more.',
                  to_char(allowed, 'FM999,999,999,990'), coalesce(noun, metric)),
    detail = jsonb_build_object('metric', metric, 'limit', allowed)::text;
end;
$$;

-- ---------------------------------------------------------------------------
-- enforce_plan_limit('<metric>'): before insert, for each row, on a table whose
-- rows count against the plan. Unlimited plans pay one lookup and nothing else.
-- Otherwise the workspace's inserts of this metric queue on an advisory lock
-- (concurrent inserts cannot both see room for one), and the count stops at
-- limit + 1 rows, so a big workspace costs the same as a small one. Rows inserted
-- earlier by the same statement are visible to the count: a bulk insert is held
-- to the limit row by row.
-- ---------------------------------------------------------------------------
create function private.enforce_plan_limit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  metric text := tg_argv[0];
  allowed bigint;
  used bigint;
begin
  if metric is null
     or not exists (select 1 from public.plan_metrics m where m.id = metric and m.kind = 'count') then
    raise exception 'enforce_plan_limit(%) on %: no count metric of that name in public.plan_metrics',
      metric, tg_table_name;
  end if;
  allowed := private.plan_limit(new.organization_id, metric);
  if allowed is null then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('plan_limit ' || metric || ' ' || new.organization_id::text, 0));
  execute format('select count(*) from (select 1 from %I.%I t where t.organization_id = $1 limit $2) counted',
                 tg_table_schema, tg_table_name)
    into used using new.organization_id, allowed + 1;
  if used >= allowed then
    perform private.raise_plan_limit(new.organization_id, metric, allowed);
  end if;
  return new;
end;
$$;

create trigger projects_plan_limit
  before insert on public.projects
  for each row execute function private.enforce_plan_limit('projects');

-- Seats: a new member or a new pending invitation takes one, unless it is the same
-- person's (accepting converts the invitation's seat; re-inviting refreshes it).
create function private.enforce_seat_limit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  person_email text;
  allowed bigint := private.plan_limit(new.organization_id, 'seats');
begin
  if allowed is null then
    return new;
  end if;
  if tg_table_name = 'invitations' then
    person_email := new.email;
  else
    select u.email into person_email from auth.users u where u.id = new.user_id;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('plan_limit seats ' || new.organization_id::text, 0));
  if private.seats_used(new.organization_id, person_email) + 1 > allowed then
    perform private.raise_plan_limit(new.organization_id, 'seats', allowed);
  end if;
  return new;
end;
$$;

create trigger organization_members_seat_limit
  before insert on public.organization_members
  for each row execute function private.enforce_seat_limit();
create trigger invitations_seat_limit
  before insert on public.invitations
  for each row execute function private.enforce_seat_limit();

-- Features: turning on members' access to the activity log needs a plan with it.
-- On a plan without it (after a downgrade) the setting is kept and has no effect
-- (get_activity_org_ids() below); upgrading brings it back.
create function private.enforce_plan_features()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.members_can_view_activity and not old.members_can_view_activity
     and not private.has_plan_feature(new.id, 'activity_log_for_members') then
    raise exception 'feature_not_in_plan' using errcode = 'PT402',
      hint = 'Letting members read the activity log is part of the Pro and Business plans.',
      detail = jsonb_build_object('metric', 'activity_log_for_members')::text;
  end if;
  return new;
end;
$$;

create trigger organizations_plan_features
  before update of members_can_view_activity on public.organizations
  for each row execute function private.enforce_plan_features();

create or replace function private.get_activity_org_ids()
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
    and (m.role in ('owner', 'admin')
         or (o.members_can_view_activity and private.has_plan_feature(o.id, 'activity_log_for_members')));
$$;

-- Every workspace starts on Free, including the ones that exist already.
create function private.start_free_subscription()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform set_config('tenantkit.audit_action', 'billing.plan_started', true);
  insert into public.workspace_subscriptions (organization_id, plan_id) values (new.id, 'free');
  perform set_config('tenantkit.audit_action', '', true);
  return null;
end;
$$;

create trigger organizations_start_subscription
  after insert on public.organizations
  for each row execute function private.start_free_subscription();

insert into public.workspace_subscriptions (organization_id, plan_id)
select o.id, 'free' from public.organizations o
on conflict (organization_id) do nothing;

-- ---------------------------------------------------------------------------
-- Metered usage: one counter per workspace, metric and calendar month (UTC).
-- In schema platform (no API role may use it): members read their workspace's
-- through get_workspace_usage(), and only consume_usage() and record_usage() write.
-- ---------------------------------------------------------------------------
create table platform.metered_usage (
  organization_id uuid not null references public.organizations(id) on delete cascade,
  metric          text not null,
  period_start    date not null,
  used            bigint not null default 0 check (used >= 0),
  updated_at      timestamptz not null default now(),
  primary key (organization_id, metric, period_start)
);
comment on table platform.metered_usage is 'Monthly metered usage per workspace and metric (consume_usage(), record_usage()).';
alter table platform.metered_usage enable row level security;
revoke all on platform.metered_usage from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- consume_usage: take `amount` of a metered allowance, or refuse without taking
-- anything. One statement decides: the counter row's lock makes N concurrent
-- callers count one by one, and the update's condition never lets the total pass
-- the limit. Members of the workspace only. A refusal is an answer (allowed =
-- false, with the limit and when it resets), not an error, so the caller can
-- answer 429 with Retry-After.
-- ---------------------------------------------------------------------------
create function public.consume_usage(org uuid, metric text, amount integer default 1)
returns table (allowed boolean, used bigint, usage_limit bigint, resets_at timestamptz)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  period date := private.usage_period_start();
  allowed_total bigint;
  total bigint;
begin
  if org is null or not (org = any (array(select private.get_user_org_ids()))) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only members of a workspace use its allowance.';
  end if;
  if not exists (select 1 from public.plan_metrics m where m.id = consume_usage.metric and m.kind = 'metered') then
    raise exception 'invalid_metric' using errcode = '22023', hint = 'Not a metered metric.';
  end if;
  if amount is null or amount not between 1 and 1000 then
    raise exception 'invalid_amount' using errcode = '22023', hint = 'amount: 1 to 1000';
  end if;
  allowed_total := private.plan_limit(org, consume_usage.metric);

  if allowed_total is null or amount <= allowed_total then
    insert into platform.metered_usage as u (organization_id, metric, period_start, used)
    values (org, consume_usage.metric, period, amount)
    on conflict (organization_id, metric, period_start) do update
      set used = u.used + excluded.used, updated_at = now()
      where allowed_total is null or u.used + excluded.used <= allowed_total
    returning u.used into total;
    if total is not null then
      return query select true, total, allowed_total, private.usage_period_end(period);
      return;
    end if;
  end if;

  select u.used into total from platform.metered_usage u
  where u.organization_id = org and u.metric = consume_usage.metric and u.period_start = period;
  return query select false, coalesce(total, 0), allowed_total, private.usage_period_end(period);
end;
$$;
comment on function public.consume_usage(uuid, text, integer) is
  'Takes N of a workspace''s monthly metered allowance, or refuses (allowed = false). Members only.';

-- record_usage: add usage counted elsewhere (the Redis meter, lib/quota) to the
-- month's counter, for billing. No limit check: the meter that counted enforced it.
-- Service role only (the web server's flush).
create function public.record_usage(org uuid, metric text, period_start date, amount bigint)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  total bigint;
begin
  if not exists (select 1 from public.plan_metrics m where m.id = record_usage.metric and m.kind = 'metered') then
    raise exception 'invalid_metric' using errcode = '22023', hint = 'Not a metered metric.';
  end if;
  if amount is null or amount not between 0 and 1000000000 or period_start is null
     or period_start <> date_trunc('month', period_start)::date then
    raise exception 'invalid_amount' using errcode = '22023',
      hint = 'amount: 0 to 1e9; period_start: the first day of a month';
  end if;
  insert into platform.metered_usage as u (organization_id, metric, period_start, used)
  values (org, record_usage.metric, record_usage.period_start, amount)
  on conflict (organization_id, metric, period_start) do update
    set used = u.used + excluded.used, updated_at = now()
  returning u.used into total;
  return total;
end;
$$;
comment on function public.record_usage(uuid, text, date, bigint) is
  'Adds metered usage counted by the Redis meter to the monthly counter. Service role only.';

-- ---------------------------------------------------------------------------
-- get_workspace_usage: every metric of the workspace's plan with its usage, limit
-- and (metered) reset time, for the billing page, the banners and the Redis
-- meter's allowance, and the billing side's seat count (service role). Members of
-- the workspace only; other users get no rows.
-- ---------------------------------------------------------------------------
create function public.get_workspace_usage(org uuid)
returns table (metric text, kind text, used bigint, usage_limit bigint, resets_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  period date := private.usage_period_start();
begin
  if org is null
     or not (org = any (array(select private.get_user_org_ids()))
             or (select auth.role()) = 'service_role') then
    return;
  end if;
  return query
    select m.id,
           m.kind,
           case m.kind
             when 'count' then private.count_usage(org, m.id)
             when 'metered' then coalesce((select u.used from platform.metered_usage u
                                           where u.organization_id = org and u.metric = m.id
                                             and u.period_start = period), 0)
             else null end,
           private.plan_limit(org, m.id),
           case when m.kind = 'metered' then private.usage_period_end(period) end
    from public.plan_metrics m
    order by m.sort_order, m.id;
end;
$$;
comment on function public.get_workspace_usage(uuid) is 'Usage and limits of a workspace, for its members.';

-- ---------------------------------------------------------------------------
-- change_workspace_plan: the platform moves a workspace to another plan (the
-- billing issue's webhook, operators, tests). A change that would leave the
-- workspace over a count limit is refused with what must go first (never deleting
-- data to fit): hint "Remove 4 projects and 1 seat to move to Free.", detail the
-- list as JSON. Audited as billing.plan_changed. Service role only.
-- ---------------------------------------------------------------------------
create function public.change_workspace_plan(
  org uuid,
  plan text,
  status public.subscription_status default 'active'
)
returns public.workspace_subscriptions
language plpgsql
security definer
set search_path = ''
as $$
declare
  blockers jsonb;
  changed public.workspace_subscriptions;
begin
  if not exists (select 1 from public.plans p where p.id = plan) then
    raise exception 'plan_not_found' using errcode = '22023', hint = 'No plan of that name.';
  end if;
  select * into changed from public.workspace_subscriptions s where s.organization_id = org for update;
  if not found then
    raise exception 'workspace_not_found' using errcode = 'PT404';
  end if;
  -- Saying the same again (a redelivered webhook) changes nothing and logs nothing.
  if changed.plan_id = plan and changed.status = change_workspace_plan.status then
    return changed;
  end if;
  blockers := private.plan_change_blockers(org, plan);
  if status <> 'canceled' and jsonb_array_length(blockers) > 0 then
    raise exception 'plan_change_over_limit' using errcode = 'PT409',
      hint = format('Remove %s to move to %s.',
                    (select string_agg(format('%s %s', b ->> 'excess', b ->> 'unit'), ' and ')
                     from jsonb_array_elements(blockers) b),
                    (select p.name from public.plans p where p.id = plan)),
      detail = blockers::text;
  end if;
  perform set_config('tenantkit.audit_action', 'billing.plan_changed', true);
  update public.workspace_subscriptions s
  set plan_id = plan, status = change_workspace_plan.status
  where s.organization_id = org
  returning * into changed;
  perform set_config('tenantkit.audit_action', '', true);
  return changed;
end;
$$;
comment on function public.change_workspace_plan(uuid, text, public.subscription_status) is
  'Moves a workspace to a plan, refusing a downgrade it does not fit. Service role only.';

-- What keeps a workspace from moving to `plan`: each count metric over the new
-- limit, with how many must go.
create function private.plan_change_blockers(org uuid, plan text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'metric', m.id, 'used', u.used, 'limit', l.limit_value, 'excess', u.used - l.limit_value,
           'unit', case when u.used - l.limit_value = 1 then m.unit_singular else m.unit_plural end)
           order by m.sort_order), '[]'::jsonb)
  from public.plan_metrics m
  join public.plan_limits l on l.plan_id = plan and l.metric = m.id
  cross join lateral (select private.count_usage(org, m.id) as used) u
  where m.kind = 'count' and l.limit_value is not null and u.used > l.limit_value;
$$;

-- ---------------------------------------------------------------------------
-- Privileges. Helpers the policies call run as the user; the rest nobody calls.
-- ---------------------------------------------------------------------------
revoke execute on function private.get_user_plan_ids() from public, anon;
grant execute on function private.get_user_plan_ids() to authenticated;
revoke execute on function private.has_plan_feature(uuid, text) from public, anon;
grant execute on function private.has_plan_feature(uuid, text) to authenticated;
revoke execute on function private.effective_plan_id(uuid) from public, anon;
grant execute on function private.effective_plan_id(uuid) to authenticated;
revoke execute on function private.plan_limit(uuid, text) from public, anon;
grant execute on function private.plan_limit(uuid, text) to authenticated;
revoke execute on function private.seats_used(uuid, text) from public, anon, authenticated;
revoke execute on function private.count_usage(uuid, text) from public, anon, authenticated;
revoke execute on function private.usage_period_start(timestamptz) from public, anon, authenticated;
revoke execute on function private.usage_period_end(date) from public, anon, authenticated;
revoke execute on function private.raise_plan_limit(uuid, text, bigint) from public, anon, authenticated;
revoke execute on function private.plan_change_blockers(uuid, text) from public, anon, authenticated;
revoke execute on function private.enforce_plan_limit() from public, anon, authenticated;
revoke execute on function private.enforce_seat_limit() from public, anon, authenticated;
revoke execute on function private.enforce_plan_features() from public, anon, authenticated;
revoke execute on function private.start_free_subscription() from public, anon, authenticated;

revoke execute on function public.consume_usage(uuid, text, integer) from public, anon;
grant execute on function public.consume_usage(uuid, text, integer) to authenticated;
revoke execute on function public.get_workspace_usage(uuid) from public, anon;
grant execute on function public.get_workspace_usage(uuid) to authenticated, service_role;
revoke execute on function public.record_usage(uuid, text, date, bigint) from public, anon, authenticated;
grant execute on function public.record_usage(uuid, text, date, bigint) to service_role;
revoke execute on function public.change_workspace_plan(uuid, text, public.subscription_status) from public, anon, authenticated;
grant execute on function public.change_workspace_plan(uuid, text, public.subscription_status) to service_role;
