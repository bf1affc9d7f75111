"use server";

import { fail, ok, operatorAction, redirectTo, workspaceAction } from "@/lib/actions/safe-action";
import {
  closeSupportGrantSchema,
  openSupportGrantSchema,
  supportApprovalSchema,
  supportGrantIdSchema,
} from "./validation";

const supportPage = (organizationId: string) => `/admin/tenants/${organizationId}/support`;

/** The database checks platform admin, the reason and the duration, and logs the grant in both logs. */
export const openSupportGrant = operatorAction(
  { schema: openSupportGrantSchema },
  async ({ data, supabase }) => {
    const { error } = await supabase.rpc("admin_open_support_grant", {
      org: data.organizationId,
      reason: data.reason,
      minutes: data.minutes,
    });
    if (error) return fail(error);
    return redirectTo(supportPage(data.organizationId));
  },
);

export const closeSupportGrant = operatorAction(
  { schema: closeSupportGrantSchema },
  async ({ data, supabase }) => {
    const { error } = await supabase.rpc("admin_close_support_grant", { grant_id: data.grantId });
    if (error) return fail(error);
    return redirectTo(supportPage(data.organizationId));
  },
);

/** The workspace owners' side; the database checks the caller is an owner of this workspace. */
export const approveSupportGrant = workspaceAction(
  { schema: supportGrantIdSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("approve_support_grant", {
      org: workspace.id,
      grant_id: data.grantId,
    });
    if (error) return fail(error);
    return ok("Support access approved. Its time starts now.");
  },
);

export const revokeSupportGrant = workspaceAction(
  { schema: supportGrantIdSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("revoke_support_grant", {
      org: workspace.id,
      grant_id: data.grantId,
    });
    if (error) return fail(error);
    return ok("Support access revoked.");
  },
);

export const setSupportApproval = workspaceAction(
  { schema: supportApprovalSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase.rpc("set_support_approval", {
      org: workspace.id,
      required: data.requireApproval,
    });
    if (error) return fail(error);
    return ok(
      data.requireApproval
        ? "Support access now waits for an owner's approval."
        : "Support access no longer needs an owner's approval.",
    );
  },
);
