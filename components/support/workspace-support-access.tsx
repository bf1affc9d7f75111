import { Card } from "@/components/ui/card";
import { GrantList } from "@/components/support/grant-list";
import { listWorkspaceSupportGrants } from "@/lib/support/queries";

/**
 * The workspace's settings section "Support access": every member sees who from
 * support had access to this workspace, why, and until when (open and past grants).
 */
export async function WorkspaceSupportAccess({ workspaceId }: { workspaceId: string }) {
  const grants = await listWorkspaceSupportGrants(workspaceId);
  return (
    <Card className="space-y-2 p-6">
      <h2 className="text-base font-semibold text-zinc-900">Support access</h2>
      <p className="text-sm text-zinc-600">
        Our support staff can read this workspace only through a grant that has a reason and expires
        (1 hour by default, 24 hours at most). They can never change anything. Each grant and every
        page they view also appears in the activity log.
      </p>
      <GrantList grants={grants} />
    </Card>
  );
}
