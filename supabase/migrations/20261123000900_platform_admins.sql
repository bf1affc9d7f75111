-- Platform admins: the operator's staff, who may use the operator console (/admin)
-- and the operator RPCs (lifecycle and support access migrations). Membership is
-- managed by command only (`npm run tenant -- admin add ops@example.com`, through
-- the service role); no user can set a flag that makes them one, and no API role
-- can read or write the table. Being a platform admin grants NO access to tenant
-- data by itself: that takes an explicit, expiring, audited support grant.

-- Every migration after the install baseline runs against live tenant data: give up
-- rather than queue behind a long lock (docs/migrations.md).
set local lock_timeout = '5s';
set local statement_timeout = '60s';

create table platform.platform_admins (
  user_id  uuid primary key references auth.users (id) on delete cascade,
  -- The address at the time it was added, for the log and the list.
  email    text not null,
  added_at timestamptz not null default now(),
  -- Who ran the command (free text the operator's tooling passes, e.g. an OS user).
  added_by text not null check (char_length(added_by) between 1 and 200)
);
comment on table platform.platform_admins is 'Staff who may use the operator console. Managed by command (service role) only.';
alter table platform.platform_admins enable row level security;
revoke all on platform.platform_admins from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- private.caller_is_platform_admin(): is the signed-in user a platform admin? Security
-- definer because the table is unreadable to users; it only ever answers about the
-- caller (auth.uid()). Operator RPCs start with it.
-- ---------------------------------------------------------------------------
create function private.caller_is_platform_admin()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from platform.platform_admins a where a.user_id = (select auth.uid())
  );
$$;
revoke execute on function private.caller_is_platform_admin() from public, anon;
grant execute on function private.caller_is_platform_admin() to authenticated;

-- The app asks before rendering /admin (everyone else gets the 404 of a missing
-- page). Security invoker: it exposes nothing the private helper does not.
create function public.is_platform_admin()
returns boolean
language sql
stable
set search_path = ''
as $$
  select private.caller_is_platform_admin();
$$;
comment on function public.is_platform_admin() is 'Whether the signed-in user may use the operator console.';
revoke execute on function public.is_platform_admin() from public, anon;
grant execute on function public.is_platform_admin() to authenticated;

-- ---------------------------------------------------------------------------
-- The command's RPCs (service role only). Each change is in the platform log.
-- ---------------------------------------------------------------------------
-- Both return whether anything changed (running a command twice is harmless).
create function public.add_platform_admin(email text, added_by text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  target uuid;
  normalized text := lower(trim(email));
begin
  select u.id into target from auth.users u where lower(u.email) = normalized;
  if target is null then
    raise exception 'user_not_found' using errcode = 'PT404',
      hint = 'No account uses that email address. The person must sign up first.';
  end if;
  insert into platform.platform_admins (user_id, email, added_by)
  values (target, normalized, added_by)
  on conflict (user_id) do nothing;
  if not found then
    return false;
  end if;
  insert into platform.audit_events (event, actor_kind, details)
  values ('platform_admin.added', 'service',
          jsonb_build_object('user_id', target, 'email', normalized, 'by', added_by));
  return true;
end;
$$;

create function public.remove_platform_admin(email text, removed_by text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  removed uuid;
  normalized text := lower(trim(email));
begin
  delete from platform.platform_admins a
  where a.user_id = (select u.id from auth.users u where lower(u.email) = normalized)
  returning a.user_id into removed;
  if removed is null then
    return false;
  end if;
  insert into platform.audit_events (event, actor_kind, details)
  values ('platform_admin.removed', 'service',
          jsonb_build_object('user_id', removed, 'email', normalized, 'by', removed_by));
  return true;
end;
$$;

create function public.list_platform_admins()
returns table (user_id uuid, email text, added_at timestamptz, added_by text)
language sql
stable
security definer
set search_path = ''
as $$
  select a.user_id, coalesce(u.email, a.email), a.added_at, a.added_by
  from platform.platform_admins a left join auth.users u on u.id = a.user_id
  order by a.added_at;
$$;

revoke execute on function public.add_platform_admin(text, text) from public, anon, authenticated;
revoke execute on function public.remove_platform_admin(text, text) from public, anon, authenticated;
revoke execute on function public.list_platform_admins() from public, anon, authenticated;
grant execute on function public.add_platform_admin(text, text) to service_role;
grant execute on function public.remove_platform_admin(text, text) to service_role;
grant execute on function public.list_platform_admins() to service_role;
