import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { billingDay } from "@/lib/billing/entitlements";
import { billingPermissions } from "@/lib/billing/permissions";
import { getSubscription } from "@/lib/billing/queries";
import type { Workspace } from "@/lib/workspaces/queries";

/**
 * Above every page of a workspace with a billing problem: during the grace period
 * after a failed payment, and once it is over (read-only, enforced by the database).
 */
export async function BillingStatusBanner({ workspace }: { workspace: Workspace }) {
  const subscription = await getSubscription(workspace.id);
  if (subscription?.status !== "past_due" || !subscription.graceEndsAt) return null;
  const restricted = new Date(subscription.graceEndsAt) <= new Date();
  const canFix = billingPermissions(workspace.role).canManageBilling;
  const fix = canFix ? (
    <Link
      href={`/w/${workspace.slug}/settings/billing`}
      className="font-medium underline underline-offset-2"
    >
      Update the payment method
    </Link>
  ) : (
    "The workspace's owners have been told."
  );
  return restricted ? (
    <Alert tone="error" className="mb-6">
      <span className="font-medium">This workspace is read-only because of a billing problem.</span>{" "}
      Everything is still here and readable. {fix}
    </Alert>
  ) : (
    <Alert tone="warning" role="alert" className="mb-6">
      <span className="font-medium">A payment for this workspace failed.</span> It stays fully
      usable until {billingDay(subscription.graceEndsAt)}, then becomes read-only until the payment
      goes through. {fix}
    </Alert>
  );
}
