set local lock_timeout = '5s';
set local statement_timeout = '60s';

-- Account: deleting one's own account, and the invitation page for a visitor who
-- is not signed in yet. (The two timeouts above come first in every migration
-- after the install baseline: docs/migrations.md.)

-- ---------------------------------------------------------------------------
-- delete_my_account: the caller deletes their own account, and nothing else.
--
-- What goes with the auth user, by the foreign keys to auth.users:
--   cascade   organization_members, profiles, platform.email_proofs,
--             platform.platform_admins (and the auth server's own sessions,
--             identities, refresh tokens)
--   set null  projects.created_by, invitations.invited_by / accepted_by: the
--             workspace keeps its rows, without the person
-- audit_logs.actor_id has no foreign key: the workspaces' history keeps who did
-- what. Memberships are deleted first, explicitly, while the profile still gives
-- the audit trigger the person's label; the membership trigger revokes the pending
-- invitations they sent.
--
-- Refused while the caller is the only owner of a workspace (last_owner_anywhere;
-- protect_last_owner() holds the invariant under concurrency anyway). The
-- confirmation is the caller's own address, checked here too, so that a forged
-- request (or a script that skips the dialog) cannot delete an account by a click.
-- Recorded in platform.audit_events as account.deleted, with the workspaces left
-- but not the address: the log outlives the account, the person's email should not.
-- ---------------------------------------------------------------------------
create function public.delete_my_account(confirm_email text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  account_email text;
  workspaces uuid[];
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  select lower(u.email) into account_email from auth.users u where u.id = caller for update;
  if not found then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  if account_email is distinct from lower(btrim(coalesce(confirm_email, ''))) then
    raise exception 'account_confirmation_mismatch' using errcode = '22023',
      hint = 'Type the email address of your account to confirm.';
  end if;
  if exists (
    select 1 from public.organization_members m
    where m.user_id = caller and m.role = 'owner'
      and not exists (
        select 1 from public.organization_members other
        where other.organization_id = m.organization_id and other.role = 'owner'
          and other.user_id <> caller)
  ) then
    raise exception 'last_owner_anywhere' using errcode = 'PT409',
      hint = 'Transfer ownership of each workspace you alone own, or delete it, first.';
  end if;

  select coalesce(array_agg(m.organization_id order by m.organization_id), '{}')
  into workspaces
  from public.organization_members m where m.user_id = caller;

  perform set_config('tenantkit.audit_action', 'account.deleted', true);
  delete from public.organization_members m where m.user_id = caller;
  insert into platform.audit_events (event, actor_id, actor_kind, details)
  values ('account.deleted', caller, 'user', jsonb_build_object('workspaces', to_jsonb(workspaces)));
  delete from auth.users u where u.id = caller;
  perform set_config('tenantkit.audit_action', '', true);
end;
$$;
comment on function public.delete_my_account(text) is 'Deletes the caller''s own account; refused while they are the only owner of a workspace.';

-- guard_tenant_row() refuses a change of created_by; the foreign key's "on delete
-- set null" of an account deletion is the one that is not a client's. Same body as
-- its latest version (the lifecycle migration: suspended, scheduled for deletion,
-- billing read-only; before insert, update and delete), plus that case. A later
-- migration that replaces this function must keep all of them.
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
  -- An account deletion (delete_my_account()) removes the person's memberships and
  -- its foreign keys set their ids (created_by, invited_by) to null: neither is a
  -- client's edit, and both happen in a frozen or read-only workspace too.
  if current_setting('tenantkit.audit_action', true) = 'account.deleted' then
    return case when tg_op = 'DELETE' then old else new end;
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

-- ---------------------------------------------------------------------------
-- get_invitation, now also for a visitor who is not signed in. The token is the
-- credential: 192 random bits, mailed to the invited address. Whoever holds it is
-- that person or was handed the link by them, and the inviter meant them to know
-- the workspace and who invites them: the page shows both, so a stranger's link
-- can be told from a colleague's before signing up. Signed out, a pending
-- invitation also gives its full address, so that "Create an account" fills it in;
-- once closed, the address is masked again. Signed in, as before: the address in
-- full only to its owner (accepting still requires that address, proven).
-- ---------------------------------------------------------------------------
create or replace function public.get_invitation(token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  target public.invitations;
  caller_email text;
  workspace public.organizations;
  inviter text;
  status text;
begin
  select * into target from public.invitations i where i.token_hash = private.hash_invitation_token(token);
  if not found then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  select * into workspace from public.organizations o where o.id = target.organization_id;
  -- With the email: a name alone is whatever the inviter typed (see audit_tenant_change()).
  select case when p.full_name is null then p.email else p.full_name || ' <' || p.email || '>' end
  into inviter from public.profiles p where p.id = target.invited_by;
  if caller is not null then
    select lower(u.email) into caller_email from auth.users u where u.id = caller;
  end if;
  status := case
    when target.revoked_at is not null then 'revoked'
    when target.accepted_at is not null then 'accepted'
    when target.expires_at < now() then 'expired'
    else 'pending' end;
  return jsonb_build_object(
    'status', status,
    'workspace_name', workspace.name,
    'workspace_slug', workspace.slug,
    'role', target.role,
    'inviter', inviter,
    'expires_at', target.expires_at,
    'email_matches', coalesce(caller_email = target.email, false),
    'email_proven', caller is not null and not exists (
      select 1 from platform.email_proofs e
      where e.user_id = caller and e.proven_at is null),
    'email', case when caller_email = target.email or (caller is null and status = 'pending')
                  then target.email
                  else left(target.email, 1) || '***@' || split_part(target.email, '@', 2) end
  );
end;
$$;

revoke execute on function public.delete_my_account(text) from public, anon;
grant execute on function public.delete_my_account(text) to authenticated;
grant execute on function public.get_invitation(text) to anon;
