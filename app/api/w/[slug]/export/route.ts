import { getCurrentUser } from "@/lib/auth/session";
import {
  countWorkspaceRows,
  exportArchiveStream,
  exportFileName,
  recordExport,
} from "@/lib/export/archive";
import { EXPORT_ROWS_HEADER } from "@/lib/export/format";
import { createClient } from "@/lib/supabase/server";
import { findMyWorkspace } from "@/lib/workspaces/queries";
import { slugSchema } from "@/lib/workspaces/validation";

const refuse = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status });

/**
 * GET /api/w/[slug]/export: the workspace as one ZIP archive (lib/export/format.ts),
 * streamed, for its owners. Read under the owner's JWT like every page (RLS is the
 * boundary; no service role here). Not a member, or no such workspace: the same 404.
 * A member or admin: 403 (they know the workspace exists; the database refuses to
 * record their export, which is the check that holds).
 */
export async function GET(_request: Request, context: RouteContext<"/api/w/[slug]/export">) {
  const slug = slugSchema.safeParse((await context.params).slug);
  const user = await getCurrentUser();
  if (!user) return refuse(401, "not_authenticated", "Sign in first.");
  const workspace = slug.success ? await findMyWorkspace(user.id, slug.data) : null;
  if (!workspace) return refuse(404, "not_found", "No such workspace.");
  if (workspace.role !== "owner")
    return refuse(403, "export_owner_only", "Only an owner can export this workspace.");

  const supabase = await createClient();
  const counts = await countWorkspaceRows(supabase, workspace.id);
  const { error } = await recordExport(supabase, workspace.id, counts);
  if (error) {
    if (error.code === "42501")
      return refuse(403, "export_owner_only", "Only an owner can export this workspace.");
    console.error(`export of ${workspace.slug} not recorded: ${error.message}`);
    return refuse(500, "export_failed", "The export could not start. Try again.");
  }
  const body = exportArchiveStream({
    client: supabase,
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name },
    exportedBy: "owner",
    onError: (cause) => console.error(`export of ${workspace.slug} failed midway:`, cause),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFileName(workspace.slug)}"`,
      "Cache-Control": "no-store",
      [EXPORT_ROWS_HEADER]: String(Object.values(counts).reduce((sum, rows) => sum + rows, 0)),
    },
  });
}
