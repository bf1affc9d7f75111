import "server-only";
import { cache } from "react";
import { z } from "zod";
import { createClient } from "@/lib/supabase/server";
import { toMeter, type Meter, type MetricInfo, type MetricKind } from "./entitlements";

export interface Plan {
  id: string;
  name: string;
  description: string;
  sortOrder: number;
  isPublic: boolean;
  monthlyPriceCents: number | null;
  /** Limit per metric id; null is unlimited. */
  limits: Map<string, number | null>;
}

export interface Subscription {
  planId: string;
  status: "active" | "trialing" | "past_due" | "canceled";
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  /** After a failed payment: when the workspace becomes read-only unless it is paid. */
  graceEndsAt: string | null;
}

export interface BillingOverview {
  subscription: Subscription;
  /** The plan whose limits apply (a canceled subscription is held to Free). */
  plan: Plan;
  /** Public plans, and the workspace's own when it is hidden, cheapest first. */
  plans: Plan[];
  metrics: MetricInfo[];
  meters: Meter[];
}

const metricKind = z.enum(["count", "metered", "feature"]) satisfies z.ZodType<MetricKind>;

// get_workspace_usage() returns nulls (unlimited, no reset) that the generated
// return type does not show: parsed, not cast.
const usageRows = z.array(
  z.object({
    metric: z.string(),
    kind: metricKind,
    used: z.number().nullable(),
    usage_limit: z.number().nullable(),
    resets_at: z.string().nullable(),
  }),
);

/** The workspace's subscription only: what every member may see (the plan's name). */
export async function getSubscription(organizationId: string): Promise<Subscription | null> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("workspace_subscriptions")
    .select("plan_id, status, current_period_end, cancel_at_period_end, grace_ends_at")
    .eq("organization_id", organizationId)
    .maybeSingle();
  if (error) throw new Error(`Could not load the subscription: ${error.message}`);
  return data
    ? {
        planId: data.plan_id,
        status: data.status,
        currentPeriodEnd: data.current_period_end,
        cancelAtPeriodEnd: data.cancel_at_period_end,
        graceEndsAt: data.grace_ends_at,
      }
    : null;
}

/** A plan's display name by id (the catalog is readable by every signed-in user). */
export async function getPlanName(planId: string): Promise<string> {
  const supabase = await createClient();
  const { data } = await supabase.from("plans").select("name").eq("id", planId).maybeSingle();
  return data?.name ?? planId;
}

// Once per request: the home page's limit banner and onboarding checklist both read it.
const workspaceUsage = cache(async (organizationId: string) => {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("get_workspace_usage", { org: organizationId });
  if (error) throw new Error(`Could not load usage: ${error.message}`);
  return usageRows.parse(data);
});

/** Usage of every metric of the workspace, as meters (members of the workspace only). */
export async function getMeters(
  organizationId: string,
  catalog?: Promise<MetricInfo[]>,
): Promise<Meter[]> {
  const [rows, metrics] = await Promise.all([
    workspaceUsage(organizationId),
    catalog ?? loadMetrics(),
  ]);
  return metrics.flatMap((metric) => {
    const row = rows.find((r) => r.metric === metric.id);
    return row
      ? [toMeter(metric, { used: row.used, limit: row.usage_limit, resetsAt: row.resets_at })]
      : [];
  });
}

/** The meter of one metric, for the banners where a limit bites (projects, invitations). */
export async function getMeter(organizationId: string, metric: string): Promise<Meter | null> {
  return (await getMeters(organizationId)).find((meter) => meter.id === metric) ?? null;
}

const loadMetrics = cache(async (): Promise<MetricInfo[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("plan_metrics")
    .select("id, kind, label, unit_singular, unit_plural")
    .order("sort_order");
  if (error) throw new Error(`Could not load the plan catalog: ${error.message}`);
  return data.map((row) => ({
    id: row.id,
    kind: metricKind.parse(row.kind),
    label: row.label,
    unitSingular: row.unit_singular,
    unitPlural: row.unit_plural,
  }));
});

async function loadPlans(): Promise<Plan[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("plans")
    .select(
      "id, name, description, sort_order, is_public, monthly_price_cents, plan_limits(metric, limit_value)",
    )
    .order("sort_order");
  if (error) throw new Error(`Could not load the plan catalog: ${error.message}`);
  return data.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    sortOrder: row.sort_order,
    isPublic: row.is_public,
    monthlyPriceCents: row.monthly_price_cents,
    limits: new Map(row.plan_limits.map((limit) => [limit.metric, limit.limit_value])),
  }));
}

/** Everything the billing page shows: plan, status, meters, the plans to compare. */
export async function getBillingOverview(organizationId: string): Promise<BillingOverview | null> {
  const catalog = loadMetrics();
  const [subscription, plans, metrics, meters] = await Promise.all([
    getSubscription(organizationId),
    loadPlans(),
    catalog,
    getMeters(organizationId, catalog),
  ]);
  if (!subscription) return null;
  const effectivePlanId = subscription.status === "canceled" ? "free" : subscription.planId;
  const plan = plans.find((p) => p.id === effectivePlanId);
  if (!plan) return null;
  return { subscription, plan, plans, metrics, meters };
}
