/**
 * Workspace slugs through the real HTTP API: reserved words are refused on every
 * path (the create RPC and a direct PATCH), and a slug a workspace renamed away
 * from stays its own for a while, so nobody else can take over its old links.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { RESERVED_SLUGS } from "@/lib/workspaces/validation";
import {
  createTeam,
  createWorkspace,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

const slugOf = async (orgId: string) =>
  (
    await runSql<{ slug: string }>(
      stack,
      `select slug from public.organizations where id = ${literal(orgId)}`,
    )
  )[0]?.slug;

const workspacesWithSlug = async (slug: string) =>
  runSql<{ id: string }>(
    stack,
    `select id from public.organizations where slug = ${literal(slug)}`,
  );

const freshSlug = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

describe("reserved slugs", () => {
  let team: TestTeam;
  let founder: TestUser;
  beforeAll(async () => {
    team = await createTeam(stack, "reserved");
    founder = await signUpUser(stack, uniqueEmail("reserved-founder"));
  });

  it("the app's list is the database's list", async () => {
    const [row] = await runSql<{ slugs: string[] }>(
      stack,
      "select private.reserved_slugs() as slugs",
    );
    expect([...RESERVED_SLUGS].sort()).toEqual([...row!.slugs].sort());
  });

  // Words the form refuses but the API used to accept.
  const attempted = ["new", "api", "admin", "settings", "onboarding", "www", "null", "sign-in"];

  it.each(attempted)("create_organization refuses %s", async (slug) => {
    const { data, error } = await founder.client.rpc("create_organization", {
      name: "Squatter",
      slug,
    });
    expect(data).toBeNull();
    expect(error?.message).toBe("slug_reserved");
    expect(await workspacesWithSlug(slug)).toEqual([]);
  });

  it.each(attempted)("an admin's PATCH to %s is refused", async (slug) => {
    const before = await slugOf(team.orgId);
    const { error } = await team.admin.client
      .from("organizations")
      .update({ slug })
      .eq("id", team.orgId);
    expect(error?.message).toBe("slug_reserved");
    expect(await slugOf(team.orgId)).toBe(before);
  });
});

describe("a renamed workspace's old slug is held for it", () => {
  it("another account cannot claim it, by creating or renaming; the original workspace takes it back", async () => {
    const victim = await createTeam(stack, "held");
    const attacker = await signUpUser(stack, uniqueEmail("hijacker"));
    const attackerOrg = await createWorkspace(attacker, "Hijacker", freshSlug("hijacker"));
    const original = (await slugOf(victim.orgId))!;

    const renamed = await victim.admin.client
      .from("organizations")
      .update({ slug: freshSlug("held-new") })
      .eq("id", victim.orgId);
    expect(renamed.error).toBeNull();

    const created = await attacker.client.rpc("create_organization", {
      name: "Hijack",
      slug: original,
    });
    expect(created.error?.message).toBe("slug_taken");
    const moved = await attacker.client
      .from("organizations")
      .update({ slug: original })
      .eq("id", attackerOrg.id);
    expect(moved.error?.message).toBe("slug_taken");
    expect(await workspacesWithSlug(original)).toEqual([]);

    const back = await victim.owner.client
      .from("organizations")
      .update({ slug: original })
      .eq("id", victim.orgId);
    expect(back.error).toBeNull();
    expect(await slugOf(victim.orgId)).toBe(original);
  });

  it("once the hold has passed, the slug is free again", async () => {
    const previous = await createTeam(stack, "expired");
    const claimant = await signUpUser(stack, uniqueEmail("claimant"));
    const original = (await slugOf(previous.orgId))!;
    await previous.owner.client
      .from("organizations")
      .update({ slug: freshSlug("expired-new") })
      .eq("id", previous.orgId);
    await runSql(
      stack,
      `update platform.organization_slug_history set released_at = now() - interval '31 days'
       where slug = ${literal(original)}`,
    );
    const { data, error } = await claimant.client.rpc("create_organization", {
      name: "Claimant",
      slug: original,
    });
    expect(error).toBeNull();
    expect(data?.slug).toBe(original);
  });
});
