import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlanTable } from "@/components/billing/plan-table";
import { UsageMeter } from "@/components/billing/usage-meter";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requestPlanChange } from "@/lib/billing/actions";
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

export default async function BillingPage({ params }: PageProps<"/w/[slug]/settings/billing">) {
  const { slug } = await params;
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
  return (
    <div className="space-y-6">
      {heading}
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
          </div>
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
          canManage={can.canManageBilling}
        />
      </Card>
    </div>
  );
}
