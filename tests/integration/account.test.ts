/**
 * Deleting one's own account (public.delete_my_account) and the signed-out
 * invitation preview (public.get_invitation for anon), through the real HTTP API
 * as real users. Every refusal is checked twice: the API's code, and the database
 * (superuser SQL) unchanged.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  anonClient,
  createTeam,
  createWorkspace,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

const accountExists = async (userId: string) =>
  (await runSql(stack, `select 1 from auth.users where id = ${literal(userId)}`)).length === 1;

const membershipsOf = (userId: string) =>
  runSql<{ organization_id: string; role: string }>(
    stack,
    `select organization_id, role from public.organization_members where user_id = ${literal(userId)}`,
  );

const deleteAccount = (user: TestUser, confirmEmail = user.email) =>
  user.client.rpc("delete_my_account", { confirm_email: confirmEmail });

async function addProject(user: TestUser, orgId: string, name: string) {
  const { data, error } = await user.client
    .from("projects")
    .insert({ organization_id: orgId, name })
    .select("id")
    .single();
  if (error) throw new Error(`insert project: ${error.message}`);
  return data.id;
}

describe("delete_my_account", () => {
  let team: TestTeam;

  beforeAll(async () => {
    team = await createTeam(stack, "acct");
  });

  it("refuses the only owner of a workspace, and deletes nothing", async () => {
    const { error } = await deleteAccount(team.owner);
    expect(error?.message).toBe("last_owner_anywhere");
    expect(await accountExists(team.owner.id)).toBe(true);
    expect(await membershipsOf(team.owner.id)).toEqual([
      { organization_id: team.orgId, role: "owner" },
    ]);
  });

  it("refuses a confirmation that is not the caller's own address", async () => {
    const { error } = await deleteAccount(team.member, team.admin.email);
    expect(error?.message).toBe("account_confirmation_mismatch");
    expect(await accountExists(team.member.id)).toBe(true);
    expect(await accountExists(team.admin.id)).toBe(true);
  });

  it("refuses anon", async () => {
    const { error } = await anonClient(stack).rpc("delete_my_account", {
      confirm_email: team.member.email,
    });
    expect(error).not.toBeNull();
    expect(await accountExists(team.member.id)).toBe(true);
  });

  it("deletes a member's account: their membership goes, the workspace and everyone else's data stay", async () => {
    const story = await createTeam(stack, "leaver");
    // The member created a project and invited someone; another workspace of theirs has a co-owner.
    const projectId = await addProject(story.member, story.orgId, "Made by the leaver");
    const ownersProject = await addProject(story.owner, story.orgId, "Made by the owner");
    const other = await createWorkspace(
      story.member,
      "Shared",
      `shared-${Date.now().toString(36)}`,
    );
    const coOwner = await signUpUser(stack, uniqueEmail("co-owner"));
    await runSql(
      stack,
      `insert into public.organization_members (organization_id, user_id, role)
       values (${literal(other.id)}, ${literal(coOwner.id)}, 'owner')`,
    );
    const membersBefore = await runSql<{ user_id: string }>(
      stack,
      `select user_id from public.organization_members where organization_id = ${literal(story.orgId)} order by user_id`,
    );

    const { error } = await deleteAccount(story.member, story.member.email.toUpperCase());
    expect(error).toBeNull();

    expect(await accountExists(story.member.id)).toBe(false);
    expect(await membershipsOf(story.member.id)).toEqual([]);
    expect(
      await runSql(stack, `select 1 from public.profiles where id = ${literal(story.member.id)}`),
    ).toEqual([]);
    const membersAfter = await runSql<{ user_id: string }>(
      stack,
      `select user_id from public.organization_members where organization_id = ${literal(story.orgId)} order by user_id`,
    );
    expect(membersAfter).toEqual(membersBefore.filter((m) => m.user_id !== story.member.id));
    // The workspace keeps the project, without its creator; the owner's is untouched.
    const projects = await runSql<{ id: string; created_by: string | null }>(
      stack,
      `select id, created_by from public.projects where id in (${literal(projectId)}, ${literal(ownersProject)}) order by name`,
    );
    expect(projects).toEqual(
      expect.arrayContaining([
        { id: projectId, created_by: null },
        { id: ownersProject, created_by: story.owner.id },
      ]),
    );
    // The co-owned workspace lives on with its other owner.
    expect(await membershipsOf(coOwner.id)).toEqual([{ organization_id: other.id, role: "owner" }]);
    // History keeps the actor id, and the platform log records the deletion without the address.
    const history = await runSql<{ action: string }>(
      stack,
      `select action from public.audit_logs
       where organization_id = ${literal(story.orgId)} and actor_id = ${literal(story.member.id)}
       order by id desc limit 1`,
    );
    expect(history[0]?.action).toBe("account.deleted");
    const [event] = await runSql<{ details: { workspaces: string[] } }>(
      stack,
      `select details from platform.audit_events
       where event = 'account.deleted' and actor_id = ${literal(story.member.id)}`,
    );
    expect(event?.details.workspaces.sort()).toEqual([story.orgId, other.id].sort());
    expect(JSON.stringify(event)).not.toContain(story.member.email);
    // The deleted person cannot sign in again.
    const signIn = await anonClient(stack).auth.signInWithPassword({
      email: story.member.email,
      password: "test-password-1",
    });
    expect(signIn.error).not.toBeNull();
  });

  it("revokes the pending invitations the deleted person sent", async () => {
    const story = await createTeam(stack, "inviter");
    const { error: inviteError } = await story.admin.client.rpc("invite_member", {
      org: story.orgId,
      email: uniqueEmail("invitee"),
      role: "member",
    });
    expect(inviteError).toBeNull();
    expect((await deleteAccount(story.admin)).error).toBeNull();
    const invitations = await runSql<{ invited_by: string | null; revoked: boolean }>(
      stack,
      `select invited_by, revoked_at is not null as revoked from public.invitations
       where organization_id = ${literal(story.orgId)}`,
    );
    expect(invitations).toEqual([{ invited_by: null, revoked: true }]);
  });
});

describe("get_invitation for a visitor who is not signed in", () => {
  let team: TestTeam;
  let token: string;
  const invitedEmail = uniqueEmail("visitor");

  beforeAll(async () => {
    team = await createTeam(stack, "preview");
    await team.owner.client.auth.updateUser({ data: { full_name: "Olivia Owner" } });
    const { data, error } = await team.owner.client.rpc("invite_member", {
      org: team.orgId,
      email: invitedEmail,
      role: "admin",
    });
    if (error) throw new Error(`invite_member: ${error.message}`);
    token = (data as { token: string }).token;
  });

  it("shows the workspace, who invites, and the invited address in full while pending", async () => {
    const { data, error } = await anonClient(stack).rpc("get_invitation", { token });
    expect(error).toBeNull();
    expect(data).toMatchObject({
      status: "pending",
      workspace_name: "Team preview",
      role: "admin",
      inviter: `Olivia Owner <${team.owner.email}>`,
      email: invitedEmail,
      email_matches: false,
      email_proven: false,
    });
  });

  it("masks the address once the invitation is closed", async () => {
    const { error: revokeError } = await team.owner.client.rpc("revoke_invitation", {
      org: team.orgId,
      invitation_id: (
        await runSql<{ id: string }>(
          stack,
          `select id from public.invitations where email = ${literal(invitedEmail)}`,
        )
      )[0]!.id,
    });
    expect(revokeError).toBeNull();
    const { data } = await anonClient(stack).rpc("get_invitation", { token });
    expect(data).toMatchObject({ status: "revoked" });
    expect((data as { email: string }).email).toMatch(/^v\*\*\*@test\.example$/);
  });

  it("a made-up token is not found, and anon still cannot accept", async () => {
    const unknown = await anonClient(stack).rpc("get_invitation", { token: "f".repeat(64) });
    expect(unknown.error?.message).toBe("invitation_not_found");
    const accept = await anonClient(stack).rpc("accept_invitation", { token });
    expect(accept.error).not.toBeNull();
  });
});
