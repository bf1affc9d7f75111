/**
 * The permission tables the UI reads (lib/<domain>/permissions.ts), as role ×
 * capability tables, each cell checked against what the database allows: the attack
 * matrix's specs (tests/access-specs.ts), which the integration suite proves against
 * the real API. A capability changed on one side only fails here.
 */
import { describe, expect, it } from "vitest";
import { ACTIVITY_PERMISSIONS, activityPermissions } from "@/lib/activity/permissions";
import { billingPermissions } from "@/lib/billing/permissions";
import { MEMBER_PERMISSIONS, memberPermissions } from "@/lib/members/permissions";
import { PROJECT_PERMISSIONS, projectPermissions } from "@/lib/projects/permissions";
import { supportPermissions } from "@/lib/support/permissions";
import { ROLES, type Role } from "@/lib/workspaces/validation";
import { expectedVerdict, RPCS, TABLES, type Verb } from "../access-specs";

/** Whether the database lets `role` do `verb` on the workspace's rows of `table`. */
function tableAllows(table: string, verb: Verb, role: Role): boolean {
  const spec = TABLES[table];
  if (!spec) throw new Error(`tests/access-specs.ts has no table ${table}`);
  return expectedVerdict(spec.may[verb], role) === "allow";
}

/** Whether the database lets `role` call the RPC named `name` on the workspace (any argument types). */
function rpcAllows(name: string, role: Role): boolean {
  const keys = Object.keys(RPCS).filter((key) => key.startsWith(`${name}(`));
  if (keys.length !== 1) throw new Error(`tests/access-specs.ts has ${keys.length} RPCs ${name}`);
  return expectedVerdict(RPCS[keys[0]!]!.may, role) === "allow";
}

describe.each(ROLES)("what the UI offers a workspace %s is what the database allows", (role) => {
  it("billing: every member reads the plan; the meters are read through a member RPC", () => {
    // The database lets every member read the subscription and the usage; the UI shows
    // the meters to owners and admins only, a presentation choice, never more than allowed.
    const can = billingPermissions(role);
    expect(tableAllows("public.workspace_subscriptions", "select", role)).toBe(true);
    expect(rpcAllows("public.get_workspace_usage", role)).toBe(true);
    if (can.canViewBilling) expect(["owner", "admin"]).toContain(role);
    // Nobody changes the plan through the API: the platform does, after payment.
    expect(tableAllows("public.workspace_subscriptions", "update", role)).toBe(false);
    expect(can.canManageBilling).toBe(role === "owner");
  });

  it("projects", () => {
    const can = projectPermissions(role);
    expect({ canCreate: can.canCreate, canEdit: can.canEdit, canDelete: can.canDelete }).toEqual({
      canCreate: tableAllows("public.projects", "insert", role),
      canEdit: tableAllows("public.projects", "update", role),
      canDelete: tableAllows("public.projects", "delete", role),
    });
  });

  it("members and the workspace", () => {
    const can = memberPermissions(role);
    expect({
      canInvite: can.canInvite,
      // The specs' role changes and removals target a plain member.
      canManageMember: can.canManage("member"),
      canRemoveMember: can.canManage("member"),
      canTransferOwnership: can.canTransferOwnership,
      canEditWorkspace: can.canEditWorkspace,
      canDeleteWorkspace: can.canDeleteWorkspace,
    }).toEqual({
      canInvite: rpcAllows("public.invite_member", role),
      canManageMember: rpcAllows("public.update_member_role", role),
      canRemoveMember: rpcAllows("public.remove_member", role),
      canTransferOwnership: rpcAllows("public.transfer_ownership", role),
      canEditWorkspace: tableAllows("public.organizations", "update", role),
      // Deleting a workspace is scheduling its deletion (the purge deletes the row).
      canDeleteWorkspace: rpcAllows("public.schedule_workspace_deletion", role),
    });
    // Whoever may invite may give at least the plain member role, and nobody else gives any.
    expect(can.assignableRoles.includes("member")).toBe(rpcAllows("public.invite_member", role));
  });

  it("support access: every member sees the grants, owners decide about them", () => {
    const can = supportPermissions(role);
    expect({
      canViewGrants: can.canViewGrants,
      canRequireApproval: can.canManageGrants,
      canApprove: can.canManageGrants,
      canRevoke: can.canManageGrants,
    }).toEqual({
      canViewGrants: rpcAllows("public.get_support_grants", role),
      canRequireApproval: rpcAllows("public.set_support_approval", role),
      canApprove: rpcAllows("public.approve_support_grant", role),
      canRevoke: rpcAllows("public.revoke_support_grant", role),
    });
  });

  it("the activity log (the specs' workspace keeps it from plain members)", () => {
    const can = activityPermissions({ role, membersCanViewActivity: false });
    expect({ canView: can.canView, canRestore: can.canRestore }).toEqual({
      canView: tableAllows("public.audit_logs", "select", role),
      canRestore: rpcAllows("public.restore_project", role),
    });
    expect(can.canView).toBe(rpcAllows("public.get_activity_actors", role));
  });
});

describe("the permission tables read as tables", () => {
  it("projects: everyone creates, admins edit, owners delete", () => {
    expect(PROJECT_PERMISSIONS).toEqual({
      owner: { canCreate: true, canEdit: true, canDelete: true },
      admin: { canCreate: true, canEdit: true, canDelete: false },
      member: { canCreate: true, canEdit: false, canDelete: false },
    });
  });

  it("members: admins manage everyone but owners; only owners give ownership away", () => {
    expect(MEMBER_PERMISSIONS.admin.assignableRoles).toEqual(["admin", "member"]);
    const admin = memberPermissions("admin");
    expect([admin.canManage("owner"), admin.canManage("admin"), admin.canManage("member")]).toEqual(
      [false, true, true],
    );
    expect(ROLES.map((role) => memberPermissions(role).canManage("owner"))).toEqual([
      true,
      false,
      false,
    ]);
    expect(memberPermissions("member").assignableRoles).toEqual([]);
  });

  it("activity: members read it only when the owner allows; only owners decide that", () => {
    expect(ACTIVITY_PERMISSIONS.member.canView).toBe("if-allowed");
    expect(activityPermissions({ role: "member", membersCanViewActivity: true }).canView).toBe(
      true,
    );
    expect(activityPermissions({ role: "member", membersCanViewActivity: false }).canView).toBe(
      false,
    );
    // Enforced by a guard trigger on organizations.members_can_view_activity, which the
    // access specs do not model (they only rename the workspace).
    expect(ROLES.map((role) => ACTIVITY_PERMISSIONS[role].canChangeVisibility)).toEqual([
      true,
      false,
      false,
    ]);
  });
});
