import "server-only";
import { notFound } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { findMyWorkspace, type Workspace } from "./queries";
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
  if (!workspace) notFound();
  return { user, workspace };
}

/** What each role may do with projects; the database enforces the same rules. */
export function projectPermissions(role: Role) {
  return {
    canCreate: true,
    canEdit: role === "owner" || role === "admin",
    canDelete: role === "owner",
  };
}
