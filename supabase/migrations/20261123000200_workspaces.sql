-- Workspaces (organizations), memberships, the RLS helpers every tenant table
-- relies on, and the workspace-creation RPC.

-- ---------------------------------------------------------------------------
-- Roles in a workspace, highest first. An enum rather than text: the column
-- cannot hold anything else, and the generated TypeScript type is the union
-- 'owner' | 'admin' | 'member'. RPC parameters stay text and are checked in the
-- RPC, so a wrong value is the coded error `invalid_role`, not a cast failure.
-- ---------------------------------------------------------------------------
create type public.org_role as enum ('owner', 'admin', 'member');

-- ---------------------------------------------------------------------------
-- organizations: one row per workspace. The slug is its URL (/w/<slug>).
-- ---------------------------------------------------------------------------
create table public.organizations (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (char_length(name) between 1 and 80 and name = btrim(name)),
  slug       text not null unique
             check (char_length(slug) between 3 and 48 and slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- Who reads the activity log: owners and admins, and members when an owner
  -- says so (private.get_activity_org_ids(), audit migration).
  members_can_view_activity boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Workspaces (tenants). Created only through create_organization().';

create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function private.set_updated_at();

-- ---------------------------------------------------------------------------
-- Slugs: reserved words, and freed slugs held for their workspace.
--
-- Reserved: words that read as app routes or are confusing in a URL. This list is
-- the source of truth; lib/workspaces/validation.ts repeats it for the form's
-- message, and tests/integration/workspaces.test.ts fails when the two differ.
-- ---------------------------------------------------------------------------
create function private.reserved_slugs()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'new', 'create', 'settings', 'admin', 'api', 'app', 'auth', 'onboarding',
    'sign-in', 'sign-up', 'check-email', 'forgot-password', 'reset-password',
    'invite', 'w', 'www', 'help', 'support', 'billing', 'null', 'undefined'
  ];
$$;
comment on function private.reserved_slugs() is 'Slugs no workspace may take (the app repeats the list; a test compares).';

create function private.is_reserved_slug(slug text)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select slug = any (private.reserved_slugs());
$$;

-- A slug a workspace gave up (renamed away from) stays its own for 30 days: old
-- links and bookmarks keep pointing at nobody else's workspace (no link hijack),
-- and only the workspace that held it may take it back. In schema `platform`, not
-- `public`: only the slug guard below reads or writes it, no user ever does, so it
-- is not part of the API (no policies, grants or access spec to keep). A deleted
-- workspace's slugs go with it (the cascade): nobody is left to take them back.
create schema if not exists platform;
revoke all on schema platform from public, anon, authenticated;

create table platform.organization_slug_history (
  slug            text primary key,
  organization_id uuid not null references public.organizations(id) on delete cascade,
  released_at     timestamptz not null default now()
);
comment on table platform.organization_slug_history is 'Slugs recently given up by a workspace, held for it (private.guard_organization_slug()).';
create index organization_slug_history_org_idx on platform.organization_slug_history (organization_id);
alter table platform.organization_slug_history enable row level security;
revoke all on platform.organization_slug_history from public, anon, authenticated;

-- Every path (create_organization, PATCH by an admin, the service role) goes
-- through this trigger, so the API cannot skip what the form checks. Errors are
-- coded like the RPCs': slug_reserved (22023) and slug_taken (23505, the same
-- answer as a slug in use: it does not tell whether or when a workspace held it).
create function private.guard_organization_slug()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and new.slug = old.slug then
    return new;
  end if;
  if private.is_reserved_slug(new.slug) then
    raise exception 'slug_reserved' using errcode = '22023',
      hint = 'This URL is reserved. Pick another one.';
  end if;
  if exists (
    select 1 from platform.organization_slug_history h
    where h.slug = new.slug
      and h.organization_id <> new.id
      and h.released_at > now() - interval '30 days'
  ) then
    raise exception 'slug_taken' using errcode = '23505',
      hint = 'Another workspace already uses this URL.';
  end if;
  return new;
end;
$$;
create trigger organizations_guard_slug
  before insert or update of slug on public.organizations
  for each row execute function private.guard_organization_slug();

create function private.hold_released_slug()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- The new slug is this workspace's now; the old one is held for it.
  delete from platform.organization_slug_history h where h.slug = new.slug;
  insert into platform.organization_slug_history (slug, organization_id)
  values (old.slug, old.id)
  on conflict (slug) do update
    set organization_id = excluded.organization_id, released_at = excluded.released_at;
  return null;
end;
$$;
create trigger organizations_hold_released_slug
  after update of slug on public.organizations
  for each row when (new.slug is distinct from old.slug)
  execute function private.hold_released_slug();

-- ---------------------------------------------------------------------------
-- organization_members: who belongs to which workspace, with which role.
-- ---------------------------------------------------------------------------
create table public.organization_members (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id) on delete cascade,
  user_id         uuid not null references auth.users(id) on delete cascade,
  role            public.org_role not null default 'member',
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint organization_members_org_user_key unique (organization_id, user_id)
);
comment on table public.organization_members is 'Workspace memberships. Written only by security definer RPCs.';
create index organization_members_user_id_idx on public.organization_members (user_id);

create trigger organization_members_guard_tenant_row
  before insert or update on public.organization_members
  for each row execute function private.guard_tenant_row();
create trigger organization_members_set_updated_at
  before update on public.organization_members
  for each row execute function private.set_updated_at();

-- ---------------------------------------------------------------------------
-- RLS helpers. security definer so that policies on organization_members can use
-- them without recursing into their own policies; stable and (select auth.uid())
-- so Postgres evaluates them once per statement, not once per row. They answer
-- only about the caller.
-- ---------------------------------------------------------------------------
create function private.get_user_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.organization_id
  from public.organization_members m
  where m.user_id = (select auth.uid());
$$;
comment on function private.get_user_org_ids() is 'Ids of the workspaces the signed-in user belongs to.';

-- roles is text[] so that policies read `array['owner', 'admin']`, without casts.
create function private.has_org_role(org uuid, roles text[])
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.organization_members m
    where m.organization_id = org
      and m.user_id = (select auth.uid())
      and m.role::text = any (roles)
  );
$$;
comment on function private.has_org_role(uuid, text[]) is 'Whether the signed-in user holds one of the roles in the workspace.';

-- ---------------------------------------------------------------------------
-- Workspace settings: admins rename it and change its URL (the slug check and the
-- unique constraint still apply); only owners decide whether members see the
-- activity log. A trigger, because a column grant cannot depend on the role.
-- ---------------------------------------------------------------------------
create function private.guard_organization_settings()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Without a user (service role, SQL) there is no role to check.
  if new.members_can_view_activity is distinct from old.members_can_view_activity
     and (select auth.uid()) is not null then
    if not private.has_org_role(old.id, array['owner']) then
      raise exception 'not_allowed' using errcode = '42501',
        hint = 'Only owners decide whether members see the activity log.';
    end if;
  end if;
  return new;
end;
$$;
create trigger organizations_guard_settings
  before update on public.organizations
  for each row execute function private.guard_organization_settings();

-- ---------------------------------------------------------------------------
-- create_organization: a workspace and its owner membership, atomically.
-- Errors carry a stable code in the message (slug_taken, invalid_slug, ...)
-- that the app maps to a sentence; the SQLSTATE tells the HTTP status.
-- ---------------------------------------------------------------------------
create function public.create_organization(name text, slug text)
returns public.organizations
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  clean_name text := btrim(coalesce(create_organization.name, ''));
  clean_slug text := lower(btrim(coalesce(create_organization.slug, '')));
  created public.organizations;
begin
  if caller is null then
    raise exception 'not_authenticated' using errcode = '42501', hint = 'Sign in to create a workspace.';
  end if;
  if char_length(clean_name) not between 1 and 80 then
    raise exception 'invalid_name' using errcode = '22023', hint = 'A workspace name has 1 to 80 characters.';
  end if;
  if char_length(clean_slug) not between 3 and 48 or clean_slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' then
    raise exception 'invalid_slug' using errcode = '22023',
      hint = 'A slug has 3 to 48 lowercase letters, digits or single hyphens.';
  end if;

  begin
    insert into public.organizations (name, slug)
    values (clean_name, clean_slug)
    returning * into created;
  exception when unique_violation then
    raise exception 'slug_taken' using errcode = '23505', hint = 'Another workspace already uses this URL.';
  end;

  insert into public.organization_members (organization_id, user_id, role)
  values (created.id, caller, 'owner');

  return created;
end;
$$;
comment on function public.create_organization(text, text) is 'Creates a workspace owned by the caller.';

-- ---------------------------------------------------------------------------
-- Row-Level Security. `= any (array(select helper()))`: the helper runs once per
-- statement and the planner can use an index on the tenant column
-- (docs/adding-a-tenant-table.md).
-- ---------------------------------------------------------------------------
alter table public.organizations enable row level security;
alter table public.organization_members enable row level security;

create policy "members read" on public.organizations for select to authenticated
  using (id = any (array(select private.get_user_org_ids())));
create policy "admins update" on public.organizations for update to authenticated
  using (private.has_org_role(id, array['owner', 'admin']))
  with check (private.has_org_role(id, array['owner', 'admin']));
create policy "owners delete" on public.organizations for delete to authenticated
  using (private.has_org_role(id, array['owner']));
-- No insert policy: workspaces are created through create_organization().

-- Through the helper, not a subquery on this table: a policy that reads its own
-- table recurses ("infinite recursion detected in policy").
create policy "members read" on public.organization_members for select to authenticated
  using (organization_id = any (array(select private.get_user_org_ids())));
-- No write policies: memberships change only through security definer RPCs.

-- ---------------------------------------------------------------------------
-- Grants: authenticated gets exactly the verbs and columns the policies allow.
-- anon gets nothing.
-- ---------------------------------------------------------------------------
revoke all on public.organizations, public.organization_members from anon, authenticated;
grant select, delete on public.organizations to authenticated;
grant update (name, slug, members_can_view_activity) on public.organizations to authenticated;
grant select on public.organization_members to authenticated;

-- The helpers run inside policies as the signed-in user: authenticated executes them.
revoke execute on function private.get_user_org_ids() from public, anon;
revoke execute on function private.has_org_role(uuid, text[]) from public, anon;
grant execute on function private.get_user_org_ids() to authenticated;
grant execute on function private.has_org_role(uuid, text[]) to authenticated;
revoke execute on function private.guard_organization_settings() from public, anon, authenticated;
revoke execute on function private.guard_organization_slug() from public, anon, authenticated;
revoke execute on function private.hold_released_slug() from public, anon, authenticated;
revoke execute on function private.reserved_slugs() from public, anon, authenticated;
revoke execute on function private.is_reserved_slug(text) from public, anon, authenticated;
-- The app's RPC.
revoke execute on function public.create_organization(text, text) from public, anon;
grant execute on function public.create_organization(text, text) to authenticated;
