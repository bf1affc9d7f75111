/**
 * Invitations and the team as an attacker uses them (issue 10): ids of another
 * workspace passed through this workspace's forms, invitations that outlive the
 * inviter's role, an admin cancelling an owner's invitation, invitations as a
 * spam relay, an account email changed to the invited address, and display
 * names that impersonate someone else. Every refusal is checked in the database
 * too (superuser SQL), never only by the API's answer.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
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
