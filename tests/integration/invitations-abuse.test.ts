/**
 * Invitations and the team as an attacker uses them (issue 10): ids of another
 * workspace passed through this workspace's forms, invitations that outlive the
 * inviter's role, an admin cancelling an owner's invitation, invitations as a
 * spam relay, an account email changed to the invited address, and display
 * names that impersonate someone else. Every refusal is checked in the database
 * too (superuser SQL), never only by the API's answer.
 */
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import {
  createTeam,
  createWorkspace,
  setPlan,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";
import { caughtEmails } from "../../scripts/stack/mail-api";

const stack = inject("stack");

const roleOf = async (orgId: string, userId: string) =>
  (
    await runSql<{ role: string }>(
      stack,
      `select role from public.organization_members where organization_id = ${literal(orgId)} and user_id = ${literal(userId)}`,
    )
  )[0]?.role ?? null;

const invitationRow = async (id: string) =>
  (
    await runSql<{ role: string; revoked_at: string | null; invited_by: string | null }>(
      stack,
      `select role, revoked_at, invited_by from public.invitations where id = ${literal(id)}`,
    )
  )[0];

async function invite(by: TestUser, orgId: string, email: string, role = "member") {
  const { data, error } = await by.client.rpc("invite_member", { org: orgId, email, role });
  if (error) throw new Error(`invite_member: ${error.message}`);
  return data as { invitation_id: string; token: string; expires_at: string };
}

describe("ids are scoped to the workspace of the page", () => {
  let acme: TestTeam;
  let globexId: string;

  beforeAll(async () => {
    acme = await createTeam(stack, "scope");
    // acme's owner owns globex too: the case where only the page's workspace tells them apart.
    globexId = (await createWorkspace(acme.owner, "Globex", `globex-${Date.now().toString(36)}`))
      .id;
  });

  it("revoking globex's invitation with acme as the workspace changes nothing", async () => {
    const inGlobex = await invite(acme.owner, globexId, uniqueEmail("globex-guest"));
    const inAcme = await invite(acme.owner, acme.orgId, uniqueEmail("acme-guest"));

    const crossed = await acme.owner.client.rpc("revoke_invitation", {
      org: acme.orgId,
      invitation_id: inGlobex.invitation_id,
    });
    expect(crossed.error?.message).toBe("invitation_not_found");
    expect((await invitationRow(inGlobex.invitation_id))?.revoked_at).toBeNull();

    // The same call with the invitation's own workspace does revoke it.
    const own = await acme.owner.client.rpc("revoke_invitation", {
      org: acme.orgId,
      invitation_id: inAcme.invitation_id,
    });
    expect(own.error).toBeNull();
    expect((await invitationRow(inAcme.invitation_id))?.revoked_at).not.toBeNull();
  });

  it("restoring globex's deleted project with acme as the workspace changes nothing", async () => {
    const { data: project, error } = await acme.owner.client
      .from("projects")
      .insert({ organization_id: globexId, name: "Globex secret" })
      .select("id")
      .single();
    expect(error).toBeNull();
    await acme.owner.client.from("projects").delete().eq("id", project!.id);
    const [entry] = await runSql<{ id: number }>(
      stack,
      `select id from public.audit_logs where organization_id = ${literal(globexId)}
       and table_name = 'projects' and record_id = ${literal(project!.id)} and new_data is null`,
    );

    const crossed = await acme.owner.client.rpc("restore_project", {
      org: acme.orgId,
      audit_log_id: entry!.id,
    });
    expect(crossed.error?.message).toBe("audit_entry_not_found");
    const count = async () =>
      (
        await runSql<{ n: number }>(
          stack,
          `select count(*)::int as n from public.projects where id = ${literal(project!.id)}`,
        )
      )[0]?.n;
    expect(await count()).toBe(0);

    const own = await acme.owner.client.rpc("restore_project", {
      org: globexId,
      audit_log_id: entry!.id,
    });
    expect(own.error).toBeNull();
    expect(await count()).toBe(1);
  });
});

describe("invitations never give more than the inviter may still give", () => {
  it("an admin cannot replace an owner's invitation by re-inviting the same email as member", async () => {
    const team = await createTeam(stack, "owner-invite");
    const email = uniqueEmail("future-owner");
    const ownerInvite = await invite(team.owner, team.orgId, email, "owner");

    const replaced = await team.admin.client.rpc("invite_member", {
      org: team.orgId,
      email,
      role: "member",
    });
    expect(replaced.error?.message).toBe("not_allowed");
    const row = await invitationRow(ownerInvite.invitation_id);
    expect(row).toMatchObject({ role: "owner", revoked_at: null, invited_by: team.owner.id });
    // The owner's token still works.
    const invitee = await signUpUser(stack, email);
    const accepted = await invitee.client.rpc("accept_invitation", { token: ownerInvite.token });
    expect(accepted.error).toBeNull();
    expect(await roleOf(team.orgId, invitee.id)).toBe("owner");
  });

  it("an admin's invitation dies with their role: removed, they cannot come back through a second address", async () => {
    const team = await createTeam(stack, "comeback");
    const secondAddress = await signUpUser(stack, uniqueEmail("comeback-alt"));
    const { token, invitation_id } = await invite(
      team.admin,
      team.orgId,
      secondAddress.email,
      "admin",
    );
    const removed = await team.owner.client.rpc("remove_member", {
      org: team.orgId,
      member_id: team.admin.id,
    });
    expect(removed.error).toBeNull();

    const accepted = await secondAddress.client.rpc("accept_invitation", { token });
    expect(accepted.error?.message).toBe("invitation_revoked");
    expect(await roleOf(team.orgId, secondAddress.id)).toBeNull();
    expect((await invitationRow(invitation_id))?.revoked_at).not.toBeNull();
  });

  it("a demoted admin's invitations are revoked; an owner demoted to admin keeps the admin ones", async () => {
    const team = await createTeam(stack, "demoted");
    const fromAdmin = await invite(team.admin, team.orgId, uniqueEmail("from-admin"));
    const coOwner = await signUpUser(stack, uniqueEmail("co-owner"));
    await team.owner.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.admin.id,
      role: "owner",
    });
    const ownerInvite = await invite(team.admin, team.orgId, coOwner.email, "owner");
    const adminInvite = await invite(team.admin, team.orgId, uniqueEmail("new-admin"), "admin");

    // Owner → admin: the owner invitation goes, the others stay.
    const demoted = await team.owner.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.admin.id,
      role: "admin",
    });
    expect(demoted.error).toBeNull();
    expect((await invitationRow(ownerInvite.invitation_id))?.revoked_at).not.toBeNull();
    expect((await invitationRow(adminInvite.invitation_id))?.revoked_at).toBeNull();
    expect((await invitationRow(fromAdmin.invitation_id))?.revoked_at).toBeNull();
    const refused = await coOwner.client.rpc("accept_invitation", { token: ownerInvite.token });
    expect(refused.error?.message).toBe("invitation_revoked");
    expect(await roleOf(team.orgId, coOwner.id)).toBeNull();

    // Admin → member: nothing they sent survives.
    await team.owner.client.rpc("update_member_role", {
      org: team.orgId,
      member_id: team.admin.id,
      role: "member",
    });
    expect((await invitationRow(adminInvite.invitation_id))?.revoked_at).not.toBeNull();
    expect((await invitationRow(fromAdmin.invitation_id))?.revoked_at).not.toBeNull();
  });
});

describe("invitations are not a mail relay", () => {
  const invitationCount = async (orgId: string) =>
    (
      await runSql<{ n: number }>(
        stack,
        `select count(*)::int as n from public.invitations where organization_id = ${literal(orgId)}`,
      )
    )[0]?.n;

  it("20 invitations per workspace per hour: the 21st is refused to its owner and its admins", async () => {
    const team = await createTeam(stack, "relay");
    const again = uniqueEmail("relay-again");
    for (let sent = 0; sent < 20; sent++) {
      const by = sent % 2 === 0 ? team.owner : team.admin;
      // Re-inviting the same address counts too: each one is an email.
      await invite(by, team.orgId, sent % 5 === 0 ? again : uniqueEmail("relay"));
    }
    const before = await invitationCount(team.orgId);
    for (const by of [team.owner, team.admin]) {
      const { error } = await by.client.rpc("invite_member", {
        org: team.orgId,
        email: uniqueEmail("relay-21"),
        role: "member",
      });
      expect(error?.message).toBe("invitation_rate_limited");
    }
    // Members could not invite in the first place.
    const byMember = await team.member.client.rpc("invite_member", {
      org: team.orgId,
      email: uniqueEmail("relay-m"),
      role: "member",
    });
    expect(byMember.error?.message).toBe("not_allowed");
    expect(await invitationCount(team.orgId)).toBe(before);
  });

  it("50 invitations per inviter per day, across all their workspaces", async () => {
    const team = await createTeam(stack, "relay-day");
    const elsewhere = await createWorkspace(
      team.admin,
      "Admin's own",
      `relay-own-${Date.now().toString(36)}`,
    );
    // Room for 49 pending invitations (Business: 100 seats).
    await setPlan(stack, elsewhere.id, "business");
    // 49 invitations sent by the admin earlier today, in their own workspace.
    await runSql(
      stack,
      `select set_config('request.jwt.claim.sub', ${literal(team.admin.id)}, true),
              set_config('request.jwt.claims', ${literal(JSON.stringify({ sub: team.admin.id, role: "authenticated" }))}, true);
       insert into public.invitations (organization_id, email, role, token_hash, invited_by)
       select ${literal(elsewhere.id)}, 'earlier-' || n || '@test.example', 'member',
              md5(random()::text) || md5(random()::text), ${literal(team.admin.id)}
       from generate_series(1, 49) n;`,
    );
    await invite(team.admin, team.orgId, uniqueEmail("fiftieth"));
    const { error } = await team.admin.client.rpc("invite_member", {
      org: team.orgId,
      email: uniqueEmail("fifty-first"),
      role: "member",
    });
    expect(error?.message).toBe("invitation_rate_limited");
    // The workspace is not blocked for others: its owner still invites.
    await expect(invite(team.owner, team.orgId, uniqueEmail("owner-ok"))).resolves.toBeTruthy();
  });
});

describe("names cannot impersonate or hide text", () => {
  const profileName = async (userId: string) =>
    (
      await runSql<{ full_name: string | null }>(
        stack,
        `select full_name from public.profiles where id = ${literal(userId)}`,
      )
    )[0]?.full_name;

  it("a display name with a text-direction override is refused; the profile keeps its name", async () => {
    const carol = await signUpUser(stack, uniqueEmail("carol"));
    const before = await profileName(carol.id);
    const { error } = await carol.client.auth.updateUser({
      data: { full_name: "Alice\u202eAnderson" },
    });
    expect(error).not.toBeNull();
    expect(await profileName(carol.id)).toBe(before);
    // Any other writer meets the same rule, with the coded error.
    await expect(
      runSql(
        stack,
        `update public.profiles set full_name = 'Al' || chr(8203) || 'ice' where id = ${literal(carol.id)}`,
      ),
    ).rejects.toThrow(/invalid_name/);
  });

  it("a workspace name with invisible or control characters is refused, on creation and rename", async () => {
    const team = await createTeam(stack, "names");
    const created = await team.owner.client.rpc("create_organization", {
      name: "Acme\u2066 Support",
      slug: `names-${Date.now().toString(36)}`,
    });
    expect(created.error?.message).toBe("invalid_name");
    for (const name of ["\u202eemca", "Acme\tInc", "Ac\u200dme"]) {
      const renamed = await team.owner.client
        .from("organizations")
        .update({ name })
        .eq("id", team.orgId)
        .select("name");
      expect(renamed.error?.message, JSON.stringify(name)).toBe("invalid_name");
    }
    const [row] = await runSql<{ name: string }>(
      stack,
      `select name from public.organizations where id = ${literal(team.orgId)}`,
    );
    expect(row?.name).toBe("Team names");
  });

  it("the log records the actor's email with the name they chose", async () => {
    const team = await createTeam(stack, "impersonate");
    const { error } = await team.member.client.auth.updateUser({
      data: { full_name: "Alice Anderson" },
    });
    expect(error).toBeNull();
    const { data: project } = await team.member.client
      .from("projects")
      .insert({ organization_id: team.orgId, name: "Looks like Alice's" })
      .select("id")
      .single();
    const [entry] = await runSql<{ actor_label: string }>(
      stack,
      `select actor_label from public.audit_logs where organization_id = ${literal(team.orgId)}
       and table_name = 'projects' and record_id = ${literal(project!.id)}`,
    );
    expect(entry?.actor_label).toBe(`Alice Anderson <${team.member.email}>`);
  });
});

describe("an invitation is accepted only by the invited mailbox", () => {
  /**
   * The attacker holds a leaked invitation token for victim@… and an account of their
   * own. They change the account's address to the invited one: Supabase Lite (with
   * double_confirm_changes, as configured) finalizes the change from the OLD mailbox
   * alone, which is theirs. Reading that confirmation from SQL stands in for reading
   * their own inbox.
   */
  async function takeOverAddress(attacker: TestUser, address: string) {
    const { error } = await attacker.client.auth.updateUser({ email: address });
    expect(error).toBeNull();
    const [pending] = await runSql<{ token: string | null }>(
      stack,
      `select email_change_token_current as token from auth.users where id = ${literal(attacker.id)}`,
    );
    expect(pending?.token, "the change is confirmed from the current mailbox").toBeTruthy();
    const verified = await attacker.client.auth.verifyOtp({
      token_hash: pending!.token!,
      type: "email_change",
    });
    expect(verified.error).toBeNull();
    const [account] = await runSql<{ email: string; email_confirmed_at: string | null }>(
      stack,
      `select email, email_confirmed_at from auth.users where id = ${literal(attacker.id)}`,
    );
    // The address is the victim's, and the old confirmation still stands.
    expect(account).toMatchObject({ email: address, email_confirmed_at: expect.any(String) });
  }

  it("an account whose address was changed to the invited one cannot accept", async () => {
    const team = await createTeam(stack, "binding");
    const victim = uniqueEmail("victim");
    const { token } = await invite(team.owner, team.orgId, victim, "admin");
    const attacker = await signUpUser(stack, uniqueEmail("attacker"));
    await takeOverAddress(attacker, victim);

    const refused = await attacker.client.rpc("accept_invitation", { token });
    expect(refused.error?.message).toBe("email_not_proven");
    expect(await roleOf(team.orgId, attacker.id)).toBeNull();
    const preview = await attacker.client.rpc("get_invitation", { token });
    expect(preview.data).toMatchObject({ email_matches: true, email_proven: false });

    // Guessing the code does not help: wrong codes are counted, and 5 spend the code.
    const { error: sendError } = await attacker.client.auth.reauthenticate();
    expect(sendError).toBeNull();
    for (let guess = 0; guess < 5; guess++) {
      const { data } = await attacker.client.rpc("prove_email", { code: `00000${guess}` });
      expect(data).toBe(false);
    }
    const [spent] = await runSql<{ token: string | null }>(
      stack,
      `select reauthentication_token as token from auth.users where id = ${literal(attacker.id)}`,
    );
    expect(spent?.token ?? "").toBe("");
    expect((await attacker.client.rpc("accept_invitation", { token })).error?.message).toBe(
      "email_not_proven",
    );
    expect(await roleOf(team.orgId, attacker.id)).toBeNull();
  });

  it("whoever holds the invited mailbox proves it with the mailed code, then joins", async () => {
    const team = await createTeam(stack, "binding-ok");
    const newAddress = uniqueEmail("moved");
    const { token } = await invite(team.owner, team.orgId, newAddress);
    const user = await signUpUser(stack, uniqueEmail("before-move"));
    await takeOverAddress(user, newAddress);
    expect((await user.client.rpc("accept_invitation", { token })).error?.message).toBe(
      "email_not_proven",
    );

    const { error } = await user.client.auth.reauthenticate();
    expect(error).toBeNull();
    // The code went to the new address: reading it is what only its owner can do.
    let code: string | undefined;
    await vi.waitFor(
      async () => {
        const [mail] = await caughtEmails(stack.mailUrl, newAddress);
        code = /\b(\d{6,10})\b/.exec(mail?.text ?? "")?.[1];
        expect(code).toBeDefined();
      },
      { timeout: 10_000, interval: 250 },
    );
    const { data: proven } = await user.client.rpc("prove_email", { code: code! });
    expect(proven).toBe(true);
    const accepted = await user.client.rpc("accept_invitation", { token });
    expect(accepted.error).toBeNull();
    expect(await roleOf(team.orgId, user.id)).toBe("member");
  });

  it("an address confirmed at sign-up and never changed needs no code", async () => {
    const team = await createTeam(stack, "binding-plain");
    const invitee = await signUpUser(stack, uniqueEmail("plain"));
    const { token } = await invite(team.owner, team.orgId, invitee.email);
    const preview = await invitee.client.rpc("get_invitation", { token });
    expect(preview.data).toMatchObject({ email_matches: true, email_proven: true });
    expect((await invitee.client.rpc("accept_invitation", { token })).error).toBeNull();
    expect(await roleOf(team.orgId, invitee.id)).toBe("member");
  });
});
