-- Rate limits of the sign-in forms (sign-in, sign-up, magic link, password reset),
-- by client address and by email address (lib/rate-limit, docs/security.md).
--
-- The app reaches the database only through the Supabase HTTP API, so the counter
-- store is one RPC: the web server calls it with the service-role key
-- (lib/supabase/admin.ts), nobody else may. The table lives in schema `platform`,
-- which no API role may use (the audit migration creates it): a counter must not
-- be readable (it names the addresses people sign in with) nor writable (resetting
-- one's own counter, or filling a victim's to lock them out) by anon or a user.
-- With REDIS_URL set the app counts in Redis instead, and this table stays empty.

create schema if not exists platform;
revoke all on schema platform from public, anon, authenticated;

create table platform.rate_limits (
  -- "<limiter>:<ip or email>", e.g. "sign-in:email:alice@acme.test".
  key        text primary key check (char_length(key) between 1 and 300),
  points     integer not null,
  -- When the window ends; the next call after it starts a new window.
  expires_at timestamptz not null
);
comment on table platform.rate_limits is 'Counters of the auth rate limits: one row per limiter and client address or email.';
alter table platform.rate_limits enable row level security;
revoke all on platform.rate_limits from public, anon, authenticated;
-- Expired rows are swept by consume_rate_limit() itself.
create index rate_limits_expires_at_idx on platform.rate_limits (expires_at);

-- ---------------------------------------------------------------------------
-- consume_rate_limit: add `points` to the counter of `key` and return the total
-- and when the window ends, in one statement. Atomic under concurrency: two
-- requests for the same key serialize on the row (insert ... on conflict takes its
-- lock), so N parallel attempts count N, never fewer. An expired window restarts
-- at `points`. `points = 0` reads without writing. Deciding "too many" is the
-- caller's (rate-limiter-flexible compares the total with its limit).
-- ---------------------------------------------------------------------------
create function public.consume_rate_limit(key text, points integer, duration_ms integer)
returns table (consumed integer, expires_at_ms bigint)
language plpgsql
security definer
set search_path = ''
as $$
declare
  window_end timestamptz := clock_timestamp() + make_interval(secs => duration_ms / 1000.0);
begin
  if key is null or char_length(key) not between 1 and 300 then
    raise exception 'invalid_rate_limit' using errcode = '22023', hint = 'key: 1 to 300 characters';
  end if;
  if points is null or points not between -1000 and 1000
     or duration_ms is null or duration_ms not between 1 and 86400000 then
    raise exception 'invalid_rate_limit' using errcode = '22023',
      hint = 'points: -1000..1000, duration_ms: 1 ms to 1 day';
  end if;

  -- Now and then, sweep windows that ended an hour ago (a cheap index range).
  if random() < 0.01 then
    delete from platform.rate_limits r where r.expires_at < clock_timestamp() - interval '1 hour';
  end if;

  if points = 0 then
    return query
      select r.points, (extract(epoch from r.expires_at) * 1000)::bigint
      from platform.rate_limits r
      where r.key = consume_rate_limit.key and r.expires_at > clock_timestamp();
    return;
  end if;

  return query
    insert into platform.rate_limits as r (key, points, expires_at)
    values (consume_rate_limit.key, consume_rate_limit.points, window_end)
    on conflict on constraint rate_limits_pkey do update
      set points = case when r.expires_at > clock_timestamp()
                        then r.points + excluded.points else excluded.points end,
          expires_at = case when r.expires_at > clock_timestamp()
                            then r.expires_at else excluded.expires_at end
    returning r.points, (extract(epoch from r.expires_at) * 1000)::bigint;
end;
$$;
comment on function public.consume_rate_limit(text, integer, integer) is
  'Auth rate-limit counter (lib/rate-limit). Service role only.';
revoke execute on function public.consume_rate_limit(text, integer, integer) from public, anon, authenticated;
grant execute on function public.consume_rate_limit(text, integer, integer) to service_role;
