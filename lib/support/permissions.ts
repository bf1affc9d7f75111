import type { Role } from "@/lib/workspaces/validation";

/**
 * What a workspace's people may do about support access. Every member sees the grants
 * (get_support_grants()); owners decide: require approval, approve, revoke. The UI asks
 * this table; set_support_approval(), approve_support_grant() and revoke_support_grant()
 * decide, and tests/unit/permissions.test.ts holds the two together.
 */
export const SUPPORT_PERMISSIONS = {
  owner: { canViewGrants: true, canManageGrants: true },
  admin: { canViewGrants: true, canManageGrants: false },
  member: { canViewGrants: true, canManageGrants: false },
} as const satisfies Record<Role, { canViewGrants: boolean; canManageGrants: boolean }>;

export const supportPermissions = (role: Role) => SUPPORT_PERMISSIONS[role];
