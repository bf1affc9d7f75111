import type { Role } from "@/lib/workspaces/validation";

/**
 * What each role may do with a workspace's projects. The UI asks this table what to
 * show; RLS on public.projects decides what happens, and
 * tests/unit/permissions.test.ts holds the two together (tests/access-specs.ts).
 */
export const PROJECT_PERMISSIONS = {
  //       create  edit (rename, archive)  delete
  owner: { canCreate: true, canEdit: true, canDelete: true },
  admin: { canCreate: true, canEdit: true, canDelete: false },
  member: { canCreate: true, canEdit: false, canDelete: false },
} as const satisfies Record<Role, Record<string, boolean>>;

export type ProjectPermissions = (typeof PROJECT_PERMISSIONS)[Role];

export const projectPermissions = (role: Role): ProjectPermissions => PROJECT_PERMISSIONS[role];
