-- Stripe billing: the webhook's ledger and its one write path, and what a billing
-- problem does to a workspace (docs/billing.md).
--
-- Stripe drives workspace_subscriptions (plans migration). The web server verifies
-- each webhook's signature and hands the event to public.apply_stripe_event(), which
-- records the event id and applies it in ONE transaction: a redelivered or
-- concurrently duplicated event finds its id taken and changes nothing. Events older
-- than the state already applied are recorded and ignored, so Stripe's delivery
-- order does not matter.

-- ---------------------------------------------------------------------------
-- Which Stripe customer (and subscription) is which workspace. One customer per
-- workspace, created once by the app (lib/billing/stripe.ts) and reused; a
-- customer is never moved to another workspace.
-- ---------------------------------------------------------------------------
create table platform.billing_accounts (
  organization_id        uuid primary key references public.organizations(id) on delete cascade,
  stripe_customer_id     text not null unique check (stripe_customer_id ~ '^cus_[A-Za-z0-9]+$'),
  stripe_subscription_id text unique check (stripe_subscription_id ~ '^sub_[A-Za-z0-9]+$'),
  -- Stripe's `created` (unix seconds) of the newest event applied: older ones are stale.
  state_at               bigint,
  created_at             timestamptz not null default now()
);
comment on table platform.billing_accounts is 'The Stripe customer and subscription of each workspace.';
alter table platform.billing_accounts enable row level security;
revoke all on platform.billing_accounts from public, anon, authenticated;

-- Every event Stripe sent, once. No foreign key to the workspace: the ledger
-- outlives a deleted workspace (what was billed stays explainable).
create table platform.stripe_events (
  id              text primary key check (id ~ '^evt_[A-Za-z0-9]+$'),
  type            text not null check (char_length(type) between 1 and 100),
  stripe_created  bigint not null,
  organization_id uuid,
  -- applied | stale | ignored | unknown_customer | rejected: why, in a word.
  outcome         text not null,
  detail          text,
  received_at     timestamptz not null default now()
);
comment on table platform.stripe_events is 'Stripe webhook events, recorded once with what they did.';
create index stripe_events_organization_idx on platform.stripe_events (organization_id, received_at desc);
alter table platform.stripe_events enable row level security;
revoke all on platform.stripe_events from public, anon, authenticated;

-- The subscription's billing detail its members see (the banner, the billing page).
alter table public.workspace_subscriptions
  add column cancel_at_period_end boolean not null default false,
  -- Set when a payment fails: until then the workspace works as usual; after it,
  -- it is read-only (is_billing_restricted()) until the invoice is paid.
  add column grace_ends_at timestamptz;

-- ---------------------------------------------------------------------------
-- A billing problem past its grace period makes the workspace read-only for its
-- users: guard_tenant_row() refuses inserts and updates of tenant rows (deletes
-- stay possible, so nobody is kept from leaving or cleaning up). Reads are never
-- affected; the platform (Stripe's webhook) still writes.
-- ---------------------------------------------------------------------------
create function private.is_billing_restricted(org uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(
    (select s.status = 'past_due' and s.grace_ends_at is not null and s.grace_ends_at <= now()
     from public.workspace_subscriptions s where s.organization_id = org),
    false);
$$;
revoke execute on function private.is_billing_restricted(uuid) from public, anon, authenticated;

create or replace function private.guard_tenant_row()
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
  -- The audit log records deletions, which a restricted workspace may still make.
  if tg_table_name <> 'audit_logs' and private.is_billing_restricted(new.organization_id) then
    raise exception 'billing_restricted' using errcode = 'PT402',
      hint = 'This workspace is read-only because of a billing problem. An owner can fix the payment on the billing page.';
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
-- guard_tenant_row() runs as the caller (it is not security definer) and now asks
-- is_billing_restricted(), which policies do not use: the caller needs execute on it.
grant execute on function private.is_billing_restricted(uuid) to authenticated;

-- ---------------------------------------------------------------------------
-- get_billing_account / link_billing_customer: the app's server (service role)
-- finds a workspace's Stripe customer before checkout, and records the one it
-- created. A customer already linked to another workspace is refused.
-- ---------------------------------------------------------------------------
create function public.get_billing_account(org uuid)
returns table (stripe_customer_id text, stripe_subscription_id text)
language sql
stable
security definer
set search_path = ''
as $$
  select b.stripe_customer_id, b.stripe_subscription_id
  from platform.billing_accounts b where b.organization_id = org;
$$;

create function public.link_billing_customer(org uuid, customer text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  linked text;
begin
  insert into platform.billing_accounts (organization_id, stripe_customer_id)
  values (org, customer)
  on conflict (organization_id) do nothing;
  select b.stripe_customer_id into linked from platform.billing_accounts b where b.organization_id = org;
  -- The workspace had one already (a concurrent checkout): that one is kept, and
  -- the caller uses it.
  return linked;
end;
$$;

-- ---------------------------------------------------------------------------
-- apply_stripe_event: the webhook's single write. `event` is the verified Stripe
-- event; `plan` is the catalog plan of the subscription's price (the app maps
-- price ids, STRIPE_PRICE_<PLAN>); `grace_days` how long a failed payment leaves
-- the workspace writable. Returns what happened: { outcome, organization_id, first }.
-- ---------------------------------------------------------------------------
create function public.apply_stripe_event(event jsonb, plan text default null, grace_days integer default 7)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  event_id text := event ->> 'id';
  event_type text := event ->> 'type';
  event_created bigint := (event ->> 'created')::bigint;
  obj jsonb := event -> 'data' -> 'object';
  customer text := coalesce(obj ->> 'customer', '');
  account platform.billing_accounts;
  subscription public.workspace_subscriptions;
  org uuid;
  result text := 'ignored';
  note text;
  stripe_status text;
  new_status public.subscription_status;
  item jsonb;
begin
  if event_id is null or event_type is null or event_created is null or obj is null then
    raise exception 'invalid_event' using errcode = '22023', hint = 'Not a Stripe event.';
  end if;
  if grace_days is null or grace_days not between 0 and 60 then
    raise exception 'invalid_event' using errcode = '22023', hint = 'grace_days: 0 to 60';
  end if;

  -- The ledger first: a second delivery of this id waits here for the first one's
  -- transaction, then finds the id taken.
  insert into platform.stripe_events (id, type, stripe_created, outcome)
  values (event_id, event_type, event_created, 'processing')
  on conflict (id) do nothing;
  if not found then
    return jsonb_build_object('outcome', 'duplicate', 'first', false);
  end if;

  if event_type = 'checkout.session.completed' then
    -- The session was created by this app for one workspace (client_reference_id)
    -- and its customer: both must agree, or nothing is linked.
    begin
      org := (obj ->> 'client_reference_id')::uuid;
    exception when invalid_text_representation then
      org := null;
    end;
    select * into account from platform.billing_accounts b where b.stripe_customer_id = customer;
    if org is null or not exists (select 1 from public.organizations o where o.id = org) then
      result := 'rejected'; note := 'no workspace in client_reference_id';
    elsif account.organization_id is null then
      result := 'unknown_customer'; note := 'checkout for a customer this app did not create';
    elsif account.organization_id <> org then
      result := 'rejected'; note := 'the customer belongs to another workspace';
      org := null;
    else
      update platform.billing_accounts b
      set stripe_subscription_id = coalesce(obj ->> 'subscription', b.stripe_subscription_id)
      where b.organization_id = org;
      result := 'applied';
    end if;

  elsif event_type like 'customer.subscription.%' or event_type in ('invoice.paid', 'invoice.payment_failed') then
    select * into account from platform.billing_accounts b where b.stripe_customer_id = customer for update;
    if not found then
      result := 'unknown_customer';
    else
      org := account.organization_id;
      -- Older than what was applied: Stripe delivered out of order. A `created`
      -- event of the same second is older than anything else of that second.
      if account.state_at is not null
         and (event_created < account.state_at
              or (event_created = account.state_at and event_type = 'customer.subscription.created')) then
        result := 'stale';
      else
        select * into subscription from public.workspace_subscriptions s where s.organization_id = org for update;
        new_status := subscription.status;
        if event_type like 'customer.subscription.%' then
          stripe_status := case when event_type = 'customer.subscription.deleted' then 'canceled' else obj ->> 'status' end;
          item := obj -> 'items' -> 'data' -> 0;
          if stripe_status in ('incomplete', 'incomplete_expired') then
            result := 'ignored'; note := 'payment not completed';
          elsif stripe_status <> 'canceled' and (plan is null or not exists (select 1 from public.plans p where p.id = plan)) then
            result := 'rejected'; note := 'no plan for the subscription''s price';
          else
            new_status := case stripe_status
              when 'active' then 'active' when 'trialing' then 'trialing'
              when 'past_due' then 'past_due' when 'unpaid' then 'past_due'
              else 'canceled' end;
            perform set_config('tenantkit.audit_action', 'billing.plan_changed', true);
            update public.workspace_subscriptions s
            set plan_id = case when new_status = 'canceled' then s.plan_id else plan end,
                status = new_status,
                seat_quantity = coalesce((item ->> 'quantity')::integer, s.seat_quantity),
                current_period_start = coalesce(to_timestamp(coalesce(obj ->> 'current_period_start', item ->> 'current_period_start')::bigint), s.current_period_start),
                current_period_end = coalesce(to_timestamp(coalesce(obj ->> 'current_period_end', item ->> 'current_period_end')::bigint), s.current_period_end),
                cancel_at_period_end = coalesce((obj ->> 'cancel_at_period_end')::boolean, false),
                grace_ends_at = case when new_status = 'past_due'
                                     then coalesce(s.grace_ends_at, now() + make_interval(days => grace_days))
                                     end
            where s.organization_id = org;
            perform set_config('tenantkit.audit_action', '', true);
            update platform.billing_accounts b
            set stripe_subscription_id = case when new_status = 'canceled' then null else obj ->> 'id' end,
                state_at = event_created
            where b.organization_id = org;
            result := 'applied';
          end if;
        elsif event_type = 'invoice.payment_failed' then
          perform set_config('tenantkit.audit_action', 'billing.plan_changed', true);
          update public.workspace_subscriptions s
          set status = 'past_due',
              grace_ends_at = coalesce(s.grace_ends_at, now() + make_interval(days => grace_days))
          where s.organization_id = org and s.status in ('active', 'trialing', 'past_due');
          perform set_config('tenantkit.audit_action', '', true);
          update platform.billing_accounts b set state_at = event_created where b.organization_id = org;
          result := 'applied';
        else -- invoice.paid
          perform set_config('tenantkit.audit_action', 'billing.plan_changed', true);
          update public.workspace_subscriptions s
          set status = 'active', grace_ends_at = null
          where s.organization_id = org and s.status = 'past_due';
          perform set_config('tenantkit.audit_action', '', true);
          update platform.billing_accounts b set state_at = event_created where b.organization_id = org;
          result := 'applied';
        end if;
      end if;
    end if;
  end if;

  update platform.stripe_events e
  set outcome = result, detail = note, organization_id = org
  where e.id = event_id;
  return jsonb_build_object('outcome', result, 'organization_id', org, 'first', true, 'detail', note);
end;
$$;

comment on function public.apply_stripe_event(jsonb, text, integer) is
  'Records a verified Stripe event once and applies it to the workspace''s subscription. Service role only.';

revoke execute on function public.get_billing_account(uuid) from public, anon, authenticated;
grant execute on function public.get_billing_account(uuid) to service_role;
revoke execute on function public.link_billing_customer(uuid, text) from public, anon, authenticated;
grant execute on function public.link_billing_customer(uuid, text) to service_role;
revoke execute on function public.apply_stripe_event(jsonb, text, integer) from public, anon, authenticated;
grant execute on function public.apply_stripe_event(jsonb, text, integer) to service_role;
