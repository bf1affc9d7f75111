"use server";

import { fail, ok, redirectTo, workspaceAction, type Outcome } from "@/lib/actions/safe-action";
import type { CurrentUser } from "@/lib/auth/session";
import { followSeats } from "@/lib/billing/seats";
import { sendEmail } from "@/lib/email/send";
import { invitationEmail } from "@/lib/email/templates";
import { publicEnv } from "@/lib/env";
import type { Supabase } from "@/lib/supabase/server";
import type { Workspace } from "@/lib/workspaces/queries";
import type { Role } from "@/lib/workspaces/validation";
import {
  invitationIdSchema,
  inviteSchema,
  invitedSchema,
  leaveSchema,
  memberIdSchema,
  memberRoleSchema,
  resendSchema,
} from "./validation";

/*
 * Ids from forms go to RPCs that check the caller's role again in the database,
 * always with the workspace of the page: an id of another workspace is not found.
 * Roles show in the header and switcher too, so the whole workspace is revalidated.
 */

/** Creates or refreshes the invitation in the database, then emails its link. */
async function inviteAndEmail(
  { supabase, workspace, user }: { supabase: Supabase; workspace: Workspace; user: CurrentUser },
  { email, role }: { email: string; role: Role },
  success: string,
): Promise<Outcome> {
  const { data, error } = await supabase.rpc("invite_member", { org: workspace.id, email, role });
  if (error) return fail(error);
  followSeats(workspace.id);
  const invitation = invitedSchema.parse(data);

  const { data: profile } = await supabase
    .from("profiles")
    .select("full_name")
    .eq("id", user.id)
    .maybeSingle();
  const message = invitationEmail({
    workspaceName: workspace.name,
    inviterName: profile?.full_name ?? user.email,
    role,
    url: `${publicEnv().NEXT_PUBLIC_SITE_URL}/invite/${invitation.token}`,
    expiresAt: new Date(invitation.expires_at),
  });
  try {
    await sendEmail({ to: email, ...message });
  } catch (sendError) {
    console.error("invitation email failed", sendError);
    return fail("invitation_email_failed");
  }
  return ok(success);
}

export const inviteMember = workspaceAction(
  { schema: inviteSchema, revalidate: "workspace" },
  async (context) =>
    inviteAndEmail(context, context.data, `Invitation sent to ${context.data.email}.`),
);

export const resendInvitation = workspaceAction(
  { schema: resendSchema, revalidate: "workspace" },
  async (context) => inviteAndEmail(context, context.data, `Sent again to ${context.data.email}.`),
);

export const revokeInvitation = workspaceAction(
  { schema: invitationIdSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("revoke_invitation", {
      org: workspace.id,
      invitation_id: data.invitationId,
    });
    if (error) return fail(error);
    followSeats(workspace.id);
    return ok("Invitation revoked.");
  },
);

export const changeMemberRole = workspaceAction(
  { schema: memberRoleSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("update_member_role", {
      org: workspace.id,
      member_id: data.memberId,
      role: data.role,
    });
    return error ? fail(error) : ok("Role updated.");
  },
);

export const removeMember = workspaceAction(
  { schema: memberIdSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("remove_member", {
      org: workspace.id,
      member_id: data.memberId,
    });
    if (error) return fail(error);
    followSeats(workspace.id);
    return ok("Member removed.");
  },
);

export const transferOwnership = workspaceAction(
  { schema: memberIdSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("transfer_ownership", {
      org: workspace.id,
      new_owner_id: data.memberId,
    });
    return error ? fail(error) : ok("Ownership transferred. You are now an admin.");
  },
);

export const leaveWorkspace = workspaceAction(
  // The workspace leaves the switcher of every page.
  { schema: leaveSchema, revalidate: "everything" },
  async ({ workspace, supabase }) => {
    const { error } = await supabase.rpc("leave_organization", { org: workspace.id });
    if (error) return fail(error);
    followSeats(workspace.id);
    return redirectTo(`/?notice=left&name=${encodeURIComponent(workspace.name)}`);
  },
);
