import { Badge } from "@/components/ui/badge";

/** A tenant's lifecycle state in the console (admin_list_workspaces().status). */
export function TenantStatus({ status }: { status: string }) {
  if (status === "suspended") return <Badge tone="archived">Suspended</Badge>;
  if (status === "deletion_scheduled") return <Badge tone="archived">Deletion scheduled</Badge>;
  return <Badge tone="active">Active</Badge>;
}
