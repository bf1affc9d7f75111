"use server";

import { fail, workspaceAction } from "@/lib/actions/safe-action";
import { billingPermissions } from "./permissions";
import { changePlanSchema } from "./validation";

/**
 * "Upgrade" / "Switch" on the billing page. Plans change only through the platform
 * (public.change_workspace_plan(), service role): payment comes first, so until a
 * payment provider is connected (the Stripe issue) this says so instead of pretending.
 * Owners only: they are the ones who pay.
 */
export const requestPlanChange = workspaceAction(
  { schema: changePlanSchema },
  async ({ data, workspace, supabase }) => {
    if (!billingPermissions(workspace.role).canManageBilling) return fail("billing_owner_only");
    const { data: plan } = await supabase
      .from("plans")
      .select("id")
      .eq("id", data.planId)
      .eq("is_public", true)
      .maybeSingle();
    if (!plan) return fail("plan_not_found");
    return fail("billing_not_configured");
  },
);
