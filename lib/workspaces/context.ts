import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { findMyWorkspace, type Workspace } from "./queries";
import { LAST_WORKSPACE_COOKIE } from "./resolve";
import type { Role } from "./validation";

/**
 * The workspace a request is about, resolved from the URL slug and the verified
 * session. A slug the user is not a member of is a 404, exactly like one that
 * does not exist, so workspace names never leak.
 */
export async function requireWorkspace(
  slug: string,
): Promise<{ user: CurrentUser; workspace: Workspace }> {
  const user = await requireUser();
  const workspace = await findMyWorkspace(user.id, slug);
  if (workspace) return { user, workspace };
  // The browser's own "last workspace" is this slug: the user was just removed (or
  // the workspace renamed or deleted). Send them somewhere useful instead of a 404.
  // Any slug can be put in that cookie, so this tells nobody whether the slug exists.
  if ((await cookies()).get(LAST_WORKSPACE_COOKIE)?.value === slug)
    redirect("/?notice=access-lost");
  notFound();
}

/** What each role may do with projects; the database enforces the same rules. */
export function projectPermissions(role: Role) {
  return {
    canCreate: true,
    canEdit: role === "owner" || role === "admin",
    canDelete: role === "owner",
  };
}

/** What each role may do with the team; the RPCs enforce the same rules. */
export function memberPermissions(role: Role) {
  const manages = role === "owner" || role === "admin";
  return {
    canInvite: manages,
    /** Roles this user may give (admins cannot make owners). */
    assignableRoles:
      role === "owner"
        ? (["owner", "admin", "member"] as Role[])
        : manages
          ? (["admin", "member"] as Role[])
          : [],
    /** Whether this user may change or remove a member who holds `targetRole`. */
    canManage: (targetRole: Role) =>
      role === "owner" || (role === "admin" && targetRole !== "owner"),
    canTransferOwnership: role === "owner",
    canEditWorkspace: manages,
    canDeleteWorkspace: role === "owner",
  };
}

/** Who reads the activity log (the audit_logs policy says the same); owners and admins restore. */
export function activityPermissions(workspace: Pick<Workspace, "role" | "membersCanViewActivity">) {
  const manages = workspace.role === "owner" || workspace.role === "admin";
  return {
    canView: manages || workspace.membersCanViewActivity,
    canRestore: manages,
    canChangeVisibility: workspace.role === "owner",
  };
}
