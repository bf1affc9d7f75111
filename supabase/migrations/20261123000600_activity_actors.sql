-- The activity feed's person filter must offer everyone who ever acted in the
-- workspace, former members included: "who deleted this?" is often somebody who
-- has since left.

-- By person, the feed pages in the index's order, like the unfiltered feed; and
-- the name an actor last had is a single index lookup.
drop index public.audit_logs_org_actor_idx;
create index audit_logs_org_actor_idx
  on public.audit_logs (organization_id, actor_id, created_at desc, id desc);

-- ---------------------------------------------------------------------------
-- get_activity_actors: the distinct people in a workspace's log, each with the
-- name recorded on their latest entry. `security invoker`: it reads audit_logs
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

revoke execute on function public.get_activity_actors(uuid) from public, anon;
grant execute on function public.get_activity_actors(uuid) to authenticated;
