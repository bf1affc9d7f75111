-- projects: the sample tenant resource. It follows the tenant table convention
-- (docs/adding-a-tenant-table.md) to the letter; copy it for new tenant tables.

create table public.projects (
  id              uuid primary key default gen_random_uuid(),
  organization_id uuid not null references public.organizations(id) on delete cascade,
  name            text not null check (char_length(name) between 1 and 120),
  status          text not null default 'active' check (status in ('active','archived')),
  created_by      uuid references auth.users(id) on delete set null default auth.uid(),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
create index projects_org_created_idx on public.projects (organization_id, created_at desc);
create index projects_created_by_idx on public.projects (created_by);

alter table public.projects enable row level security;
create policy "members read"   on public.projects for select to authenticated
  using (organization_id = any (array(select public.get_user_org_ids())));
create policy "members create" on public.projects for insert to authenticated
  with check (organization_id = any (array(select public.get_user_org_ids())));
create policy "admins update"  on public.projects for update to authenticated
  using (public.has_org_role(organization_id, array['owner','admin']))
  with check (public.has_org_role(organization_id, array['owner','admin']));
create policy "owners delete"  on public.projects for delete to authenticated
  using (public.has_org_role(organization_id, array['owner']));

create trigger projects_guard_tenant_row
  before insert or update on public.projects
  for each row execute function public.guard_tenant_row();
create trigger projects_set_updated_at
  before update on public.projects
  for each row execute function public.set_updated_at();

-- Column grants say the same as guard_tenant_row(): organization_id is not
-- updatable and created_by is never written by the client.
revoke all on public.projects from anon, authenticated;
grant select, delete on public.projects to authenticated;
grant insert (organization_id, name, status) on public.projects to authenticated;
grant update (name, status) on public.projects to authenticated;
