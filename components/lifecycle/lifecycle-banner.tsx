import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { billingDay } from "@/lib/billing/entitlements";
import { daysUntil, getWorkspaceLifecycle } from "@/lib/lifecycle/queries";
import { memberPermissions } from "@/lib/members/permissions";
import { cancelWorkspaceDeletion } from "@/lib/workspaces/actions";
import type { Workspace } from "@/lib/workspaces/queries";

/**
 * Above every page of a suspended or offboarding workspace: why it is read-only
 * (the database refuses the writes), and for a deletion the countdown and, for
 * owners, "Cancel deletion".
 */
export async function LifecycleBanner({ workspace }: { workspace: Workspace }) {
  const lifecycle = await getWorkspaceLifecycle(workspace.id);
  if (!lifecycle) return null;
  if (lifecycle.suspendedAt)
    return (
      <Alert tone="error" className="mb-6">
        <span className="font-medium">This workspace is suspended and read-only.</span> Reason:{" "}
        {lifecycle.suspensionReason}. Everything is still here and readable; contact support to
        resume it.
      </Alert>
    );
  if (!lifecycle.deletionDueAt) return null;
  const days = daysUntil(lifecycle.deletionDueAt);
  return (
    <Alert tone="error" className="mb-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>
          <span className="font-medium">
            This workspace will be deleted in {days} {days === 1 ? "day" : "days"}
          </span>{" "}
          (on {billingDay(lifecycle.deletionDueAt)}). Until then it is read-only.
          {!memberPermissions(workspace.role).canDeleteWorkspace &&
            " Only an owner can cancel the deletion."}
        </p>
        {memberPermissions(workspace.role).canDeleteWorkspace && (
          <ActionForm
            action={cancelWorkspaceDeletion.bind(null, workspace.slug)}
            fields={{}}
            label="Cancel deletion"
            pendingLabel="Cancelling…"
          />
        )}
      </div>
    </Alert>
  );
}
