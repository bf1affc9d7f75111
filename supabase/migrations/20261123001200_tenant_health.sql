-- Per-tenant health: how long a workspace's pages take on the server and how many
-- Supabase calls each makes, so an operator notices a slow tenant before the
-- customer does. The app measures every workspace page load (lib/health), adds them
-- up in memory and flushes them through record_request_stats() (service role, off
-- the request's path). Stored compactly: one row per workspace per hour, with the
-- server times as a histogram of fixed buckets (lib/health/buckets.ts names the
-- bounds: 25, 50, 100, 200, 400, 800, 1600, 3200 ms and above), from which the
-- console reads p50/p95. No tenant data and no user is recorded, only counts.

set local lock_timeout = '5s';
set local statement_timeout = '60s';

create table platform.tenant_request_stats (
  organization_id     uuid not null references public.organizations (id) on delete cascade,
  hour                timestamptz not null,
  requests            integer not null check (requests >= 0),
  queries             bigint not null check (queries >= 0),
  server_ms_histogram integer[] not null check (cardinality(server_ms_histogram) = 9),
  primary key (organization_id, hour)
);
comment on table platform.tenant_request_stats is 'Workspace page loads per hour: count, Supabase calls, server-time histogram (lib/health).';
-- The console reads the last 24 hours of every workspace.
create index tenant_request_stats_hour_idx on platform.tenant_request_stats (hour);
alter table platform.tenant_request_stats enable row level security;
revoke all on platform.tenant_request_stats from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- record_request_stats: the app's flush (service role only). `stats` is an array of
-- {org, hour, requests, queries, histogram}; each adds to its workspace's hour.
-- A workspace deleted meanwhile is skipped, not an error.
-- ---------------------------------------------------------------------------
create function public.record_request_stats(stats jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into platform.tenant_request_stats as t
    (organization_id, hour, requests, queries, server_ms_histogram)
  select (s ->> 'org')::uuid,
         date_trunc('hour', (s ->> 'hour')::timestamptz),
         (s ->> 'requests')::integer,
         (s ->> 'queries')::bigint,
         array(select h.value::integer
               from jsonb_array_elements_text(s -> 'histogram') with ordinality as h (value, i)
               order by h.i)
  from jsonb_array_elements(stats) s
  where exists (select 1 from public.organizations o where o.id = (s ->> 'org')::uuid)
  on conflict (organization_id, hour) do update
  set requests = t.requests + excluded.requests,
      queries = t.queries + excluded.queries,
      server_ms_histogram = array(
        select a + b
        from unnest(t.server_ms_histogram, excluded.server_ms_histogram) with ordinality as u (a, b, i)
        order by u.i);
$$;

-- ---------------------------------------------------------------------------
-- admin_tenant_health: the console's health page. Per workspace over the last
-- `hours` (1 to 168, default 24): page loads, Supabase calls and the summed
-- histogram; the app computes p50/p95 and the outlier flag (lib/health/stats.ts).
-- Operators only (platform admin, or the service role).
-- ---------------------------------------------------------------------------
create function public.admin_tenant_health(hours integer default 24)
returns table (
  organization_id uuid, name text, slug text, requests bigint, queries bigint,
  server_ms_histogram integer[]
)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_operator(true);
  if hours is null or hours not between 1 and 168 then
    raise exception 'health_window_invalid' using errcode = '22023',
      hint = 'The window is 1 to 168 hours.';
  end if;
  return query
  with recent as (
    select s.* from platform.tenant_request_stats s
    where s.hour >= date_trunc('hour', now()) - make_interval(hours => hours - 1)
  ), buckets as (
    select r.organization_id, u.i, sum(u.n)::integer as n
    from recent r cross join lateral unnest(r.server_ms_histogram) with ordinality as u (n, i)
    group by r.organization_id, u.i
  )
  select o.id, o.name, o.slug, totals.requests, totals.queries,
         array(select b.n from buckets b where b.organization_id = o.id order by b.i)
  from (select r.organization_id, sum(r.requests)::bigint as requests, sum(r.queries)::bigint as queries
        from recent r group by r.organization_id) totals
  join public.organizations o on o.id = totals.organization_id
  order by o.name;
end;
$$;

revoke execute on function public.record_request_stats(jsonb) from public, anon, authenticated;
grant execute on function public.record_request_stats(jsonb) to service_role;
revoke execute on function public.admin_tenant_health(integer) from public, anon;
grant execute on function public.admin_tenant_health(integer) to authenticated, service_role;
