import type { Role } from "@/lib/workspaces/validation";

/**
 * Who may export a workspace: its owners. The UI asks this table whether to show the
 * download; the database decides (record_workspace_export() refuses everyone else, and
 * the export route refuses before reading), and tests/unit/export-format.test.ts holds
 * this table to tests/access-specs.ts.
 */
export const EXPORT_PERMISSIONS = {
  owner: { canExport: true },
  admin: { canExport: false },
  member: { canExport: false },
} as const satisfies Record<Role, { canExport: boolean }>;

export const exportPermissions = (role: Role) => EXPORT_PERMISSIONS[role];
