/**
 * Teams through the real HTTP API, as real users: invitations, role changes,
 * removal, leaving, ownership transfer and last-owner protection. Every refusal
 * is checked twice: the API answers with the expected code, and the database
 * (read with superuser SQL) is unchanged.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createTeam,
  type TestTeam,
  anonClient,
  createWorkspace,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestUser,
} from "../support/clients";
import { connect } from "../support/postgres-server";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");
const databaseUrl = inject("databaseUrl");

const makeTeam = (label: string) => createTeam(stack, label);

const roleOf = async (orgId: string, userId: string) =>
  (
    await runSql<{ role: string }>(
      stack,
      `select role from public.organization_members where organization_id = ${literal(orgId)} and user_id = ${literal(userId)}`,
    )
  )[0]?.role ?? null;

const invitationRows = (orgId: string) =>
  runSql<{
    id: string;
    email: string;
    role: string;
    revoked_at: string | null;
    accepted_at: string | null;
  }>(
    stack,
    `select id, email, role, revoked_at, accepted_at from public.invitations where organization_id = ${literal(orgId)}`,
  );

async function invite(by: TestUser, orgId: string, email: string, role = "member") {
  const { data, error } = await by.client.rpc("invite_member", { org: orgId, email, role });
  if (error) throw new Error(`invite_member: ${error.message}`);
  return data as { invitation_id: string; token: string; expires_at: string };
}

describe("invitations", () => {
  let acme: TestTeam;
  let bob: TestUser; // owner of another workspace
  let dave: TestUser;

  beforeAll(async () => {
    acme = await makeTeam("acme");
    bob = await signUpUser(stack, uniqueEmail("bob"));
    await createWorkspace(bob, "Bob Co", `bob-${Date.now().toString(36)}`);
    dave = await signUpUser(stack, uniqueEmail("dave"));
  });

  it("stores only a SHA-256 hash of the token, with inviter, role and a 7-day expiry", async () => {
    const { token, invitation_id } = await invite(
      acme.owner,
      acme.orgId,
      uniqueEmail("hash"),
      "admin",
    );
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await runSql<{
      token_hash: string;
      invited_by: string;
      role: string;
      days: number;
    }>(
      stack,
      `select token_hash, invited_by, role, extract(epoch from expires_at - created_at) / 86400 as days
       from public.invitations where id = ${literal(invitation_id)}`,
    );
    expect(row?.token_hash).not.toBe(token);
    const [{ hash }] = (await runSql<{ hash: string }>(
      stack,
      `select encode(sha256(convert_to(${literal(token)}, 'UTF8')), 'hex') as hash`,
    )) as [{ hash: string }];
    expect(row?.token_hash).toBe(hash);
    expect(row?.invited_by).toBe(acme.owner.id);
    expect(row?.role).toBe("admin");
    expect(Math.round(Number(row?.days))).toBe(7);
  });

  it("re-inviting the same email refreshes the pending invitation instead of adding one", async () => {
    const email = uniqueEmail("again");
    const first = await invite(acme.owner, acme.orgId, email);
    const second = await invite(acme.admin, acme.orgId, email.toUpperCase(), "admin");
    expect(second.invitation_id).toBe(first.invitation_id);
    expect(second.token).not.toBe(first.token);
    const rows = (await invitationRows(acme.orgId)).filter((row) => row.email === email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe("admin");
    // The old token is dead.
    const invitee = await signUpUser(stack, email);
    const { error } = await invitee.client.rpc("accept_invitation", { token: first.token });
    expect(error?.message).toBe("invitation_not_found");
  });

  it("owners and admins see pending invitations; members, outsiders and anon see none", async () => {
    await invite(acme.owner, acme.orgId, uniqueEmail("listed"));
    const count = async (client: TestUser["client"]) =>
      (await client.from("invitations").select("id").eq("organization_id", acme.orgId)).data
        ?.length ?? 0;
    expect(await count(acme.owner.client)).toBeGreaterThan(0);
    expect(await count(acme.admin.client)).toBeGreaterThan(0);
    expect(await count(acme.member.client)).toBe(0);
    expect(await count(bob.client)).toBe(0);
    expect(await count(anonClient(stack))).toBe(0);
  });

  it("the stored hash is useless as a token: accepting with it fails", async () => {
    const invitee = await signUpUser(stack, uniqueEmail("hash-use"));
    const { invitation_id } = await invite(acme.owner, acme.orgId, invitee.email);
    const [row] = await runSql<{ token_hash: string }>(
      stack,
      `select token_hash from public.invitations where id = ${literal(invitation_id)}`,
    );
    const { error } = await invitee.client.rpc("accept_invitation", { token: row!.token_hash });
    expect(error?.message).toBe("invitation_not_found");
    expect(await roleOf(acme.orgId, invitee.id)).toBeNull();
  });

  it("members cannot invite; admins cannot invite owners; outsiders and anon cannot invite", async () => {
    const before = (await invitationRows(acme.orgId)).length;
    const attempts = [
      { who: acme.member.client, role: "member", code: "not_allowed" },
      { who: acme.admin.client, role: "owner", code: "not_allowed" },
      { who: bob.client, role: "member", code: "not_allowed" },
    ];
    for (const attempt of attempts) {
      const { error } = await attempt.who.rpc("invite_member", {
        org: acme.orgId,
        email: uniqueEmail("nope"),
        role: attempt.role,
      });
      expect(error?.message).toBe(attempt.code);
    }
    const { error: anonError } = await anonClient(stack).rpc("invite_member", {
      org: acme.orgId,
      email: uniqueEmail("anon"),
      role: "member",
    });
    expect(anonError).not.toBeNull();
    expect((await invitationRows(acme.orgId)).length).toBe(before);
    // An owner may invite an owner.
    await expect(
      invite(acme.owner, acme.orgId, uniqueEmail("co-owner"), "owner"),
    ).resolves.toBeTruthy();
  });

  it("refuses invalid emails, roles and people who are already members", async () => {
    for (const [email, role, code] of [
      ["not-an-email", "member", "invalid_email"],
      [uniqueEmail("x"), "superuser", "invalid_role"],
      [acme.member.email, "member", "already_member"],
    ] as const) {
      const { error } = await acme.owner.client.rpc("invite_member", {
        org: acme.orgId,
        email,
        role,
      });
      expect(error?.message).toBe(code);
    }
  });

  it("only the workspace's owners and admins can revoke; revoked and used tokens fail", async () => {
    const email = dave.email;
    const { token, invitation_id } = await invite(acme.admin, acme.orgId, email);
    for (const who of [bob, acme.member]) {
      const { error } = await who.client.rpc("revoke_invitation", {
        org: acme.orgId,
        invitation_id,
      });
      expect(error?.message).toBe("invitation_not_found");
    }
    expect(
      (await invitationRows(acme.orgId)).find((row) => row.id === invitation_id)?.revoked_at,
    ).toBeNull();

    const { error } = await acme.admin.client.rpc("revoke_invitation", {
      org: acme.orgId,
      invitation_id,
    });
    expect(error).toBeNull();
    const accepted = await dave.client.rpc("accept_invitation", { token });
    expect(accepted.error?.message).toBe("invitation_revoked");
    expect(await roleOf(acme.orgId, dave.id)).toBeNull();
  });

  it("a token addressed to dave cannot be accepted by bob, but dave can accept it once", async () => {
    const { token } = await invite(acme.owner, acme.orgId, dave.email, "admin");
    const stolen = await bob.client.rpc("accept_invitation", { token });
    expect(stolen.error?.message).toBe("wrong_account");
    expect(await roleOf(acme.orgId, bob.id)).toBeNull();

    const preview = await bob.client.rpc("get_invitation", { token });
    expect(preview.data).toMatchObject({ email_matches: false, status: "pending" });
    expect((preview.data as { email: string }).email).not.toBe(dave.email);

    const { data, error } = await dave.client.rpc("accept_invitation", { token });
    expect(error).toBeNull();
    expect(data).toMatchObject({ organization_id: acme.orgId });
    expect(await roleOf(acme.orgId, dave.id)).toBe("admin");

    const again = await dave.client.rpc("accept_invitation", { token });
    expect(again.error?.message).toBe("invitation_used");
  });

  // Hosted projects confirm emails; the local stack signs people up confirmed, so the
  // unconfirmed state is arranged in SQL: an address someone typed but does not own.
  it("an account whose email is not confirmed cannot accept, even with the invited address", async () => {
    const squatter = await signUpUser(stack, uniqueEmail("unconfirmed"));
    const { token } = await invite(acme.owner, acme.orgId, squatter.email);
    await runSql(
      stack,
      `update auth.users set email_confirmed_at = null where id = ${literal(squatter.id)}`,
    );
    const refused = await squatter.client.rpc("accept_invitation", { token });
    expect(refused.error?.message).toBe("wrong_account");
    expect(await roleOf(acme.orgId, squatter.id)).toBeNull();

    await runSql(
      stack,
      `update auth.users set email_confirmed_at = now() where id = ${literal(squatter.id)}`,
    );
    const accepted = await squatter.client.rpc("accept_invitation", { token });
    expect(accepted.error).toBeNull();
    expect(await roleOf(acme.orgId, squatter.id)).toBe("member");
  });

  it("an expired token fails", async () => {
    const late = await signUpUser(stack, uniqueEmail("late"));
    const { token, invitation_id } = await invite(acme.owner, acme.orgId, late.email);
    await runSql(
      stack,
      `update public.invitations set expires_at = now() - interval '1 minute' where id = ${literal(invitation_id)}`,
    );
    const { error } = await late.client.rpc("accept_invitation", { token });
    expect(error?.message).toBe("invitation_expired");
    expect(await roleOf(acme.orgId, late.id)).toBeNull();
  });

  it("anon may preview (the signed-out invitation page) but not accept, and a made-up token is simply not found", async () => {
    const { token } = await invite(acme.owner, acme.orgId, uniqueEmail("anon-target"));
    const preview = await anonClient(stack).rpc("get_invitation", { token });
    expect(preview.error).toBeNull();
    const accept = await anonClient(stack).rpc("accept_invitation", { token });
    expect(accept.error).not.toBeNull();
    const unknown = await anonClient(stack).rpc("get_invitation", { token: "0".repeat(64) });
    expect(unknown.error?.message).toBe("invitation_not_found");
    const { error } = await dave.client.rpc("accept_invitation", { token: "0".repeat(64) });
    expect(error?.message).toBe("invitation_not_found");
  });
});

describe("members and roles", () => {
  it("a member cannot change roles or remove anyone", async () => {
    const team = await makeTeam("m");
    const change = await team.member.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.admin.id,
      role: "member",
    });
    expect(change.error?.message).toBe("not_allowed");
    const remove = await team.member.client.rpc("remove_member", {
      org: team.orgId,
      member_id: team.admin.id,
    });
    expect(remove.error?.message).toBe("member_not_found");
    expect(await roleOf(team.orgId, team.admin.id)).toBe("admin");
  });

  it("an admin manages members and admins but cannot make or unmake owners", async () => {
    const team = await makeTeam("a");
    const promote = await team.admin.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.member.id,
      role: "owner",
    });
    expect(promote.error?.message).toBe("not_allowed");
    const demoteOwner = await team.admin.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.owner.id,
      role: "member",
    });
    expect(demoteOwner.error?.message).toBe("not_allowed");
    const removeOwner = await team.admin.client.rpc("remove_member", {
      org: team.orgId,
      member_id: team.owner.id,
    });
    expect(removeOwner.error?.message).toBe("not_allowed");
    expect(await roleOf(team.orgId, team.owner.id)).toBe("owner");
    expect(await roleOf(team.orgId, team.member.id)).toBe("member");

    const ok = await team.admin.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.member.id,
      role: "admin",
    });
    expect(ok.error).toBeNull();
    expect(await roleOf(team.orgId, team.member.id)).toBe("admin");
    const removed = await team.admin.client.rpc("remove_member", {
      org: team.orgId,
      member_id: team.member.id,
    });
    expect(removed.error).toBeNull();
    expect(await roleOf(team.orgId, team.member.id)).toBeNull();
  });

  it("users of another workspace cannot touch this one's members", async () => {
    const team = await makeTeam("x");
    const other = await makeTeam("y");
    for (const [fn, args] of [
      ["update_member_role", { org: team.orgId, member_id: team.member.id, role: "owner" }],
      ["remove_member", { org: team.orgId, member_id: team.member.id }],
      ["transfer_ownership", { org: team.orgId, new_owner_id: other.owner.id }],
      ["leave_organization", { org: team.orgId }],
    ] as const) {
      const { error } = await other.owner.client.rpc(fn, args);
      expect(error, fn).not.toBeNull();
    }
    expect(await roleOf(team.orgId, team.member.id)).toBe("member");
    expect(await roleOf(team.orgId, other.owner.id)).toBeNull();
  });

  it("direct REST writes to organization_members are refused for every role", async () => {
    const team = await makeTeam("r");
    const outsider = await signUpUser(stack, uniqueEmail("r-out"));
    for (const user of [team.owner, team.admin, team.member]) {
      const insert = await user.client
        .from("organization_members")
        .insert({ organization_id: team.orgId, user_id: outsider.id, role: "member" });
      expect(insert.error).not.toBeNull();
      const update = await user.client
        .from("organization_members")
        .update({ role: "owner" })
        .eq("organization_id", team.orgId)
        .eq("user_id", user.id)
        .select();
      expect(update.data ?? []).toEqual([]);
      const remove = await user.client
        .from("organization_members")
        .delete()
        .eq("organization_id", team.orgId)
        .eq("user_id", team.member.id)
        .select();
      expect(remove.data ?? []).toEqual([]);
    }
    expect(await roleOf(team.orgId, outsider.id)).toBeNull();
    expect(await roleOf(team.orgId, team.admin.id)).toBe("admin");
    expect(await roleOf(team.orgId, team.member.id)).toBe("member");
  });

  it("anyone can leave; the removed or departed user loses access at once", async () => {
    const team = await makeTeam("l");
    const { error } = await team.member.client.rpc("leave_organization", { org: team.orgId });
    expect(error).toBeNull();
    const { data } = await team.member.client
      .from("organizations")
      .select("id")
      .eq("id", team.orgId);
    expect(data).toEqual([]);
  });

  it("ownership transfer: the new owner is owner and the previous one admin, in one call", async () => {
    const team = await makeTeam("t");
    const byAdmin = await team.admin.client.rpc("transfer_ownership", {
      org: team.orgId,
      new_owner_id: team.admin.id,
    });
    expect(byAdmin.error?.message).toBe("not_allowed");
    const { error } = await team.owner.client.rpc("transfer_ownership", {
      org: team.orgId,
      new_owner_id: team.member.id,
    });
    expect(error).toBeNull();
    expect(await roleOf(team.orgId, team.member.id)).toBe("owner");
    expect(await roleOf(team.orgId, team.owner.id)).toBe("admin");
  });
});

describe("last-owner protection, whatever the path", () => {
  it("the last owner cannot leave, be demoted, be removed, or delete their account", async () => {
    const team = await makeTeam("lo");
    const leave = await team.owner.client.rpc("leave_organization", { org: team.orgId });
    expect(leave.error?.message).toBe("last_owner");
    const demote = await team.owner.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.owner.id,
      role: "admin",
    });
    expect(demote.error?.message).toBe("last_owner");
    const remove = await team.owner.client.rpc("remove_member", {
      org: team.orgId,
      member_id: team.owner.id,
    });
    expect(remove.error?.message).toBe("last_owner");
    await expect(
      runSql(stack, `delete from auth.users where id = ${literal(team.owner.id)}`),
    ).rejects.toThrow(/last_owner/);
    expect(await roleOf(team.orgId, team.owner.id)).toBe("owner");
  });

  it("with a second owner, the first may leave", async () => {
    const team = await makeTeam("lo2");
    await team.owner.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.admin.id,
      role: "owner",
    });
    const { error } = await team.owner.client.rpc("leave_organization", { org: team.orgId });
    expect(error).toBeNull();
    expect(await roleOf(team.orgId, team.admin.id)).toBe("owner");
  });

  // Two transactions on two connections: only the PostgreSQL run has them (PGlite
  // serves every request on one connection, one after the other).
  it.skipIf(!databaseUrl)(
    "two owners leaving at the same moment: the second waits for the first and is refused",
    async () => {
      const team = await makeTeam("race");
      const promote = await team.owner.client.rpc("update_member_role", {
        org: team.orgId,
        member_id: team.admin.id,
        role: "owner",
      });
      expect(promote.error).toBeNull();
      // Each connection calls the RPC as the API would: role authenticated, JWT claims.
      const leaveAs = (userId: string) => `
        set local role authenticated;
        select set_config('request.jwt.claim.sub', ${literal(userId)}, true),
               set_config('request.jwt.claims', ${literal(JSON.stringify({ sub: userId, role: "authenticated" }))}, true);
        select public.leave_organization(${literal(team.orgId)});`;
      const first = await connect(databaseUrl!);
      const second = await connect(databaseUrl!);
      try {
        let firstHasLeft!: () => void;
        const firstLeft = new Promise<void>((resolve) => (firstHasLeft = resolve));
        let commitFirst!: () => void;
        const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
        const firstTransaction = first.begin(async (tx) => {
          await tx.unsafe(leaveAs(team.owner.id));
          firstHasLeft();
          await firstMayCommit;
        });
        await firstLeft;
        const secondOutcome = second
          .begin((tx) => tx.unsafe(leaveAs(team.admin.id)))
          .then(
            () => "left",
            (error: Error) => error.message,
          );
        const whileFirstIsOpen = await Promise.race([
          secondOutcome,
          new Promise((resolve) => setTimeout(() => resolve("waiting"), 500)),
        ]);
        commitFirst();
        await firstTransaction;
        expect(whileFirstIsOpen).toBe("waiting");
        expect(await secondOutcome).toBe("last_owner");
      } finally {
        await first.end({ timeout: 1 });
        await second.end({ timeout: 1 });
      }
      expect(await roleOf(team.orgId, team.owner.id)).toBeNull();
      expect(await roleOf(team.orgId, team.admin.id)).toBe("owner");
    },
  );

  it("deleting the workspace removes its owners, members, invitations and projects", async () => {
    const team = await makeTeam("del");
    await invite(team.owner, team.orgId, uniqueEmail("del-inv"));
    await team.owner.client
      .from("projects")
      .insert({ organization_id: team.orgId, name: "Doomed" });
    // Deleting is scheduling (owners only); the purge (the platform) deletes the row.
    const byAdmin = await team.admin.client.rpc("schedule_workspace_deletion", { org: team.orgId });
    expect(byAdmin.error?.message).toBe("not_allowed");
    const scheduled = await team.owner.client.rpc("schedule_workspace_deletion", {
      org: team.orgId,
    });
    expect(scheduled.error).toBeNull();
    const { data, error } = await serviceClient(stack)
      .from("organizations")
      .delete()
      .eq("id", team.orgId)
      .select("id");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    const [left] = await runSql<{ members: number; invitations: number; projects: number }>(
      stack,
      `select (select count(*)::int from public.organization_members where organization_id = ${literal(team.orgId)}) members,
              (select count(*)::int from public.invitations where organization_id = ${literal(team.orgId)}) invitations,
              (select count(*)::int from public.projects where organization_id = ${literal(team.orgId)}) projects`,
    );
    expect(left).toEqual({ members: 0, invitations: 0, projects: 0 });
  });
});

describe("profiles", () => {
  it("users see their own profile and their co-members', nobody else's", async () => {
    const team = await makeTeam("p");
    const stranger = await signUpUser(stack, uniqueEmail("p-stranger"));
    const { data } = await team.member.client.from("profiles").select("id, email");
    const ids = (data ?? []).map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([team.owner.id, team.admin.id, team.member.id]));
    expect(ids).not.toContain(stranger.id);
    const { data: own } = await stranger.client.from("profiles").select("id");
    expect((own ?? []).map((row) => row.id)).toEqual([stranger.id]);
    const { data: anonRows } = await anonClient(stack).from("profiles").select("id");
    expect(anonRows ?? []).toEqual([]);
  });
});
