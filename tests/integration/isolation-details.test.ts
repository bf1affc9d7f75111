/**
 * Hand-written isolation checks that complement the generated attack matrix
 * (attack-matrix.test.ts, expectations in tests/access-specs.ts): specific attacks on
 * projects and memberships and the create_organization contract, each judged by its
 * effect, re-read with the service client.
 *
 * Until the matrix was generated from the catalog, this file held the hand-written
 * actor x verb matrix; its cells are now rows of tests/access-specs.ts.
 *
 * The service client arranges data and observes effects; it never decides access.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  addMember,
  anonClient,
  createWorkspace,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestUser,
} from "../support/clients";

type Actor = "outsider" | "member" | "admin" | "owner";
type Table = "organizations" | "organization_members" | "projects";
type Role = "owner" | "admin" | "member";

// ---------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------

const stack = inject("stack");
const service = serviceClient(stack);
const suffix = () => randomUUID().slice(0, 8);

interface Member {
  user: TestUser;
  role: Role;
}

/** A workspace as seen by a cell: its standing rows, and a way to get a fresh copy with the same members. */
interface Target {
  label: string;
  workspaceId: string;
  slug: string;
  owner: TestUser;
  projectId: string;
  /** The membership row of the workspace's owner, a row every member may read. */
  ownerMembershipId: string;
  members: Member[];
}

interface Fixture {
  users: Record<Exclude<Actor, "anon">, TestUser>;
  /** In no workspace of the fixture: the subject of membership writes (added, promoted, removed). */
  bystander: TestUser;
  workspaceA: Target;
  /** The outsider's own workspace, where the outsider is owner. */
  workspaceB: Target;
}

let fixture: Fixture;

beforeAll(async () => {
  const [owner, admin, member, outsider, bystander] = await Promise.all(
    ["owner", "admin", "member", "outsider", "bystander"].map((label) =>
      signUpUser(stack, uniqueEmail(`matrix-${label}`)),
    ),
  );
  if (!owner || !admin || !member || !outsider || !bystander)
    throw new Error("sign-up returned too few users");

  const orgA = await createWorkspace(owner, "Matrix A", `matrix-a-${suffix()}`);
  await addMember(stack, orgA.id, admin, "admin");
  await addMember(stack, orgA.id, member, "member");
  const orgB = await createWorkspace(outsider, "Matrix B", `matrix-b-${suffix()}`);

  fixture = {
    users: { owner, admin, member, outsider },
    bystander,
    workspaceA: await describeTarget("workspace A", orgA, [
      { user: owner, role: "owner" },
      { user: admin, role: "admin" },
      { user: member, role: "member" },
    ]),
    workspaceB: await describeTarget("its own workspace B", orgB, [
      { user: outsider, role: "owner" },
    ]),
  };
});

async function describeTarget(
  label: string,
  org: { id: string; slug: string },
  members: Member[],
): Promise<Target> {
  const owner = members.find((m) => m.role === "owner")?.user;
  if (!owner) throw new Error(`${label} has no owner`);
  return {
    label,
    workspaceId: org.id,
    slug: org.slug,
    owner,
    projectId: await arrangeProject(org.id, owner),
    ownerMembershipId: await membershipId(org.id, owner.id),
    members,
  };
}

/**
 * Runs a request that arranges data (`.select("id").single()`) and returns the row's id.
 * It throws if the request failed: a broken arrangement errors the test, it never lets a cell pass.
 */
async function arrangeId(
  what: string,
  request: PromiseLike<{ data: unknown; error: { message: string } | null }>,
): Promise<string> {
  const { data, error } = await request;
  const id = (data as { id?: unknown } | null)?.id;
  if (error || typeof id !== "string")
    throw new Error(`arrange ${what}: ${error?.message ?? "no row"}`);
  return id;
}

/**
 * Projects are arranged by the workspace owner through the API, not by the service
 * client: on Supabase Lite the service_role has no USAGE on schema auth, so the
 * guard_tenant_row() trigger (which calls auth.uid()) fails for it with "permission
 * denied for schema auth" (hosted Supabase grants it). A failed arrangement throws;
 * it can never make a cell pass.
 */
async function arrangeProject(workspaceId: string, owner: TestUser): Promise<string> {
  return arrangeId(
    "project",
    owner.client
      .from("projects")
      .insert({ organization_id: workspaceId, name: `Project ${suffix()}` })
      .select("id")
      .single(),
  );
}

async function membershipId(workspaceId: string, userId: string): Promise<string> {
  return arrangeId(
    "membership lookup",
    service
      .from("organization_members")
      .select("id")
      .eq("organization_id", workspaceId)
      .eq("user_id", userId)
      .single(),
  );
}

/**
 * A new workspace with the same members and roles as `target`, for a cell that
 * deletes or modifies it, so no cell depends on what another cell did.
 * With `bystander`, the bystander is also a plain member (the subject of membership updates/deletes).
 */
async function rowExists(
  table: Table,
  column: string,
  value: string,
  extra: Record<string, string> = {},
): Promise<boolean> {
  let query = service.from(table).select("id").eq(column, value);
  for (const [key, val] of Object.entries(extra)) query = query.eq(key, val);
  const { data, error } = await query;
  if (error) throw new Error(`observe ${table}: ${error.message}`);
  return data.length > 0;
}

async function readColumn(table: Table, id: string, column: string): Promise<unknown> {
  const { data, error } = await service.from(table).select(column).eq("id", id).maybeSingle();
  if (error) throw new Error(`observe ${table}: ${error.message}`);
  return data ? (data as unknown as Record<string, unknown>)[column] : undefined;
}

/** A select is allowed when the row comes back; an empty result or an error is a denial. */
// ---------------------------------------------------------------------------
// Specific attacks and RPC contracts
// ---------------------------------------------------------------------------

describe("isolation details", () => {
  it("the outsider can neither list nor count workspace A's projects", async () => {
    const outsider = fixture.users.outsider.client;
    const a = fixture.workspaceA.workspaceId;

    const listed = await outsider.from("projects").select("id, organization_id");
    expect(listed.error).toBeNull();
    expect(listed.data?.filter((p) => p.organization_id === a)).toEqual([]);

    // head + count: a leak of how many rows exist would show here even with no row returned.
    const counted = await outsider
      .from("projects")
      .select("*", { count: "exact", head: true })
      .eq("organization_id", a);
    expect(counted.error).toBeNull();
    expect(counted.count).toBe(0);

    // The unfiltered count is exactly the projects of the outsider's own workspaces.
    const memberships = await service
      .from("organization_members")
      .select("organization_id")
      .eq("user_id", fixture.users.outsider.id);
    const ownWorkspaces = (memberships.data ?? []).map((m) => m.organization_id as string);
    const ownCount = await service
      .from("projects")
      .select("*", { count: "exact", head: true })
      .in("organization_id", ownWorkspaces);
    const visibleCount = await outsider
      .from("projects")
      .select("*", { count: "exact", head: true });
    expect(visibleCount.count).toBe(ownCount.count);
    expect(ownCount.count).toBeGreaterThan(0);
  });

  it("filtering by workspace A's organization_id as the outsider returns nothing", async () => {
    const outsider = fixture.users.outsider.client;
    const a = fixture.workspaceA.workspaceId;
    for (const table of ["projects", "organization_members"] as const) {
      const { data, error } = await outsider.from(table).select("*").eq("organization_id", a);
      expect(error, table).toBeNull();
      expect(data, table).toEqual([]);
    }
    const { data, error } = await outsider.from("organizations").select("*").eq("id", a);
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });

  it("an owner of two workspaces cannot move a project from one to the other", async () => {
    // Own pair of workspaces, so the cells above keep their membership layout.
    const dualOwner = await signUpUser(stack, uniqueEmail("matrix-dual"));
    const from = await createWorkspace(dualOwner, "Dual From", `matrix-from-${suffix()}`);
    const to = await createWorkspace(dualOwner, "Dual To", `matrix-to-${suffix()}`);
    const projectId = await arrangeProject(from.id, dualOwner);

    const response = await dualOwner.client
      .from("projects")
      .update({ organization_id: to.id })
      .eq("id", projectId);
    // Lite: the guard trigger's organization_id_immutable; hosted: no update grant on the column.
    expect(response.error?.code, "moving a project should be refused").toBe("42501");
    expect(await readColumn("projects", projectId, "organization_id")).toBe(from.id);
  });

  it("created_by sent by the client is ignored: the row is created by the caller", async () => {
    const { member, owner } = fixture.users;
    const name = `Forged ${suffix()}`;
    const response = await member.client
      .from("projects")
      .insert({ organization_id: fixture.workspaceA.workspaceId, name, created_by: owner.id });
    const { data: rows } = await service.from("projects").select("created_by").eq("name", name);
    if (response.error) {
      // Hosted Supabase refuses the whole insert (no insert grant on created_by): nothing may exist.
      expect(response.error.code).toBe("42501");
      expect(rows).toEqual([]);
    } else {
      // Supabase Lite ignores column grants; guard_tenant_row() overwrites created_by.
      expect(rows).toEqual([{ created_by: member.id }]);
    }
  });

  it("created_by cannot be rewritten by an update, even by the owner", async () => {
    const { owner, admin } = fixture.users;
    const projectId = await arrangeProject(fixture.workspaceA.workspaceId, admin);
    const response = await owner.client
      .from("projects")
      .update({ created_by: owner.id })
      .eq("id", projectId);
    // Lite: guard_tenant_row() raises created_by_immutable; hosted: no update grant on the column.
    expect(response.error?.code).toBe("42501");
    expect(await readColumn("projects", projectId, "created_by")).toBe(admin.id);
  });

  it("a member cannot promote themselves to owner", async () => {
    const { member } = fixture.users;
    const own = await membershipId(fixture.workspaceA.workspaceId, member.id);
    await member.client.from("organization_members").update({ role: "owner" }).eq("id", own);
    expect(await readColumn("organization_members", own, "role")).toBe("member");
  });

  it("the outsider cannot add themselves to workspace A", async () => {
    const { outsider } = fixture.users;
    const a = fixture.workspaceA.workspaceId;
    await outsider.client
      .from("organization_members")
      .insert({ organization_id: a, user_id: outsider.id, role: "member" });
    expect(
      await rowExists("organization_members", "organization_id", a, { user_id: outsider.id }),
    ).toBe(false);
    const { data } = await outsider.client
      .from("projects")
      .select("id")
      .eq("id", fixture.workspaceA.projectId);
    expect(data).toEqual([]);
  });
});

describe("create_organization contract", () => {
  it("refuses anon, and creates nothing", async () => {
    const slug = `matrix-anon-${suffix()}`;
    const { data, error } = await anonClient(stack).rpc("create_organization", {
      name: "Anon",
      slug,
    });
    expect(data).toBeNull();
    // Hosted: execute is not granted to anon (42501 permission denied); if it ever is, the function says not_authenticated.
    expect(error?.code).toBe("42501");
    expect(await rowExists("organizations", "slug", slug)).toBe(false);
  });

  it.each([
    {
      problem: "a taken slug",
      name: "Taken",
      slug: () => fixture.workspaceA.slug,
      message: "slug_taken",
      code: "23505",
    },
    {
      problem: "a slug with a space and capitals",
      name: "Bad",
      slug: () => "Bad Slug",
      message: "invalid_slug",
      code: "22023",
    },
    {
      problem: "an empty name",
      name: "",
      slug: () => `matrix-empty-${suffix()}`,
      message: "invalid_name",
      code: "22023",
    },
  ])("answers $message for $problem", async ({ name, slug, message, code }) => {
    const { outsider } = fixture.users;
    const { data, error } = await outsider.client.rpc("create_organization", {
      name,
      slug: slug(),
    });
    expect(data).toBeNull();
    expect(error).toMatchObject({ message, code });
  });

  it("makes the caller owner, visible through the caller's own client", async () => {
    const creator = await signUpUser(stack, uniqueEmail("matrix-creator"));
    const slug = `matrix-own-${suffix()}`;
    const org = await createWorkspace(creator, "Mine", slug);
    expect(org.slug).toBe(slug);

    const { data, error } = await creator.client
      .from("organization_members")
      .select("organization_id, user_id, role")
      .eq("organization_id", org.id);
    expect(error).toBeNull();
    expect(data).toEqual([{ organization_id: org.id, user_id: creator.id, role: "owner" }]);

    const { data: readBack } = await creator.client
      .from("organizations")
      .select("slug")
      .eq("id", org.id);
    expect(readBack).toEqual([{ slug }]);
  });
});
