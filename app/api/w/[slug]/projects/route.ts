import { getCurrentUser } from "@/lib/auth/session";
import { PROJECT_LIST_LIMIT, listProjects } from "@/lib/projects/queries";
import { withQuota } from "@/lib/quota/guard";
import { usageMeter } from "@/lib/quota";
import { createClient } from "@/lib/supabase/server";
import { findMyWorkspace } from "@/lib/workspaces/queries";
import { slugSchema } from "@/lib/workspaces/validation";

/**
 * GET /api/w/[slug]/projects: the workspace's projects as JSON, for the signed-in
 * user (session cookie), read under their JWT like every page. Each call takes one
 * of the workspace's monthly API requests (plan metric api_requests); once they are
 * spent the answer is 429 with Retry-After until the month resets (lib/quota/guard.ts).
 */
export async function GET(_request: Request, context: RouteContext<"/api/w/[slug]/projects">) {
  const slug = slugSchema.safeParse((await context.params).slug);
  const user = await getCurrentUser();
  if (!user) {
    return Response.json(
      { error: "not_authenticated", message: "Sign in first." },
      { status: 401 },
    );
  }
  // Not a member and not existing answer the same.
  const workspace = slug.success ? await findMyWorkspace(user.id, slug.data) : null;
  if (!workspace) {
    return Response.json({ error: "not_found", message: "No such workspace." }, { status: 404 });
  }
  const supabase = await createClient();
  return withQuota(
    usageMeter(supabase),
    { workspaceId: workspace.id, metric: "api_requests" },
    async () => {
      const { projects, hasMore } = await listProjects(workspace.id);
      return Response.json({
        workspace: { slug: workspace.slug, name: workspace.name },
        projects,
        hasMore,
        limit: PROJECT_LIST_LIMIT,
      });
    },
  );
}
