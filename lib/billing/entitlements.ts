/**
 * Plan arithmetic the UI shows: how full each meter is, when to warn, what a plan
 * change would need removed. Pure, so it is unit-tested (tests/unit/entitlements.test.ts).
 * The database decides what is allowed (supabase/migrations/20261123000700_plans.sql):
 * these mirror its rules for display, they enforce nothing.
 */

export type MetricKind = "count" | "metered" | "feature";

/** From this share of a limit on, the app warns (banners, the meter turns amber). */
export const NEAR_LIMIT_SHARE = 0.8;

export type MeterState = "ok" | "near" | "at" | "over";

export interface MetricInfo {
  id: string;
  kind: MetricKind;
  label: string;
  unitSingular: string;
  unitPlural: string;
}

export interface Meter extends MetricInfo {
  used: number;
  /** null: unlimited. */
  limit: number | null;
  /** 0..100, null when unlimited. */
  percent: number | null;
  state: MeterState;
  /** Metered metrics: when the month's allowance starts again. */
  resetsAt: Date | null;
}

export function meterState(used: number, limit: number | null): MeterState {
  if (limit === null) return "ok";
  if (used > limit) return "over";
  if (used === limit) return "at";
  return used >= limit * NEAR_LIMIT_SHARE ? "near" : "ok";
}

export function percentUsed(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit === 0) return 100;
  return Math.min(100, Math.round((used / limit) * 100));
}

const numberFormat = new Intl.NumberFormat("en-US");
const dayFormat = new Intl.DateTimeFormat("en-US", {
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/** A billing date as people read it: "December 1" (periods and grace periods are in UTC). */
export const billingDay = (date: Date | string) => dayFormat.format(new Date(date));

/** "1 project", "5,000 API requests". */
export function quantity(amount: number, metric: Pick<MetricInfo, "unitSingular" | "unitPlural">) {
  return `${numberFormat.format(amount)} ${amount === 1 ? metric.unitSingular : metric.unitPlural}`;
}

/** A plan's limit as the comparison table shows it. */
export function describeLimit(limit: number | null, metric: MetricInfo): string {
  if (metric.kind === "feature") return limit === null || limit > 0 ? "Included" : "—";
  if (limit === null) return "Unlimited";
  return quantity(limit, metric);
}

export function toMeter(
  metric: MetricInfo,
  usage: { used: number | null; limit: number | null; resetsAt: string | null },
): Meter {
  const used = usage.used ?? 0;
  return {
    ...metric,
    used,
    limit: usage.limit,
    percent: metric.kind === "feature" ? null : percentUsed(used, usage.limit),
    state: metric.kind === "feature" ? "ok" : meterState(used, usage.limit),
    resetsAt: usage.resetsAt ? new Date(usage.resetsAt) : null,
  };
}

export interface Blocker {
  metric: string;
  used: number;
  limit: number;
  excess: number;
}

/**
 * What must go before a workspace fits a plan: each count metric over the plan's
 * limit (metered usage resets, features switch off on their own). The same rule as
 * private.plan_change_blockers(), which refuses the change.
 */
export function planChangeBlockers(
  meters: readonly Meter[],
  planLimits: ReadonlyMap<string, number | null>,
): Blocker[] {
  return meters.flatMap((meter) => {
    if (meter.kind !== "count" || !planLimits.has(meter.id)) return [];
    const limit = planLimits.get(meter.id) ?? null;
    if (limit === null || meter.used <= limit) return [];
    return [{ metric: meter.id, used: meter.used, limit, excess: meter.used - limit }];
  });
}

/** "Remove 4 projects and 1 seat" for the blockers of a plan change. */
export function describeBlockers(blockers: readonly Blocker[], metrics: readonly MetricInfo[]) {
  const parts = blockers.map((blocker) => {
    const metric = metrics.find((m) => m.id === blocker.metric);
    return metric ? quantity(blocker.excess, metric) : `${blocker.excess} ${blocker.metric}`;
  });
  return parts.length === 0 ? null : `Remove ${parts.join(" and ")}`;
}

/** Where a plan stands next to the current one, by the catalog's order. */
export function planDirection(
  plan: { sortOrder: number; id: string },
  current: { sortOrder: number; id: string },
): "current" | "upgrade" | "downgrade" {
  if (plan.id === current.id) return "current";
  return plan.sortOrder > current.sortOrder ? "upgrade" : "downgrade";
}
