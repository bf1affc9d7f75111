import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanTable } from "@/components/billing/plan-table";
import { UsageMeter } from "@/components/billing/usage-meter";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { openBillingPortal, requestPlanChange } from "@/lib/billing/actions";
import { billingConfig } from "@/lib/billing/config";
import { billingDay } from "@/lib/billing/entitlements";
import { billingPermissions } from "@/lib/billing/permissions";
import { getBillingOverview, getPlanName, getSubscription } from "@/lib/billing/queries";
import { requireWorkspace } from "@/lib/workspaces/context";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/settings/billing">): Promise<Metadata> {
  const { workspace } = await requireWorkspace((await params).slug);
  return { title: `Plan and usage · ${workspace.name}` };
}

const STATUS_TEXT = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment overdue",
  canceled: "Canceled: Free limits apply",
} as const;

const CHECKOUT_NOTICES = {
  success: {
    tone: "success",
    text: "Payment received. The new plan shows here as soon as Stripe confirms it (usually seconds).",
  },
  canceled: { tone: "info", text: "Checkout canceled: nothing was charged." },
} as const;

export default async function BillingPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/settings/billing">) {
  const { slug } = await params;
  const checkout = (await searchParams).checkout;
  const notice =
    checkout === "success" || checkout === "canceled" ? CHECKOUT_NOTICES[checkout] : null;
  const { workspace } = await requireWorkspace(slug);
  const can = billingPermissions(workspace.role);

  const heading = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Plan and usage</h1>
      <p className="text-sm text-zinc-600">What {workspace.name} may use, and how much it does.</p>
    </div>
  );

  // Members see which plan the workspace is on; usage and plans are for owners and admins.
  if (!can.canViewBilling) {
    const subscription = await getSubscription(workspace.id);
    if (!subscription) notFound();
    return (
      <div className="space-y-6">
        {heading}
        <Card className="p-6 text-sm text-zinc-700">
          {workspace.name} is on the{" "}
          <strong className="text-zinc-900">{await getPlanName(subscription.planId)}</strong> plan.
          Owners and admins see its usage and change it.
        </Card>
      </div>
    );
  }

  const overview = await getBillingOverview(workspace.id);
  if (!overview) notFound();
  const { subscription, plan, plans, metrics, meters } = overview;
  const configured = billingConfig() !== null;
  const canManage = can.canManageBilling && configured;
  return (
    <div className="space-y-6">
      {heading}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {!configured && (
        <Alert>
          Online billing is not configured on this deployment: plans are changed by the operator.
          Contact support to change your plan.
        </Alert>
      )}
      <Card className="space-y-5 p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">
              {plan.name} plan{" "}
              <Badge tone={subscription.status === "active" ? "active" : "archived"}>
                {STATUS_TEXT[subscription.status]}
              </Badge>
            </h2>
            <p className="text-sm text-zinc-600">{plan.description}</p>
            {subscription.cancelAtPeriodEnd && subscription.currentPeriodEnd && (
              <p className="text-sm text-zinc-600">
                Ends on {billingDay(subscription.currentPeriodEnd)}; the workspace then moves to
                Free, keeping its data.
              </p>
            )}
          </div>
          {canManage && subscription.planId !== "free" && (
            <ActionForm
              action={openBillingPortal.bind(null, workspace.slug)}
              fields={{}}
              label="Manage billing"
              pendingLabel="Opening…"
            />
          )}
        </div>
        <div className="space-y-4" aria-label="Usage">
          {meters.map((meter) => (
            <UsageMeter key={meter.id} meter={meter} />
          ))}
        </div>
      </Card>
      <Card className="space-y-3 p-6">
        <h2 className="text-base font-semibold text-zinc-900">Plans</h2>
        <PlanTable
          plans={plans}
          current={plan}
          metrics={metrics}
          meters={meters}
          action={requestPlanChange.bind(null, workspace.slug)}
          canManage={canManage}
          unavailableNote={
            !can.canManageBilling ? "Owners change the plan." : "Contact support to switch."
          }
        />
      </Card>
    </div>
  );
}
