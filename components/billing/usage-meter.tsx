import { cn } from "@/components/ui/cn";
import { billingDay, quantity, type Meter } from "@/lib/billing/entitlements";

const barTones = {
  ok: "bg-zinc-900",
  near: "bg-amber-500",
  at: "bg-red-600",
  over: "bg-red-600",
} as const;

/** One metric of the plan: "2 of 3 projects", a bar, and when a monthly allowance resets. */
export function UsageMeter({ meter }: { meter: Meter }) {
  if (meter.kind === "feature") {
    const included = meter.limit === null || meter.limit > 0;
    return (
      <div className="flex items-center justify-between gap-4 text-sm">
        <span className="font-medium text-zinc-900">{meter.label}</span>
        <span className={included ? "text-emerald-700" : "text-zinc-500"}>
          {included ? "Included" : "Not in this plan"}
        </span>
      </div>
    );
  }
  const summary =
    meter.limit === null
      ? `${quantity(meter.used, meter)} · unlimited`
      : `${meter.used.toLocaleString("en-US")} of ${quantity(meter.limit, meter)}`;
  return (
    <div className="space-y-1.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 text-sm">
        <span className="font-medium text-zinc-900">{meter.label}</span>
        <span className="text-zinc-700">
          {summary}
          {meter.percent !== null && <span className="text-zinc-500"> ({meter.percent}%)</span>}
        </span>
      </div>
      {meter.limit !== null && (
        <div
          role="meter"
          aria-label={meter.label}
          aria-valuemin={0}
          aria-valuemax={meter.limit}
          aria-valuenow={Math.min(meter.used, meter.limit)}
          aria-valuetext={summary}
          className="h-2 overflow-hidden rounded-full bg-zinc-100"
        >
          <div
            className={cn("h-full rounded-full", barTones[meter.state])}
            style={{ width: `${meter.percent ?? 0}%` }}
          />
        </div>
      )}
      {meter.resetsAt && (
        <p className="text-xs text-zinc-500">Resets on {billingDay(meter.resetsAt)} (UTC).</p>
      )}
    </div>
  );
}
