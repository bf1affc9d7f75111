import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";

export interface WorkspaceLifecycle {
  suspendedAt: string | null;
  suspensionReason: string | null;
  deletionDueAt: string | null;
}

/** The workspace's suspension and deletion schedule, read under the member's JWT (RLS). */
export const getWorkspaceLifecycle = cache(
  async (organizationId: string): Promise<WorkspaceLifecycle | null> => {
    const supabase = await createClient();
    const { data, error } = await supabase
      .from("organizations")
      .select("suspended_at, suspension_reason, deletion_due_at")
      .eq("id", organizationId)
      .maybeSingle();
    if (error) throw new Error(`Could not load the workspace's status: ${error.message}`);
    if (!data) return null;
    return {
      suspendedAt: data.suspended_at,
      suspensionReason: data.suspension_reason,
      deletionDueAt: data.deletion_due_at,
    };
  },
);

/** Whole days left before a deletion, rounded up (a deletion due in 3 hours is "1 day"). */
export function daysUntil(iso: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((new Date(iso).getTime() - now) / 86_400_000));
}
