import type { Role } from "@/lib/workspaces/validation";

/**
 * What each role may do with the team and the workspace itself. The UI asks this
 * table what to show; the team RPCs and RLS on public.organizations decide what
 * happens, and tests/unit/permissions.test.ts holds the two together
 * (tests/access-specs.ts).
 */
export const MEMBER_PERMISSIONS = {
  owner: {
    canInvite: true,
    /** Roles this user may give, by invitation or role change. */
    assignableRoles: ["owner", "admin", "member"],
    /** Roles of the members this user may change or remove. */
    managedRoles: ["owner", "admin", "member"],
    canTransferOwnership: true,
    canEditWorkspace: true,
    canDeleteWorkspace: true,
  },
  admin: {
    canInvite: true,
    // Admins cannot make, unmake or remove owners.
    assignableRoles: ["admin", "member"],
    managedRoles: ["admin", "member"],
    canTransferOwnership: false,
    canEditWorkspace: true,
    canDeleteWorkspace: false,
  },
  member: {
    canInvite: false,
    assignableRoles: [],
    managedRoles: [],
    canTransferOwnership: false,
    canEditWorkspace: false,
    canDeleteWorkspace: false,
  },
} as const satisfies Record<
  Role,
  {
    canInvite: boolean;
    assignableRoles: readonly Role[];
    managedRoles: readonly Role[];
    canTransferOwnership: boolean;
    canEditWorkspace: boolean;
    canDeleteWorkspace: boolean;
  }
>;

export function memberPermissions(role: Role) {
  const row = MEMBER_PERMISSIONS[role];
  const assignableRoles: readonly Role[] = row.assignableRoles;
  const managed: readonly Role[] = row.managedRoles;
  return {
    ...row,
    assignableRoles,
    /** Whether this user may change or remove a member who holds `targetRole`. */
    canManage: (targetRole: Role) => managed.includes(targetRole),
  };
}
