"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/session";
import { publicEnv } from "@/lib/env";
import { sendEmail } from "@/lib/email/send";
import { invitationEmail } from "@/lib/email/templates";
import { errorState, parseForm, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { requireWorkspace } from "@/lib/workspaces/context";
import type { Workspace } from "@/lib/workspaces/queries";
import type { Role } from "@/lib/workspaces/validation";
import {
  invitationIdSchema,
  inviteSchema,
  memberIdSchema,
  memberRoleSchema,
  resendSchema,
  teamErrorMessage,
} from "./validation";

/*
 * The workspace always comes from the slug checked against the session; ids from
 * forms are passed to RPCs that check the caller's role again in the database.
 */

const membersPath = (slug: string) => `/w/${slug}/settings/members`;

/** Creates or refreshes the invitation in the database, then emails its link. */
async function inviteAndEmail(
  workspace: Workspace,
  inviter: CurrentUser,
  email: string,
  role: Role,
): Promise<FormState> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("invite_member", { org: workspace.id, email, role });
  if (error) return { status: "error", message: teamErrorMessage(error), values: { email, role } };
  const invitation = data as { token: string; expires_at: string };

  const { data: profile } = await supabase
    .from("profiles")
    .select("full_name")
    .eq("id", inviter.id)
    .maybeSingle();
  const message = invitationEmail({
    workspaceName: workspace.name,
    inviterName: (profile?.full_name as string | null) ?? inviter.email,
    role,
    url: `${publicEnv().NEXT_PUBLIC_SITE_URL}/invite/${invitation.token}`,
    expiresAt: new Date(invitation.expires_at),
  });
  try {
    await sendEmail({ to: email, ...message });
  } catch (sendError) {
    console.error("invitation email failed", sendError);
    return {
      status: "error",
      message: `The invitation to ${email} is saved, but the email could not be sent. Use “Resend” to try again.`,
    };
  }
  return { status: "success", message: `Invitation sent to ${email}.` };
}

export async function inviteMember(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, workspace } = await requireWorkspace(slug);
  const parsed = parseForm(inviteSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await inviteAndEmail(workspace, user, parsed.data.email, parsed.data.role);
  revalidatePath(membersPath(slug));
  return result;
}

export async function resendInvitation(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { user, workspace } = await requireWorkspace(slug);
  const parsed = parseForm(resendSchema, formData);
  if (!parsed.ok) return errorState("That invitation is not valid.");
  const result = await inviteAndEmail(workspace, user, parsed.data.email, parsed.data.role);
  revalidatePath(membersPath(slug));
  return result.status === "success"
    ? { status: "success", message: `Sent again to ${parsed.data.email}.` }
    : result;
}

/** Calls a team RPC and turns its outcome into a form state; the RPC checks the caller's role. */
async function callTeamRpc(
  slug: string,
  rpc: string,
  args: Record<string, unknown>,
  success: string,
): Promise<FormState> {
  const supabase = await createClient();
  const { error } = await supabase.rpc(rpc, args);
  if (error) return errorState(teamErrorMessage(error));
  // Roles show in the header and switcher too, so the whole workspace is refreshed.
  revalidatePath(`/w/${slug}`, "layout");
  return { status: "success", message: success };
}

export async function revokeInvitation(slug: string, _previous: FormState, formData: FormData) {
  await requireWorkspace(slug);
  const parsed = parseForm(invitationIdSchema, formData);
  if (!parsed.ok) return errorState("That invitation is not valid.");
  return callTeamRpc(
    slug,
    "revoke_invitation",
    { invitation_id: parsed.data.invitationId },
    "Invitation revoked.",
  );
}

export async function changeMemberRole(slug: string, _previous: FormState, formData: FormData) {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(memberRoleSchema, formData);
  if (!parsed.ok) return errorState("Choose a valid role.");
  const { memberId, role } = parsed.data;
  return callTeamRpc(
    slug,
    "update_member_role",
    { org: workspace.id, member_id: memberId, role },
    "Role updated.",
  );
}

export async function removeMember(slug: string, _previous: FormState, formData: FormData) {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(memberIdSchema, formData);
  if (!parsed.ok) return errorState("That member is not valid.");
  const args = { org: workspace.id, member_id: parsed.data.memberId };
  return callTeamRpc(slug, "remove_member", args, "Member removed.");
}

export async function transferOwnership(slug: string, _previous: FormState, formData: FormData) {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(memberIdSchema, formData);
  if (!parsed.ok) return errorState("That member is not valid.");
  const args = { org: workspace.id, new_owner_id: parsed.data.memberId };
  return callTeamRpc(
    slug,
    "transfer_ownership",
    args,
    "Ownership transferred. You are now an admin.",
  );
}

export async function leaveWorkspace(slug: string): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const supabase = await createClient();
  const { error } = await supabase.rpc("leave_organization", { org: workspace.id });
  if (error) return errorState(teamErrorMessage(error));
  revalidatePath("/", "layout");
  redirect(`/?notice=left&name=${encodeURIComponent(workspace.name)}`);
}
