set local lock_timeout = '5s';
set local statement_timeout = '60s';

-- RLS that does not grow with the number of workspaces a user belongs to (issue 15;
-- measured by `npm run bench:rls`, figures in docs/performance.md). Same answers as
-- before for every caller (the attack matrix holds them); only the shapes change.
--
-- Two costs grew with that number:
--   - `x = any (array(select private.get_user_org_ids()))` compares each row with the
--     whole array, one element after the other: a user in 1,000 workspaces pays 1,000
--     comparisons per row the policy looks at. On `organizations` (probed once per
--     membership by the switcher) `x in (select ...)`, a hash built once per
--     statement, wins; on `organization_members` one probe of the caller's membership
--     per row does (a members list reads a handful of rows). `projects` keeps the
--     array: there it is an index condition, and the planner needs it to walk the
--     index for a list without a workspace filter (DESIGN.md; the `in` form measured
--     a sequential scan there).
--   - the profiles policy computed every co-member of every workspace of the caller
--     (4,500 people for a user in 1,000 workspaces) to answer for a handful of rows.
--     It now asks, per profile row, whether that person shares a workspace with the
--     caller: a probe of that person's few memberships, whatever the caller's count.
-- And get_activity_actors() read the log three times through its RLS policy, which
-- evaluated two helpers each time; it now decides access once, by one index probe
-- of the caller's membership.
-- Redefining a policy is drop + create in one transaction: no moment without one.

-- ---------------------------------------------------------------------------
-- organizations: hashed membership. organization_members: the caller's own rows
-- pass on the first condition (the switcher reads exactly those); another member's
-- row is one probe of the caller's membership in that workspace, so a members list
-- costs the same for a user in 1 or 1,000 workspaces.
-- ---------------------------------------------------------------------------
drop policy "members read" on public.organizations;
create policy "members read" on public.organizations for select to authenticated
  using (id in (select private.get_user_org_ids()));

drop policy "members read" on public.organization_members;
create policy "members read" on public.organization_members for select to authenticated
  using (
    user_id = (select auth.uid())
    or private.has_org_role(organization_id, array['owner', 'admin', 'member'])
  );

-- ---------------------------------------------------------------------------
-- profiles: whether one person shares a workspace with the caller. security
-- definer: it reads memberships that organization_members' policy would filter
-- (and a policy reading its own helper's table through RLS would recurse). It
-- answers only about the caller.
-- ---------------------------------------------------------------------------
create function private.shares_workspace_with(other uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.organization_members theirs
    join public.organization_members mine
      on mine.organization_id = theirs.organization_id
     and mine.user_id = (select auth.uid())
    where theirs.user_id = other
  );
$$;
comment on function private.shares_workspace_with(uuid) is 'Whether the signed-in user and this user are members of a common workspace.';
revoke execute on function private.shares_workspace_with(uuid) from public, anon;
grant execute on function private.shares_workspace_with(uuid) to authenticated;

drop policy "self and co-members read" on public.profiles;
create policy "self and co-members read" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or private.shares_workspace_with(id));

-- ---------------------------------------------------------------------------
-- get_activity_actors: who may read the workspace's log is decided once, from the
-- caller's own membership (the rule of private.get_activity_org_ids() and the
-- audit_logs policy, for this one workspace), then the log is read without a policy
-- per lookup. Members who read the log do not see invitation entries (the policy's
-- second condition): nor their actors here. Same answer, same empty set for anyone
-- else; security definer because it now reads the log as its owner.
-- ---------------------------------------------------------------------------
create or replace function public.get_activity_actors(org uuid)
returns table (actor_id uuid, actor_label text)
language sql
stable
security definer
set search_path = ''
as $$
  with recursive access as materialized (
    select m.role in ('owner', 'admin') as sees_invitations
    from public.organization_members m
    join public.organizations o on o.id = m.organization_id
    where m.organization_id = org
      and m.user_id = (select auth.uid())
      and (m.role in ('owner', 'admin')
           or (o.members_can_view_activity and private.has_plan_feature(o.id, 'activity_log_for_members')))
  ),
  actors (id) as (
    (select a.actor_id from public.audit_logs a
     where a.organization_id = org and a.actor_id is not null
       and exists (select 1 from access)
       and (a.table_name <> 'invitations' or (select sees_invitations from access))
     order by a.actor_id
     limit 1)
    union all
    select (select a.actor_id from public.audit_logs a
            where a.organization_id = org and a.actor_id > actors.id
              and (a.table_name <> 'invitations' or (select sees_invitations from access))
            order by a.actor_id
            limit 1)
    from actors
    where actors.id is not null
  )
  select actors.id,
         (select a.actor_label from public.audit_logs a
          where a.organization_id = org and a.actor_id = actors.id
            and (a.table_name <> 'invitations' or (select sees_invitations from access))
          order by a.created_at desc, a.id desc
          limit 1)
  from actors
  where actors.id is not null;
$$;

-- ---------------------------------------------------------------------------
-- projects, insert: a single-row write checks one membership (an index probe),
-- instead of building the array of all the caller's workspaces for one row. Same
-- rule: any member of the row's workspace.
-- ---------------------------------------------------------------------------
drop policy "members create" on public.projects;
create policy "members create" on public.projects for insert to authenticated
  with check (private.has_org_role(organization_id, array['owner', 'admin', 'member']));
