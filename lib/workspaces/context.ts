import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { recordPageLoad } from "@/lib/health/recorder";
import { findMyWorkspace, type Workspace } from "./queries";
import { LAST_WORKSPACE_COOKIE } from "./resolve";

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
  if (workspace) {
    // Per-tenant health: this request counts for the workspace (once, however many
    // layouts, pages and metadata functions resolve it).
    recordPageLoad(workspace.id);
    return { user, workspace };
  }
  // The browser's own "last workspace" is this slug: the user was just removed (or
  // the workspace renamed or deleted). Send them somewhere useful instead of a 404.
  // Any slug can be put in that cookie, so this tells nobody whether the slug exists.
  if ((await cookies()).get(LAST_WORKSPACE_COOKIE)?.value === slug)
    redirect("/?notice=access-lost");
  notFound();
}
