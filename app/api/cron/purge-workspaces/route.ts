import { isAuthorizedCron } from "@/lib/lifecycle/cron";
import { purgeDueWorkspaces } from "@/lib/supabase/admin";

/**
 * The purge job for a platform scheduler (Vercel Cron, a GitHub Actions schedule…):
 * deletes the workspaces whose deletion is due. Authorized by CRON_SECRET, not by a
 * user; each deletion is recorded in the platform log with its row counts.
 */
export async function POST(request: Request) {
  if (!isAuthorizedCron(request.headers.get("authorization"), process.env.CRON_SECRET))
    return Response.json({ error: "unauthorized" }, { status: 401 });
  const deleted = await purgeDueWorkspaces("cron route");
  return Response.json({ deleted: deleted.map(({ slug, rowCounts }) => ({ slug, rowCounts })) });
}

// Vercel Cron calls GET.
export const GET = POST;
