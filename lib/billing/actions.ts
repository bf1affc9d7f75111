"use server";

import { buttonOnlySchema, fail, ok, redirectTo, workspaceAction } from "@/lib/actions/safe-action";
import { publicEnv } from "@/lib/env";
import { getBillingAccount } from "@/lib/supabase/admin";
import { billingConfig, isPaidPlan } from "./config";
import { describeBlockers, planChangeBlockers } from "./entitlements";
import { billingPermissions } from "./permissions";
import { getBillingOverview } from "./queries";
import { createCheckout, createPortal, switchSubscriptionPlan } from "./stripe";
import { changePlanSchema } from "./validation";

/**
 * "Upgrade to" / "Switch to" on the billing page, for owners (they pay). Without a
 * subscription: Stripe Checkout. With one: the subscription moves to the plan's price,
 * prorated, after the same downgrade check the database makes (nothing is deleted to
 * fit). Either way the plan changes only when Stripe's signed webhook says so.
 */
export const requestPlanChange = workspaceAction(
  { schema: changePlanSchema },
  async ({ data, workspace, user }) => {
    if (!billingPermissions(workspace.role).canManageBilling) return fail("billing_owner_only");
    const config = billingConfig();
    if (!config) return fail("billing_not_configured");
    if (!isPaidPlan(data.planId)) return fail("plan_not_sold_online");

    const overview = await getBillingOverview(workspace.id);
    const target = overview?.plans.find((plan) => plan.id === data.planId);
    if (!overview || !target) return fail("plan_not_found");
    const blockers = planChangeBlockers(overview.meters, target.limits);
    if (blockers.length > 0)
      return fail({
        message: "plan_change_over_limit",
        hint: `${describeBlockers(blockers, overview.metrics)} to move to ${target.name}.`,
      });

    const account = await getBillingAccount(workspace.id);
    if (account?.subscriptionId) {
      await switchSubscriptionPlan(config, {
        subscriptionId: account.subscriptionId,
        plan: data.planId,
      });
      return ok(
        `Switching to ${target.name}. The new plan shows here as soon as Stripe confirms it.`,
      );
    }
    const seats = overview.meters.find((meter) => meter.id === "seats")?.used ?? 1;
    const url = await createCheckout(config, {
      workspace,
      email: user.email,
      plan: data.planId,
      seats,
      siteUrl: publicEnv().NEXT_PUBLIC_SITE_URL,
    });
    return redirectTo(url);
  },
);

/** "Manage billing": Stripe's Customer Portal (payment method, invoices, cancellation). Owners only. */
export const openBillingPortal = workspaceAction(
  { schema: buttonOnlySchema },
  async ({ workspace }) => {
    if (!billingPermissions(workspace.role).canManageBilling) return fail("billing_owner_only");
    const config = billingConfig();
    if (!config) return fail("billing_not_configured");
    const account = await getBillingAccount(workspace.id);
    if (!account) return fail("no_billing_account");
    const url = await createPortal(config, {
      customerId: account.customerId,
      returnUrl: `${publicEnv().NEXT_PUBLIC_SITE_URL}/w/${workspace.slug}/settings/billing`,
    });
    return redirectTo(url);
  },
);
