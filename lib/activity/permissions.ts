import type { Role } from "@/lib/workspaces/validation";

/**
 * Who reads the activity log and what they may do there. Owners and admins always
 * read it; plain members only when the workspace's owner allows it. The UI asks this
 * table what to show; the audit_logs policy, restore_project() and the guard on
 * organizations.members_can_view_activity decide, and tests/unit/permissions.test.ts
 * holds the two together (tests/access-specs.ts).
 */
export const ACTIVITY_PERMISSIONS = {
  owner: { canView: true, canRestore: true, canChangeVisibility: true },
  admin: { canView: true, canRestore: true, canChangeVisibility: false },
  // canView: only when the workspace lets members read its log.
  member: { canView: "if-allowed", canRestore: false, canChangeVisibility: false },
} as const satisfies Record<
  Role,
  { canView: boolean | "if-allowed"; canRestore: boolean; canChangeVisibility: boolean }
>;

export function activityPermissions(workspace: { role: Role; membersCanViewActivity: boolean }) {
  const row = ACTIVITY_PERMISSIONS[workspace.role];
  return {
    canView: row.canView === "if-allowed" ? workspace.membersCanViewActivity : row.canView,
    canRestore: row.canRestore,
    canChangeVisibility: row.canChangeVisibility,
  };
}
