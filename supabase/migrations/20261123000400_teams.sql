-- Teams: profiles (names and emails of co-members), invitations, role changes,
-- removal, leaving, ownership transfer and last-owner protection. Every change
-- to memberships goes through a security definer RPC that checks the caller's
-- role itself; there is no write policy on organization_members or invitations.
-- "Not found" and "conflict" errors use PostgREST's PTxxx codes, which set the HTTP
-- status (404, 409) on hosted Supabase and on Supabase Lite alike.

-- ---------------------------------------------------------------------------
-- Names people read: display names and workspace names appear in the activity
-- feed, member lists and invitation emails. Control characters (C0, DEL, C1),
-- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
-- zero-width characters and joiners (U+200B-U+200F, U+2060-U+2064, U+FEFF) and
-- line separators let a name hide or reorder text ("Alice" + U+202E + "...")
-- or look like another: refused, with the coded error invalid_name. Checked by a
-- trigger (a coded error on every path: RPC, REST, auth metadata) and by check
-- constraints (the invariant, for any writer).
-- ---------------------------------------------------------------------------
create function private.is_plain_name(value text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select value is null
      or value !~ '[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]';
$$;

create function private.refuse_unplain_name()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- The column to check is the trigger's argument.
  value text := to_jsonb(new) ->> tg_argv[0];
begin
  if not private.is_plain_name(value) then
    raise exception 'invalid_name' using errcode = '22023',
      hint = 'Names cannot contain control, invisible or text-direction characters.';
  end if;
  return new;
end;
$$;

alter table public.organizations
  -- The same class as private.is_plain_name(), spelled out: a constraint runs with
  -- the writer's privileges, which do not include executing private functions.
  add constraint organizations_name_plain check (name !~ '[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]');
create trigger organizations_refuse_unplain_name
  before insert or update of name on public.organizations
  for each row execute function private.refuse_unplain_name('name');

-- ---------------------------------------------------------------------------
-- profiles: what co-members may know about each other (auth.users is not exposed).
-- ---------------------------------------------------------------------------
create table public.profiles (
  id         uuid primary key references auth.users(id) on delete cascade,
  email      text not null,
  -- Plain: see private.is_plain_name() above.
  full_name  text check (char_length(full_name) <= 120
                         and full_name !~ '[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profiles is 'Name and email of each user, kept in sync with auth.users.';

create trigger profiles_refuse_unplain_name
  before insert or update of full_name on public.profiles
  for each row execute function private.refuse_unplain_name('full_name');
create trigger profiles_set_updated_at
  before update on public.profiles
  for each row execute function private.set_updated_at();

create function private.sync_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, email, full_name)
  values (new.id, coalesce(new.email, ''), nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''))
  on conflict (id) do update
    set email = excluded.email,
        full_name = coalesce(excluded.full_name, public.profiles.full_name);
  return new;
end;
$$;

create trigger on_auth_user_saved
  after insert or update of email, raw_user_meta_data on auth.users
  for each row execute function private.sync_profile();

insert into public.profiles (id, email, full_name)
select u.id, coalesce(u.email, ''), nullif(btrim(u.raw_user_meta_data ->> 'full_name'), '')
from auth.users u
on conflict (id) do nothing;

-- ---------------------------------------------------------------------------
-- Which address a user has proven. email_confirmed_at proves the address the
-- account was confirmed with; a later change of address does not move it, and
-- does not always prove the new mailbox: Supabase Lite's double_confirm_changes
-- finalizes a change from the OLD mailbox alone, and GoTrue with autoconfirm
-- (the CLI's local default) changes the address at once. So a change of address
-- is recorded here as unproven, until the user proves that mailbox with a code
-- the auth server mails to it (prove_email()). In schema platform (audit
-- migration): data of no workspace, a schema the API roles have no usage on, and
-- RLS without a policy as a second lock, like platform.audit_events.
-- ---------------------------------------------------------------------------
create table platform.email_proofs (
  user_id    uuid primary key references auth.users(id) on delete cascade,
  email      text not null,
  changed_at timestamptz not null default now(),
  proven_at  timestamptz,
  -- Wrong codes since the last one mailed: at 5 the code is spent (prove_email()).
  failed_attempts smallint not null default 0
);
comment on table platform.email_proofs is 'The address of each user whose email changed after sign-up, and when that mailbox was proven.';
alter table platform.email_proofs enable row level security;

create function private.record_email_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if lower(new.email) is distinct from lower(old.email) then
    insert into platform.email_proofs (user_id, email)
    values (new.id, lower(coalesce(new.email, '')))
    on conflict (user_id) do update
      set email = excluded.email, changed_at = now(), proven_at = null, failed_attempts = 0;
  end if;
  return null;
end;
$$;

create trigger on_auth_user_email_changed
  after update of email on auth.users
  for each row execute function private.record_email_change();

alter table public.profiles enable row level security;
create policy "self and co-members read" on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or id in (
      select m.user_id from public.organization_members m
      where m.organization_id = any (array(select private.get_user_org_ids()))
    )
  );
revoke all on public.profiles from anon, authenticated;
grant select on public.profiles to authenticated;

-- ---------------------------------------------------------------------------
-- Last-owner protection: whatever removes or demotes the last owner (leave,
-- role change, removal, deleting the user's account) is refused. Deleting the
-- workspace itself is the one way its owners go away.
-- Under concurrency, "is there another owner?" alone lets two owners who demote
-- (or remove) each other at the same moment both pass: each transaction still
-- sees the other as owner. So a change that takes an owner away first locks the
-- workspace row, and the second one re-reads the memberships after the first has
-- committed, and is refused. `for no key update` does not conflict with the
-- key-share locks that foreign key checks take, so ordinary inserts into tenant
-- tables are not blocked.
-- ---------------------------------------------------------------------------
create function private.protect_last_owner()
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

create trigger organization_members_protect_last_owner
  after update or delete on public.organization_members
  for each row execute function private.protect_last_owner();

-- ---------------------------------------------------------------------------
-- invitations: a pending invitation per (workspace, email). Only a SHA-256 hash
-- of the token is stored; the token itself exists in the email and nowhere else.
-- ---------------------------------------------------------------------------
create table public.invitations (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id) on delete cascade,
  email           text not null check (email = lower(email) and char_length(email) between 3 and 254),
  role            public.org_role not null default 'member',
  token_hash      text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  invited_by      uuid references auth.users(id) on delete set null,
  expires_at      timestamptz not null default now() + interval '7 days',
  accepted_at     timestamptz,
  accepted_by     uuid references auth.users(id) on delete set null,
  revoked_at      timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
comment on table public.invitations is 'Invitations to join a workspace. Written only by the invitation RPCs.';
create unique index invitations_one_pending_per_email
  on public.invitations (organization_id, email)
  where accepted_at is null and revoked_at is null;
create index invitations_org_created_idx on public.invitations (organization_id, created_at desc);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

create trigger invitations_guard_tenant_row
  before insert or update on public.invitations
  for each row execute function private.guard_tenant_row();
create trigger invitations_set_updated_at
  before update on public.invitations
  for each row execute function private.set_updated_at();
-- The token hash stays out of the log.
create trigger invitations_audit
  after insert or update or delete on public.invitations
  for each row execute function private.audit_tenant_change('token_hash');

alter table public.invitations enable row level security;
create policy "admins read" on public.invitations for select to authenticated
  using (private.has_org_role(organization_id, array['owner', 'admin']));
-- No write policies: invite_member(), revoke_invitation() and accept_invitation() write.
revoke all on public.invitations from anon, authenticated;
grant select (id, organization_id, email, role, invited_by, expires_at, accepted_at, accepted_by,
              revoked_at, created_at, updated_at)
  on public.invitations to authenticated;

-- Invitations sent by one person, for invite_member()'s daily limit.
create index audit_logs_invitations_by_actor_idx
  on public.audit_logs (actor_id, created_at desc)
  where action = 'member.invited';

create function private.hash_invitation_token(token text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(coalesce(token, ''), 'UTF8')), 'hex');
$$;

-- ---------------------------------------------------------------------------
-- invite_member: creates (or refreshes) the pending invitation for an email and
-- returns the plaintext token once, for the invitation email.
-- ---------------------------------------------------------------------------
create function public.invite_member(org uuid, email text, role text default 'member')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  caller uuid := (select auth.uid());
  clean_email text := lower(btrim(coalesce(invite_member.email, '')));
  new_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  saved public.invitations;
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  if not private.has_org_role(org, array['owner', 'admin']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners and admins can invite.';
  end if;
  if invite_member.role is null or invite_member.role not in ('owner', 'admin', 'member') then
    raise exception 'invalid_role' using errcode = '22023';
  end if;
  if invite_member.role = 'owner' and not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can invite owners.';
  end if;
  if char_length(clean_email) > 254 or clean_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'invalid_email' using errcode = '22023', hint = 'Enter a valid email address.';
  end if;
  if exists (
    select 1 from public.organization_members m
    join public.profiles p on p.id = m.user_id
    where m.organization_id = org and lower(p.email) = clean_email
  ) then
    raise exception 'already_member' using errcode = '23505', hint = 'This person is already a member.';
  end if;
  -- Every invitation and re-invitation is an email to an address the caller chose,
  -- carrying text they chose (the workspace's and their own name): without a bound
  -- the RPC is a mail relay. At most 20 per workspace per hour and 50 per inviter per
  -- day, counted from the log, where each one is a member.invited entry (the partial
  -- index below). The lock makes concurrent calls of one inviter count one by one.
  perform pg_advisory_xact_lock(hashtextextended('invite_member ' || caller::text, 0));
  if (select count(*) from public.audit_logs a
      where a.organization_id = org and a.action = 'member.invited'
        and a.created_at > now() - interval '1 hour') >= 20
     or (select count(*) from public.audit_logs a
         where a.actor_id = caller and a.action = 'member.invited'
           and a.created_at > now() - interval '1 day') >= 50 then
    raise exception 'invitation_rate_limited' using errcode = 'PT429',
      hint = 'Too many invitations were sent recently. Try again later.';
  end if;
  -- Re-inviting refreshes the pending invitation (below): for an owner invitation
  -- that would let an admin replace it (with a member one, a new token), which is
  -- revoking it, and only owners may.
  if exists (
    select 1 from public.invitations i
    where i.organization_id = org and i.email = clean_email and i.role = 'owner'
      and i.accepted_at is null and i.revoked_at is null
  ) and not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501',
      hint = 'Only owners can change or replace an owner invitation.';
  end if;

  insert into public.invitations (organization_id, email, role, token_hash, invited_by, expires_at)
  values (org, clean_email, invite_member.role::public.org_role, private.hash_invitation_token(new_token), caller,
          now() + interval '7 days')
  on conflict (organization_id, email) where accepted_at is null and revoked_at is null
  do update set role = excluded.role,
                token_hash = excluded.token_hash,
                invited_by = excluded.invited_by,
                expires_at = excluded.expires_at
  returning * into saved;

  return jsonb_build_object('invitation_id', saved.id, 'token', new_token, 'expires_at', saved.expires_at);
end;
$$;

-- ---------------------------------------------------------------------------
-- revoke_invitation: owners and admins (admins not for owner invitations).
-- Someone outside the workspace learns nothing: not found looks the same.
-- The workspace is an argument, not derived from the id: the page the caller is
-- on names it, and an id of another workspace (one they may also manage) is not
-- found there, so a form of /w/acme can never touch globex.
-- ---------------------------------------------------------------------------
create function public.revoke_invitation(org uuid, invitation_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target public.invitations;
begin
  select * into target from public.invitations i
  where i.id = invitation_id and i.organization_id = org
  for update;
  if not found or not private.has_org_role(org, array['owner', 'admin']) then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  if target.role = 'owner' and not private.has_org_role(target.organization_id, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can revoke an owner invitation.';
  end if;
  if target.accepted_at is not null then
    raise exception 'invitation_used' using errcode = '22023', hint = 'This invitation was already accepted.';
  end if;
  -- Revoking a revoked invitation changes nothing, so it writes nothing (no second audit entry).
  if target.revoked_at is null then
    update public.invitations set revoked_at = now() where id = target.id;
  end if;
end;
$$;

-- ---------------------------------------------------------------------------
-- get_invitation: what the /invite/<token> page shows to a signed-in user who
-- holds the token. The invited address is masked unless it is the caller's.
-- ---------------------------------------------------------------------------
create function public.get_invitation(token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  target public.invitations;
  caller_email text;
  workspace public.organizations;
  inviter text;
begin
  if (select auth.uid()) is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  select * into target from public.invitations i where i.token_hash = private.hash_invitation_token(token);
  if not found then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  select * into workspace from public.organizations o where o.id = target.organization_id;
  -- With the email: a name alone is whatever the inviter typed (see audit_tenant_change()).
  select case when p.full_name is null then p.email else p.full_name || ' <' || p.email || '>' end
  into inviter from public.profiles p where p.id = target.invited_by;
  select lower(u.email) into caller_email from auth.users u where u.id = (select auth.uid());
  return jsonb_build_object(
    'status', case
      when target.revoked_at is not null then 'revoked'
      when target.accepted_at is not null then 'accepted'
      when target.expires_at < now() then 'expired'
      else 'pending' end,
    'workspace_name', workspace.name,
    'workspace_slug', workspace.slug,
    'role', target.role,
    'inviter', inviter,
    'expires_at', target.expires_at,
    'email_matches', caller_email = target.email,
    'email_proven', not exists (
      select 1 from platform.email_proofs e
      where e.user_id = (select auth.uid()) and e.proven_at is null),
    'email', case when caller_email = target.email then target.email
                  else left(target.email, 1) || '***@' || split_part(target.email, '@', 2) end
  );
end;
$$;

-- ---------------------------------------------------------------------------
-- prove_email: proves the caller's current address with the code the auth server
-- mailed to it (supabase.auth.reauthenticate(), which sends a one-time code to
-- the account's address and stores only its hash). The code is checked here
-- against that hash, in both formats (GoTrue: sha224 of email || code; Supabase
-- Lite: sha256), within an hour of sending and only if it was sent after the
-- change of address; it is single use. It answers true or false instead of
-- raising, so that a wrong code is counted: after 5, the code is spent and a new
-- one must be mailed (the auth server rate-limits that), so guessing 6 digits is
-- hopeless.
-- ---------------------------------------------------------------------------
create function public.prove_email(code text)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  account auth.users;
  pending platform.email_proofs;
  given text := btrim(coalesce(code, ''));
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  select * into pending from platform.email_proofs e where e.user_id = caller for update;
  if not found or pending.proven_at is not null then
    return true;
  end if;
  select * into account from auth.users u where u.id = caller for update;
  if given ~ '^[0-9]{6,10}$'
     and account.reauthentication_sent_at > now() - interval '1 hour'
     and account.reauthentication_sent_at >= pending.changed_at
     and coalesce(account.reauthentication_token, '') in (
       encode(sha256(convert_to(lower(account.email) || given, 'UTF8')), 'hex'),
       encode(sha224(convert_to(lower(account.email) || given, 'UTF8')), 'hex'))
  then
    update platform.email_proofs set proven_at = now(), failed_attempts = 0 where user_id = caller;
    -- Empty rather than null: GoTrue reads these columns as non-null strings.
    update auth.users set reauthentication_token = '' where id = caller;
    return true;
  end if;
  update platform.email_proofs set failed_attempts = failed_attempts + 1 where user_id = caller
  returning * into pending;
  if pending.failed_attempts >= 5 then
    update auth.users set reauthentication_token = '' where id = caller;
    update platform.email_proofs set failed_attempts = 0 where user_id = caller;
  end if;
  return false;
end;
$$;

-- ---------------------------------------------------------------------------
-- accept_invitation: checks token, revocation, use, expiry and that the caller's
-- proven email is the invited one, then adds the membership, atomically.
-- Proven: confirmed, and not changed since, or proven after the change with
-- prove_email() (platform.email_proofs).
-- ---------------------------------------------------------------------------
create function public.accept_invitation(token text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text;
  caller_confirmed timestamptz;
  target public.invitations;
  workspace_slug text;
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501';
  end if;
  select * into target from public.invitations i
  where i.token_hash = private.hash_invitation_token(token)
  for update;
  if not found then
    raise exception 'invitation_not_found' using errcode = 'PT404';
  end if;
  if target.revoked_at is not null then
    raise exception 'invitation_revoked' using errcode = '22023', hint = 'This invitation was revoked.';
  end if;
  if target.accepted_at is not null then
    raise exception 'invitation_used' using errcode = '22023', hint = 'This invitation was already used.';
  end if;
  if target.expires_at < now() then
    raise exception 'invitation_expired' using errcode = '22023', hint = 'This invitation has expired.';
  end if;
  -- An invitation is worth what its inviter may still grant: one sent by an admin
  -- who has since been removed (or demoted, or deleted their account) would
  -- otherwise bring them back through a second address. The trigger below revokes
  -- such invitations; this check also holds for anything it could miss.
  if not exists (
    select 1 from public.organization_members m
    where m.organization_id = target.organization_id and m.user_id = target.invited_by
      and (m.role = 'owner' or (m.role = 'admin' and target.role <> 'owner'))
  ) then
    raise exception 'invitation_revoked' using errcode = '22023',
      hint = 'The person who invited you can no longer invite to this workspace.';
  end if;
  select lower(u.email), u.email_confirmed_at into caller_email, caller_confirmed
  from auth.users u where u.id = caller;
  if caller_confirmed is null or caller_email is distinct from target.email then
    raise exception 'wrong_account' using errcode = '42501',
      hint = 'This invitation was sent to another email address.';
  end if;
  if exists (select 1 from platform.email_proofs e where e.user_id = caller and e.proven_at is null) then
    raise exception 'email_not_proven' using errcode = '42501',
      hint = 'Your email address changed since you confirmed it: confirm this mailbox first.';
  end if;

  insert into public.organization_members (organization_id, user_id, role)
  values (target.organization_id, caller, target.role)
  on conflict (organization_id, user_id) do nothing;
  update public.invitations
  set accepted_at = now(), accepted_by = caller
  where id = target.id;

  select o.slug into workspace_slug from public.organizations o where o.id = target.organization_id;
  return jsonb_build_object('organization_id', target.organization_id, 'slug', workspace_slug);
end;
$$;

-- ---------------------------------------------------------------------------
-- Members: role changes, removal, leaving, ownership transfer.
-- ---------------------------------------------------------------------------
create function public.update_member_role(org uuid, member_id uuid, role text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  current_role_of_member text;
begin
  if not private.has_org_role(org, array['owner', 'admin']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners and admins can change roles.';
  end if;
  if update_member_role.role is null or update_member_role.role not in ('owner', 'admin', 'member') then
    raise exception 'invalid_role' using errcode = '22023';
  end if;
  select m.role into current_role_of_member from public.organization_members m
  where m.organization_id = org and m.user_id = member_id
  for update;
  if not found then
    raise exception 'member_not_found' using errcode = 'PT404';
  end if;
  if (current_role_of_member = 'owner' or update_member_role.role = 'owner')
     and not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can make or unmake owners.';
  end if;
  update public.organization_members m
  set role = update_member_role.role::public.org_role
  where m.organization_id = org and m.user_id = member_id;
end;
$$;

create function public.remove_member(org uuid, member_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  role_of_member text;
begin
  select m.role into role_of_member from public.organization_members m
  where m.organization_id = org and m.user_id = member_id
  for update;
  if not found or not (member_id = caller or private.has_org_role(org, array['owner', 'admin'])) then
    raise exception 'member_not_found' using errcode = 'PT404';
  end if;
  if member_id <> caller and role_of_member = 'owner' and not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only owners can remove an owner.';
  end if;
  delete from public.organization_members m where m.organization_id = org and m.user_id = member_id;
end;
$$;

create function public.leave_organization(org uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.organization_members m
  where m.organization_id = org and m.user_id = (select auth.uid());
  if not found then
    raise exception 'member_not_found' using errcode = 'PT404';
  end if;
end;
$$;

create function public.transfer_ownership(org uuid, new_owner_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if not private.has_org_role(org, array['owner']) then
    raise exception 'not_allowed' using errcode = '42501', hint = 'Only an owner can transfer ownership.';
  end if;
  if new_owner_id = caller then
    raise exception 'invalid_member' using errcode = '22023', hint = 'Choose another member.';
  end if;
  -- Both membership updates are one action in the audit log (private.audit_tenant_change()).
  perform set_config('tenantkit.audit_action', 'ownership.transferred', true);
  -- Promote first, so the workspace always has an owner.
  update public.organization_members m set role = 'owner'
  where m.organization_id = org and m.user_id = new_owner_id;
  if not found then
    raise exception 'member_not_found' using errcode = 'PT404';
  end if;
  update public.organization_members m set role = 'admin'
  where m.organization_id = org and m.user_id = caller;
  perform set_config('tenantkit.audit_action', '', true);
end;
$$;

-- ---------------------------------------------------------------------------
-- Invitations outlive nobody's role: when an owner or admin is removed, leaves or
-- is demoted, the pending invitations they sent for roles they may no longer give
-- are revoked (audited as invitation.revoked). accept_invitation() checks the
-- inviter again at acceptance.
-- ---------------------------------------------------------------------------
create function private.revoke_invitations_of_former_inviter()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  still_grants public.org_role[] := case
    when tg_op = 'DELETE' then '{}'
    when new.role = 'owner' then array['owner', 'admin', 'member']::public.org_role[]
    when new.role = 'admin' then array['admin', 'member']::public.org_role[]
    else '{}' end;
begin
  if old.role = 'member' then
    return null;
  end if;
  update public.invitations i
  set revoked_at = now()
  where i.organization_id = old.organization_id
    and i.invited_by = old.user_id
    and i.accepted_at is null and i.revoked_at is null
    and not (i.role = any (still_grants))
    -- A workspace being deleted takes its invitations with it.
    and exists (select 1 from public.organizations o where o.id = old.organization_id);
  return null;
end;
$$;

create trigger organization_members_revoke_former_inviter
  after update of role or delete on public.organization_members
  for each row execute function private.revoke_invitations_of_former_inviter();

-- ---------------------------------------------------------------------------
-- Function privileges: the triggers and the token hash to nobody; the app's
-- RPCs to authenticated only.
-- ---------------------------------------------------------------------------
revoke execute on function private.sync_profile() from public, anon, authenticated;
revoke execute on function private.record_email_change() from public, anon, authenticated;
revoke all on platform.email_proofs from public, anon, authenticated;
revoke execute on function private.is_plain_name(text) from public, anon, authenticated;
revoke execute on function private.refuse_unplain_name() from public, anon, authenticated;
revoke execute on function private.protect_last_owner() from public, anon, authenticated;
revoke execute on function private.revoke_invitations_of_former_inviter() from public, anon, authenticated;
revoke execute on function private.hash_invitation_token(text) from public, anon, authenticated;
revoke execute on function public.invite_member(uuid, text, text) from public, anon;
revoke execute on function public.revoke_invitation(uuid, uuid) from public, anon;
revoke execute on function public.get_invitation(text) from public, anon;
revoke execute on function public.prove_email(text) from public, anon;
revoke execute on function public.accept_invitation(text) from public, anon;
revoke execute on function public.update_member_role(uuid, uuid, text) from public, anon;
revoke execute on function public.remove_member(uuid, uuid) from public, anon;
revoke execute on function public.leave_organization(uuid) from public, anon;
revoke execute on function public.transfer_ownership(uuid, uuid) from public, anon;
grant execute on function public.invite_member(uuid, text, text) to authenticated;
grant execute on function public.revoke_invitation(uuid, uuid) to authenticated;
grant execute on function public.get_invitation(text) to authenticated;
grant execute on function public.prove_email(text) to authenticated;
grant execute on function public.accept_invitation(text) to authenticated;
grant execute on function public.update_member_role(uuid, uuid, text) to authenticated;
grant execute on function public.remove_member(uuid, uuid) to authenticated;
grant execute on function public.leave_organization(uuid) to authenticated;
grant execute on function public.transfer_ownership(uuid, uuid) to authenticated;
