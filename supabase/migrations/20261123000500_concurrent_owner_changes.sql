-- Two fixes found in review, as a new migration because the earlier ones may
-- already be applied to a hosted project. `create or replace` keeps the grants.

-- ---------------------------------------------------------------------------
-- Last-owner protection under concurrency. The check "is there another owner?"
-- alone lets two owners who demote (or remove) each other at the same moment
-- both pass: each transaction still sees the other as owner. Changes that take
-- an owner away now serialise on the workspace row first, so the second one
-- re-reads the memberships after the first has committed and is refused.
-- `for no key update` does not conflict with the key-share locks that foreign
-- key checks take, so ordinary inserts into tenant tables are not blocked.
-- ---------------------------------------------------------------------------
create or replace function public.protect_last_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if old.role <> 'owner' or (tg_op = 'UPDATE' and new.role = 'owner') then
    return null;
  end if;
  -- Not found: the workspace itself is being deleted (the cascade), which is the
  -- one way its owners may go away.
  perform 1 from public.organizations o where o.id = old.organization_id for no key update;
  if not found then
    return null;
  end if;
  if not exists (
    select 1 from public.organization_members m
    where m.organization_id = old.organization_id and m.role = 'owner' and m.id <> old.id
  ) then
    raise exception 'last_owner' using errcode = 'PT409',
      hint = 'A workspace needs an owner: transfer ownership or delete the workspace first.';
  end if;
  return null;
end;
$$;

-- ---------------------------------------------------------------------------
-- Revoking an invitation that is already revoked changes nothing and so writes
-- nothing: before, the no-op update reached the audit log as a second entry.
-- ---------------------------------------------------------------------------
create or replace function public.revoke_invitation(invitation_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.invitations;
begin
  select * into target from public.invitations i where i.id = invitation_id for update;
  if not found or not public.has_org_role(target.organization_id, array['owner', 'admin']) then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  if target.role = 'owner' and not public.has_org_role(target.organization_id, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can revoke an owner invitation.';
  end if;
  if target.accepted_at is not null then
    raise exception 'invitation_used' using errcode = '22023', hint = 'This invitation was already accepted.';
  end if;
  if target.revoked_at is null then
    update public.invitations set revoked_at = now() where id = target.id;
  end if;
end;
$$;
