-- Foundation: workspaces (organizations), memberships, the RLS helpers every
-- tenant table relies on, and the workspace-creation RPC.
-- Written for real Supabase (auth schema, anon/authenticated/service_role roles)
-- and applied unchanged by the local stack (@supabase/lite on PGlite or PostgreSQL).

-- Grants are explicit: objects created by later migrations start with no
-- privileges for the API roles, so a forgotten grant denies instead of leaking.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke execute on functions from public, anon, authenticated;

-- ---------------------------------------------------------------------------
-- Shared trigger: keep updated_at honest whatever the client sends.
-- ---------------------------------------------------------------------------
create function public.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------
-- Shared trigger for every tenant table: a row never moves to another workspace,
-- and created_by (where the table has it) is the caller, not what the client sent.
-- Enforced by a trigger rather than column grants alone, because grants are not
-- honoured by every engine this project runs on (see docs/local-stack.md).
-- ---------------------------------------------------------------------------
create function public.guard_tenant_row()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if tg_op = 'UPDATE' and new.organization_id is distinct from old.organization_id then
    raise exception 'organization_id_immutable' using errcode = '42501',
      hint = 'A row cannot be moved to another workspace.';
  end if;
  -- restore_project() re-inserts a deleted row as it was, author included.
  if current_setting('tenantkit.audit_action', true) = 'project.restored' then
    return new;
  end if;
  if caller is not null and to_jsonb(new) ? 'created_by' then
    if tg_op = 'INSERT' then
      new := jsonb_populate_record(new, jsonb_build_object('created_by', caller));
    elsif (to_jsonb(new) -> 'created_by') is distinct from (to_jsonb(old) -> 'created_by') then
      raise exception 'created_by_immutable' using errcode = '42501';
    end if;
  end if;
  return new;
end;
$$;

-- ---------------------------------------------------------------------------
-- organizations: one row per workspace. The slug is its URL (/w/<slug>).
-- ---------------------------------------------------------------------------
create table public.organizations (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (char_length(name) between 1 and 80 and name = btrim(name)),
  slug       text not null unique
             check (char_length(slug) between 3 and 48 and slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Workspaces (tenants). Created only through create_organization().';

create trigger organizations_set_updated_at
  before update on public.organizations
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------
-- organization_members: who belongs to which workspace, with which role.
-- ---------------------------------------------------------------------------
create table public.organization_members (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id) on delete cascade,
  user_id         uuid not null references auth.users(id) on delete cascade,
  role            text not null default 'member' check (role in ('owner', 'admin', 'member')),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  constraint organization_members_org_user_key unique (organization_id, user_id)
);
comment on table public.organization_members is 'Workspace memberships. Written only by security definer RPCs.';
create index organization_members_user_id_idx on public.organization_members (user_id);

create trigger organization_members_guard_tenant_row
  before insert or update on public.organization_members
  for each row execute function public.guard_tenant_row();
create trigger organization_members_set_updated_at
  before update on public.organization_members
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------
-- RLS helpers. security definer so that policies on organization_members can use
-- them without recursing into their own policies; stable and (select auth.uid())
-- so Postgres evaluates them once per statement, not once per row.
-- ---------------------------------------------------------------------------
create function public.get_user_org_ids()
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
comment on function public.get_user_org_ids() is 'Ids of the workspaces the signed-in user belongs to.';

create function public.has_org_role(org uuid, roles text[])
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
      and m.role = any (roles)
  );
$$;
comment on function public.has_org_role(uuid, text[]) is 'Whether the signed-in user holds one of the roles in the workspace.';

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
-- Row-Level Security
-- ---------------------------------------------------------------------------
alter table public.organizations enable row level security;
alter table public.organization_members enable row level security;

create policy "members read" on public.organizations for select to authenticated
  using (id = any (array(select public.get_user_org_ids())));
create policy "admins update" on public.organizations for update to authenticated
  using (public.has_org_role(id, array['owner', 'admin']))
  with check (public.has_org_role(id, array['owner', 'admin']));
create policy "owners delete" on public.organizations for delete to authenticated
  using (public.has_org_role(id, array['owner']));
-- No insert policy: workspaces are created through create_organization().

create policy "members read" on public.organization_members for select to authenticated
  using (organization_id = any (array(select public.get_user_org_ids())));
-- No write policies: memberships change only through security definer RPCs.

-- ---------------------------------------------------------------------------
-- Grants: authenticated gets exactly the verbs and columns the policies allow.
-- anon gets nothing.
-- ---------------------------------------------------------------------------
revoke all on public.organizations, public.organization_members from anon, authenticated;
grant select, delete on public.organizations to authenticated;
grant update (name) on public.organizations to authenticated;
grant select on public.organization_members to authenticated;

revoke execute on function public.set_updated_at() from public, anon, authenticated;
revoke execute on function public.guard_tenant_row() from public, anon, authenticated;
revoke execute on function public.get_user_org_ids() from public, anon;
revoke execute on function public.has_org_role(uuid, text[]) from public, anon;
revoke execute on function public.create_organization(text, text) from public, anon;
grant execute on function public.get_user_org_ids() to authenticated;
grant execute on function public.has_org_role(uuid, text[]) to authenticated;
grant execute on function public.create_organization(text, text) to authenticated;
