import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { quantity, type Meter } from "@/lib/billing/entitlements";

/**
 * Where a limit bites (the projects list, the invite form): a warning from 80% of the
 * plan's limit, and a clear "you are at the limit" when nothing more fits. Owners and
 * admins get the way to the plans; members are told who can change it.
 */
export function LimitBanner({
  meter,
  slug,
  canViewBilling,
}: {
  meter: Meter | null;
  slug: string;
  canViewBilling: boolean;
}) {
  if (!meter || meter.limit === null || meter.state === "ok") return null;
  const atLimit = meter.state !== "near";
  const headline = atLimit
    ? `You have reached your plan's limit of ${quantity(meter.limit, meter)}.`
    : `You are using ${meter.used.toLocaleString("en-US")} of ${quantity(meter.limit, meter)} on your plan.`;
  const next = atLimit ? `Upgrade to add more ${meter.unitPlural}.` : `Upgrade before you run out.`;
  return (
    <Alert tone={atLimit ? "error" : "warning"} role={atLimit ? "alert" : "status"}>
      <span className="font-medium">{headline}</span>{" "}
      {canViewBilling ? (
        <>
          {next}{" "}
          <Link
            href={`/w/${slug}/settings/billing`}
            className="font-medium underline underline-offset-2"
          >
            See plans
          </Link>
        </>
      ) : (
        "Ask an owner of the workspace to upgrade the plan."
      )}
    </Alert>
  );
}
