/**
 * Isolation matrix: each actor tries each verb on each tenant table (and the
 * create_organization RPC) through the real HTTP API, as a real signed-up user.
 * The expected allow/deny is data (`expected` below); one test per cell.
 *
 * "deny" means nothing was read or nothing changed, whatever the API answered.
 * Supabase Lite does not enforce table/column GRANTs (it grants ALL to anon and
 * authenticated at its first request), so a refused write may surface as an RLS
 * error, a trigger error, or a success that touched 0 rows; hosted Supabase may
 * answer "permission denied" instead. So every write is judged by its effect,
 * re-read with the service client, never by the response alone.
 *
 * The service client arranges data and observes effects; it never decides access.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
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

type Actor = "anon" | "outsider" | "member" | "admin" | "owner";
type Verdict = "allow" | "deny";
type Verb = "select" | "insert" | "update" | "delete";
type Table = "organizations" | "organization_members" | "projects";
type Role = "owner" | "admin" | "member";

const ACTORS: Actor[] = ["anon", "outsider", "member", "admin", "owner"];
const VERBS: Verb[] = ["select", "insert", "update", "delete"];
const TABLES: Table[] = ["organizations", "organization_members", "projects"];

/** anon, outsider (owner of another workspace), member, admin, owner: verdict on workspace A's rows. */
const row = (anon: Verdict, outsider: Verdict, member: Verdict, admin: Verdict, owner: Verdict) =>
  ({ anon, outsider, member, admin, owner }) satisfies Record<Actor, Verdict>;

// The policy, as data. Columns: anon, outsider, member, admin, owner.
const expected: Record<Table, Record<Verb, Record<Actor, Verdict>>> = {
  organizations: {
    select: row("deny", "deny", "allow", "allow", "allow"),
    insert: row("deny", "deny", "deny", "deny", "deny"), // only through create_organization()
    update: row("deny", "deny", "deny", "allow", "allow"),
    delete: row("deny", "deny", "deny", "deny", "allow"),
  },
  organization_members: {
    select: row("deny", "deny", "allow", "allow", "allow"),
    // Memberships are written only by security definer RPCs, even for owners.
    insert: row("deny", "deny", "deny", "deny", "deny"),
    update: row("deny", "deny", "deny", "deny", "deny"),
    delete: row("deny", "deny", "deny", "deny", "deny"),
  },
  projects: {
    select: row("deny", "deny", "allow", "allow", "allow"),
    insert: row("deny", "deny", "allow", "allow", "allow"),
    update: row("deny", "deny", "deny", "allow", "allow"),
    delete: row("deny", "deny", "deny", "deny", "allow"),
  },
};

const expectedRpc: Record<"create_organization", Record<Actor, Verdict>> = {
  // Any signed-in user may create a workspace (and becomes its owner); anon may not.
  create_organization: row("deny", "allow", "allow", "allow", "allow"),
};

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
async function freshCopy(target: Target, options: { bystander: boolean }): Promise<string> {
  const id = await arrangeId(
    "workspace",
    service
      .from("organizations")
      .insert({ name: "Matrix copy", slug: `matrix-copy-${suffix()}` })
      .select("id")
      .single(),
  );
  const members = options.bystander
    ? [...target.members, { user: fixture.bystander, role: "member" as const }]
    : target.members;
  for (const { user, role } of members) await addMember(stack, id, user, role);
  return id;
}

function clientFor(actor: Actor): SupabaseClient {
  return actor === "anon" ? anonClient(stack) : fixture.users[actor].client;
}

// ---------------------------------------------------------------------------
// Attempts: each does the operation as the actor, then observes its effect.
// ---------------------------------------------------------------------------

interface Observation {
  /** What actually happened: the row was read / the change is in the database. */
  effect: boolean;
  /** The API response, for the failure message. */
  response: {
    error: { code?: string; message: string } | null;
    data?: unknown;
    count?: number | null;
  };
}

type Attempt = (client: SupabaseClient, target: Target) => Promise<Observation>;

const summarize = (response: Observation["response"]) =>
  JSON.stringify({
    error: response.error && { code: response.error.code, message: response.error.message },
    data: response.data,
  });

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
async function selectById(client: SupabaseClient, table: Table, id: string): Promise<Observation> {
  const response = await client.from(table).select("id").eq("id", id);
  const effect = !response.error && (response.data ?? []).some((r: { id: string }) => r.id === id);
  return { effect, response };
}

const attempts: Record<Table, Record<Verb, Attempt>> = {
  organizations: {
    select: (client, target) => selectById(client, "organizations", target.workspaceId),
    insert: async (client) => {
      const slug = `matrix-direct-${suffix()}`;
      const response = await client.from("organizations").insert({ name: "Direct insert", slug });
      return { effect: await rowExists("organizations", "slug", slug), response };
    },
    update: async (client, target) => {
      const id = await freshCopy(target, { bystander: false });
      const name = `Renamed ${suffix()}`;
      const response = await client.from("organizations").update({ name }).eq("id", id);
      return { effect: (await readColumn("organizations", id, "name")) === name, response };
    },
    delete: async (client, target) => {
      const id = await freshCopy(target, { bystander: false });
      const response = await client.from("organizations").delete().eq("id", id);
      return { effect: !(await rowExists("organizations", "id", id)), response };
    },
  },
  organization_members: {
    select: (client, target) =>
      selectById(client, "organization_members", target.ownerMembershipId),
    insert: async (client, target) => {
      // Making someone an owner is the most valuable membership write an attacker could get.
      const id = await freshCopy(target, { bystander: false });
      const response = await client
        .from("organization_members")
        .insert({ organization_id: id, user_id: fixture.bystander.id, role: "owner" });
      return {
        effect: await rowExists("organization_members", "organization_id", id, {
          user_id: fixture.bystander.id,
        }),
        response,
      };
    },
    update: async (client, target) => {
      const id = await freshCopy(target, { bystander: true });
      const bystanderMembership = await membershipId(id, fixture.bystander.id);
      const response = await client
        .from("organization_members")
        .update({ role: "owner" })
        .eq("id", bystanderMembership);
      return {
        effect: (await readColumn("organization_members", bystanderMembership, "role")) === "owner",
        response,
      };
    },
    delete: async (client, target) => {
      const id = await freshCopy(target, { bystander: true });
      const bystanderMembership = await membershipId(id, fixture.bystander.id);
      const response = await client
        .from("organization_members")
        .delete()
        .eq("id", bystanderMembership);
      return {
        effect: !(await rowExists("organization_members", "id", bystanderMembership)),
        response,
      };
    },
  },
  projects: {
    select: (client, target) => selectById(client, "projects", target.projectId),
    insert: async (client, target) => {
      const name = `Inserted ${suffix()}`;
      const response = await client
        .from("projects")
        .insert({ organization_id: target.workspaceId, name });
      return {
        effect: await rowExists("projects", "name", name, { organization_id: target.workspaceId }),
        response,
      };
    },
    update: async (client, target) => {
      const id = await arrangeProject(target.workspaceId, target.owner);
      const name = `Renamed ${suffix()}`;
      const response = await client.from("projects").update({ name }).eq("id", id);
      return { effect: (await readColumn("projects", id, "name")) === name, response };
    },
    delete: async (client, target) => {
      const id = await arrangeProject(target.workspaceId, target.owner);
      const response = await client.from("projects").delete().eq("id", id);
      return { effect: !(await rowExists("projects", "id", id)), response };
    },
  },
};

/**
 * Turns an observation into a verdict. A change that happened while the API
 * reported an error is its own verdict, which matches no expectation.
 */
function verdictOf({
  effect,
  response,
}: Observation): Verdict | "allow, but the API reported an error" {
  if (!effect) return "deny";
  return response.error ? "allow, but the API reported an error" : "allow";
}

// ---------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------

interface Cell {
  table: Table;
  verb: Verb;
  actor: Actor;
  on: "workspace A" | "its own workspace B";
  expect: Verdict;
}

const cells: Cell[] = TABLES.flatMap((table) =>
  VERBS.flatMap((verb) => [
    ...ACTORS.map((actor): Cell => ({
      table,
      verb,
      actor,
      on: "workspace A",
      expect: expected[table][verb][actor],
    })),
    // Control: the outsider is a working user, it is denied in A for not being a member.
    // In its own workspace it gets exactly what A's owner gets in A.
    ...(table === "organizations" && verb === "insert"
      ? [] // does not target a workspace: the same request as the workspace A cell
      : [
          {
            table,
            verb,
            actor: "outsider",
            on: "its own workspace B",
            expect: expected[table][verb].owner,
          } satisfies Cell,
        ]),
  ]),
);

describe("RLS matrix: tables", () => {
  it.each(cells)("$table $verb by $actor on $on: $expect", async (cell) => {
    const target = cell.on === "workspace A" ? fixture.workspaceA : fixture.workspaceB;
    const observation = await attempts[cell.table][cell.verb](clientFor(cell.actor), target);
    expect(
      verdictOf(observation),
      `${cell.actor} ${cell.verb} on ${cell.table} of ${cell.on}; API said ${summarize(observation.response)}`,
    ).toBe(cell.expect);
  });
});

describe("RLS matrix: create_organization", () => {
  it.each(ACTORS.map((actor) => ({ actor, expect: expectedRpc.create_organization[actor] })))(
    "create_organization by $actor: $expect",
    async ({ actor, expect: verdict }) => {
      const slug = `matrix-rpc-${suffix()}`;
      const response = await clientFor(actor).rpc("create_organization", { name: "Via RPC", slug });
      const observation = { effect: await rowExists("organizations", "slug", slug), response };
      expect(
        verdictOf(observation),
        `create_organization by ${actor}; API said ${summarize(response)}`,
      ).toBe(verdict);
    },
  );
});

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
