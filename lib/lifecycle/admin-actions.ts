"use server";

import { z } from "zod";
import { fail, ok, operatorAction } from "@/lib/actions/safe-action";
import { sendEmail } from "@/lib/email/send";
import { invitationEmail } from "@/lib/email/templates";
import { publicEnv } from "@/lib/env";
import { deletionGraceDays, suspendSchema } from "./validation";

/*
 * The console's lifecycle actions. Each is one operator RPC under the operator's
 * JWT: the database checks the platform-admin table, writes the platform log and
 * the workspace's activity feed. No service-role key here.
 */
const tenantSchema = z.object({ org: z.uuid() });

export const suspendTenant = operatorAction(
  { schema: tenantSchema.extend(suspendSchema.shape) },
  async ({ data, supabase }) => {
    const { data: changed, error } = await supabase.rpc("admin_suspend_workspace", {
      org: data.org,
      reason: data.reason,
    });
    if (error) return fail(error);
    return ok(changed ? "Workspace suspended." : "It was already suspended.");
  },
);

export const resumeTenant = operatorAction({ schema: tenantSchema }, async ({ data, supabase }) => {
  const { data: changed, error } = await supabase.rpc("admin_resume_workspace", { org: data.org });
  if (error) return fail(error);
  return ok(changed ? "Workspace resumed." : "It was not suspended.");
});

export const scheduleTenantDeletion = operatorAction(
  { schema: tenantSchema.extend({ slug: z.string(), confirmName: z.string().trim() }) },
  async ({ data, supabase }) => {
    // The typed slug guards against scheduling the wrong tenant's deletion.
    if (data.confirmName !== data.slug) return fail("confirm_name_mismatch");
    const { error } = await supabase.rpc("admin_schedule_workspace_deletion", {
      org: data.org,
      grace_days: deletionGraceDays(),
    });
    if (error) return fail(error);
    return ok("Deletion scheduled.");
  },
);

export const cancelTenantDeletion = operatorAction(
  { schema: tenantSchema },
  async ({ data, supabase }) => {
    const { data: changed, error } = await supabase.rpc("admin_cancel_workspace_deletion", {
      org: data.org,
    });
    if (error) return fail(error);
    return ok(changed ? "Deletion cancelled." : "No deletion was scheduled.");
  },
);

export const changeTenantPlan = operatorAction(
  { schema: tenantSchema.extend({ plan: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/) }) },
  async ({ data, supabase }) => {
    const { data: changed, error } = await supabase.rpc("admin_change_workspace_plan", {
      org: data.org,
      plan: data.plan,
    });
    if (error) return fail(error);
    return ok(changed ? "Plan changed." : "It is already on that plan.");
  },
);

export const resendOwnerInvitation = operatorAction(
  { schema: tenantSchema.extend({ name: z.string().min(1).max(80) }) },
  async ({ data, supabase }) => {
    const { data: sent, error } = await supabase.rpc("admin_resend_owner_invitation", {
      org: data.org,
    });
    if (error) return fail(error);
    const invitation = z
      .object({ email: z.string(), token: z.string(), expires_at: z.string() })
      .parse(sent);
    try {
      await sendEmail({
        to: invitation.email,
        ...invitationEmail({
          workspaceName: data.name,
          inviterName: "tenantkit",
          role: "owner",
          url: `${publicEnv().NEXT_PUBLIC_SITE_URL}/invite/${invitation.token}`,
          expiresAt: new Date(invitation.expires_at),
        }),
      });
    } catch (sendError) {
      console.error("owner invitation email failed", sendError);
      return fail("invitation_email_failed");
    }
    return ok(`Owner invitation sent again to ${invitation.email}.`);
  },
);
