set local lock_timeout = '5s';
set local statement_timeout = '60s';

-- The policies' helpers in PL/pgSQL (issue 15).
--
-- 1. Set-returning helpers answer in one call.
-- A `language sql` function that returns a set and cannot be inlined (these are
-- `security definer`, so they never are) runs in value-per-call mode: the executor
-- calls it once per row it returns. Each call applies the function's
-- `set search_path = ''` and undoes it again, so a member of 1,000 workspaces paid
-- 1,000 configuration changes in every statement that checked a policy: measured
-- 0.77 ms for `array(select private.get_user_org_ids())`, against 0.13 ms for the
-- same query returned by PL/pgSQL's `return query`, which hands back the whole set
-- in one call (materialize mode).
--
-- 2. Per-row helpers keep their plan. A `language sql` function that is not
-- inlined plans its body again in every statement that calls it (its cache lives
-- only as long as the calling query): 44 µs for the first has_org_role() call of a
-- statement, 106 µs for shares_workspace_with(), where PL/pgSQL keeps the plan for
-- the session and answers in 11 and 21 µs. A policy pays that first call in every
-- request (the members list, a project update, the co-member profiles).
--
-- Same names, signatures, answers, owners and grants (`create or replace` keeps
-- them); only the language changes. The search path stays pinned: Supabase's
-- linter (0011) requires it, and it is what keeps a definer function from resolving
-- names through the caller's path. get_activity_actors() and the other
-- set-returning RPCs return a handful of rows once per request: left as they are.

create or replace function private.get_user_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select m.organization_id
    from public.organization_members m
    where m.user_id = (select auth.uid());
end;
$$;

create or replace function private.get_activity_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select m.organization_id
    from public.organization_members m
    join public.organizations o on o.id = m.organization_id
    where m.user_id = (select auth.uid())
      and (m.role in ('owner', 'admin')
           or (o.members_can_view_activity
               and private.has_plan_feature(o.id, 'activity_log_for_members')));
end;
$$;

create or replace function private.get_activity_admin_org_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select m.organization_id
    from public.organization_members m
    where m.user_id = (select auth.uid())
      and m.role in ('owner', 'admin');
end;
$$;

create or replace function private.get_user_plan_ids()
returns setof text
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
    select distinct s.plan_id
    from public.workspace_subscriptions s
    where s.organization_id = any (array(select private.get_user_org_ids()));
end;
$$;

create or replace function private.has_org_role(org uuid, roles text[])
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.organization_members m
    where m.organization_id = org
      and m.user_id = (select auth.uid())
      and m.role::text = any (roles)
  );
end;
$$;

create or replace function private.shares_workspace_with(other uuid)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return exists (
    select 1
    from public.organization_members theirs
    join public.organization_members mine
      on mine.organization_id = theirs.organization_id
     and mine.user_id = (select auth.uid())
    where theirs.user_id = other
  );
end;
$$;
