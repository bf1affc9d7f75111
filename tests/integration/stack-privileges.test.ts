/**
 * A stack started exactly the way `npm run dev` and `db:start` start theirs
 * (scripts/stack/local-stack.ts, no harness around it) enforces the privileges the
 * migrations wrote, as hosted Supabase does: Supabase Lite's first-request "grant all"
 * is taken back by the stack itself. And where a grant slips anyway, the tenant guard
 * keeps `id` and `created_at` server-side.
 *
 * This file starts its own stack (on the engine of the run), because the shared one
 * is what it checks the harness no longer has to fix.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createTeam,
  createWorkspace,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { createTestDatabase, type TestDatabase } from "../support/postgres-server";
import { grantEverything } from "../support/api-grants";
import { literal, runSql } from "../support/sql";
import { startTestStack, type TestStackInfo } from "../support/test-stack";

const driver = inject("stack").driver;
const PINNED = "2099-01-01T00:00:00+00:00";

let stack: TestStackInfo;
let stopStack: () => Promise<void>;
let database: TestDatabase | undefined;
let acme: TestTeam;
let outsider: TestUser;
let outsiderOrgId: string;
let acmeProjectId: string;

beforeAll(async () => {
  if (driver === "postgres") database = await createTestDatabase();
  const started = await startTestStack({ driver, dbUrl: database?.url });
  stack = started.info;
  stopStack = started.stop;
  acme = await createTeam(stack, "acme");
  outsider = await signUpUser(stack, uniqueEmail("outsider"));
  outsiderOrgId = (
    await createWorkspace(outsider, "Outsider", `outsider-${randomUUID().slice(0, 8)}`)
  ).id;
  const { data, error } = await acme.member.client
    .from("projects")
    .insert({ organization_id: acme.orgId, name: "Roadmap" })
    .select("id")
    .single();
  if (error) throw new Error(error.message);
  acmeProjectId = data.id;
  const invite = await acme.owner.client.rpc("invite_member", {
    org: acme.orgId,
    email: uniqueEmail("invitee"),
    role: "member",
  });
  if (invite.error) throw new Error(invite.error.message);
}, 180_000);

afterAll(async () => {
  await stopStack?.();
  await database?.drop();
});

const createdAtOf = async (projectId: string) =>
  (
    await runSql<{ created_at: string }>(
      stack,
      `select created_at::text as created_at from public.projects where id = ${literal(projectId)}`,
    )
  )[0]?.created_at;

/** What an outsider learns by choosing an id with `resolution=ignore-duplicates`. */
async function probeId(id: string) {
  const response = await fetch(`${stack.url}/rest/v1/projects?on_conflict=id&select=id`, {
    method: "POST",
    headers: {
      apikey: stack.publishableKey,
      authorization: `Bearer ${outsider.accessToken}`,
      "content-type": "application/json",
      prefer: "resolution=ignore-duplicates,return=representation",
    },
    body: JSON.stringify({ id, organization_id: outsiderOrgId, name: "probe" }),
  });
  const body = (await response.json()) as Array<{ id: string }> | { code: string };
  return {
    status: response.status,
    returnedIds: Array.isArray(body) ? body.map((row) => row.id) : null,
  };
}

/** The checks, run once with the stack's own privileges and once with everything granted. */
function tenantRowsStayServerSide() {
  it("a member cannot pin a new project on top by sending created_at", async () => {
    const { data } = await acme.member.client
      .from("projects")
      .insert({ organization_id: acme.orgId, name: "Pinned", created_at: PINNED } as never)
      .select("id");
    for (const row of data ?? []) expect(await createdAtOf(row.id)).not.toMatch(/^2099/);
  });

  it("an admin's PATCH of created_at has no effect", async () => {
    const before = await createdAtOf(acmeProjectId);
    await acme.admin.client
      .from("projects")
      .update({ created_at: PINNED } as never)
      .eq("id", acmeProjectId);
    expect(await createdAtOf(acmeProjectId)).toBe(before);
  });

  it("an outsider cannot tell from an insert whether an id exists in another workspace", async () => {
    const existing = await probeId(acmeProjectId);
    const unknown = await probeId(randomUUID());
    expect(existing.status).toBe(unknown.status);
    expect(existing.returnedIds?.length ?? null).toBe(unknown.returnedIds?.length ?? null);
    // Whatever happened, the id the outsider chose did not become theirs.
    expect(existing.returnedIds ?? []).not.toContain(acmeProjectId);
    const owner = await runSql<{ organization_id: string }>(
      stack,
      `select organization_id from public.projects where id = ${literal(acmeProjectId)}`,
    );
    expect(owner).toEqual([{ organization_id: acme.orgId }]);
  });
}

describe("a stack started the way npm run dev starts it", () => {
  tenantRowsStayServerSide();

  it("an admin cannot read invitations.token_hash", async () => {
    const { data, error } = await acme.admin.client
      .from("invitations")
      .select("id, token_hash")
      .eq("organization_id", acme.orgId);
    expect(data).toBeNull();
    expect(error?.code).toBe("42501");
  });
});

describe("with every privilege granted (a grant slip), the tenant guard", () => {
  beforeAll(async () => {
    await grantEverything((sql) => runSql(stack, sql));
  });

  tenantRowsStayServerSide();
});
