import {
  describeBlockers,
  describeLimit,
  planChangeBlockers,
  planDirection,
  type Meter,
  type MetricInfo,
} from "@/lib/billing/entitlements";
import type { Plan } from "@/lib/billing/queries";
import type { FormState } from "@/lib/forms";
import { ActionForm } from "@/components/ui/action-form";

const price = (cents: number | null) =>
  cents === null ? "Contact us" : cents === 0 ? "Free" : `$${(cents / 100).toFixed(0)} / month`;

/**
 * The plans side by side, with what each allows. A downgrade the workspace does not
 * fit says what must go first (the database refuses it anyway, never deleting data).
 */
export function PlanTable({
  plans,
  current,
  metrics,
  meters,
  action,
  canManage,
  unavailableNote,
}: {
  plans: Plan[];
  current: Plan;
  metrics: MetricInfo[];
  meters: Meter[];
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  canManage: boolean;
  /** Shown instead of the buttons when nobody can change the plan here. */
  unavailableNote: string;
}) {
  const shown = plans.filter((plan) => plan.isPublic || plan.id === current.id);
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Plans compared</caption>
        <thead>
          <tr className="border-b border-zinc-200">
            <th scope="col" className="py-2 pr-4 font-medium text-zinc-600">
              Plan
            </th>
            {shown.map((plan) => (
              <th key={plan.id} scope="col" className="px-3 py-2 align-bottom">
                <span className="block font-semibold text-zinc-900">{plan.name}</span>
                <span className="block text-xs font-normal text-zinc-600">
                  {price(plan.monthlyPriceCents)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.map((metric) => (
            <tr key={metric.id} className="border-b border-zinc-100">
              <th scope="row" className="py-2 pr-4 font-normal text-zinc-700">
                {metric.label}
              </th>
              {shown.map((plan) => (
                <td key={plan.id} className="px-3 py-2 text-zinc-900">
                  {describeLimit(
                    plan.limits.has(metric.id) ? (plan.limits.get(metric.id) ?? null) : 0,
                    metric,
                  )}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            {shown.map((plan) => {
              const direction = planDirection(plan, current);
              if (direction === "current")
                return (
                  <td key={plan.id} className="px-3 py-3 text-sm font-medium text-zinc-900">
                    Current plan
                  </td>
                );
              const blockers = describeBlockers(planChangeBlockers(meters, plan.limits), metrics);
              return (
                <td key={plan.id} className="px-3 py-3 align-top">
                  {canManage && plan.monthlyPriceCents !== null ? (
                    blockers ? (
                      // The database would refuse it too: say what to remove instead.
                      <p className="text-xs text-zinc-600">
                        {blockers} to switch to {plan.name}.
                      </p>
                    ) : (
                      <ActionForm
                        action={action}
                        fields={{ planId: plan.id }}
                        label={`${direction === "upgrade" ? "Upgrade to" : "Switch to"} ${plan.name}`}
                        pendingLabel="Working…"
                        variant={direction === "upgrade" ? "primary" : "secondary"}
                      />
                    )
                  ) : (
                    <span className="text-xs text-zinc-600">{unavailableNote}</span>
                  )}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
