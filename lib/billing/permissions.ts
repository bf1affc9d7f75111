import type { Role } from "@/lib/workspaces/validation";

/**
 * Who sees what of the workspace's plan. Every member reads the subscription row and
 * the usage (RLS on public.workspace_subscriptions, get_workspace_usage()); the
 * billing page's meters and plan table are for owners and admins, and only owners
 * start an upgrade or manage billing (they are the ones who pay). Members see the
 * plan's name. tests/unit/permissions.test.ts holds this table to the access specs.
 */
export const BILLING_PERMISSIONS = {
  //       see meters + plans  change the plan
  owner: { canViewBilling: true, canManageBilling: true },
  admin: { canViewBilling: true, canManageBilling: false },
  member: { canViewBilling: false, canManageBilling: false },
} as const satisfies Record<Role, { canViewBilling: boolean; canManageBilling: boolean }>;

export type BillingPermissions = (typeof BILLING_PERMISSIONS)[Role];

export const billingPermissions = (role: Role): BillingPermissions => BILLING_PERMISSIONS[role];
