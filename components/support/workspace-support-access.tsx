import { ActionForm } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { SupportApprovalForm } from "@/components/support/approval-form";
import { GrantList } from "@/components/support/grant-list";
import { approveSupportGrant, revokeSupportGrant, setSupportApproval } from "@/lib/support/actions";
import { supportPermissions } from "@/lib/support/permissions";
import { listWorkspaceSupportGrants, supportRequiresApproval } from "@/lib/support/queries";
import type { Role } from "@/lib/workspaces/validation";

/**
 * The workspace's settings section "Support access": every member sees who from
 * support had access to this workspace, why, and until when (open, pending and past
 * grants); owners may require their approval, approve a request, revoke access.
 */
export async function WorkspaceSupportAccess({
  workspace,
}: {
  workspace: { id: string; slug: string; role: Role };
}) {
  const can = supportPermissions(workspace.role);
  const [grants, requiresApproval] = await Promise.all([
    listWorkspaceSupportGrants(workspace.id),
    supportRequiresApproval(workspace.id),
  ]);
  return (
    <Card className="space-y-4 p-6">
      <div className="space-y-1">
        <h2 className="text-base font-semibold text-zinc-900">Support access</h2>
        <p className="text-sm text-zinc-600">
          Our support staff can read this workspace only through a grant that has a reason and
          expires (1 hour by default, 24 hours at most). They can never change anything. Each grant
          and every page they view also appears in the activity log.
          {requiresApproval && " Support access waits for an owner's approval."}
        </p>
      </div>
      {can.canManageGrants && (
        <SupportApprovalForm
          action={setSupportApproval.bind(null, workspace.slug)}
          required={requiresApproval}
        />
      )}
      <GrantList
        grants={grants}
        actions={
          can.canManageGrants
            ? (grant, status) => (
                <>
                  {status === "pending" && (
                    <ActionForm
                      action={approveSupportGrant.bind(null, workspace.slug)}
                      fields={{ grantId: grant.id }}
                      label="Approve"
                      pendingLabel="Approving…"
                      variant="primary"
                    />
                  )}
                  <ActionForm
                    action={revokeSupportGrant.bind(null, workspace.slug)}
                    fields={{ grantId: grant.id }}
                    label={status === "pending" ? "Decline" : "Revoke"}
                    pendingLabel="Revoking…"
                  />
                </>
              )
            : undefined
        }
      />
    </Card>
  );
}
