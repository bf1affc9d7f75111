"use server";

import { fail, ok, redirectTo, workspaceAction } from "@/lib/actions/safe-action";
import { activityVisibilitySchema, restoreSchema } from "./validation";

/** restore_project checks the caller's role and that the entry is a deletion in the page's workspace. */
export const restoreProject = workspaceAction(
  { schema: restoreSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { data: projectId, error } = await supabase.rpc("restore_project", {
      org: workspace.id,
      audit_log_id: data.entryId,
    });
    if (error) return fail(error, "project_not_restored");
    return redirectTo(`/w/${workspace.slug}/projects/${projectId}?restored=1`);
  },
);

export const setMembersCanViewActivity = workspaceAction(
  { schema: activityVisibilitySchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const allowed = data.membersCanViewActivity;
    const { data: rows, error } = await supabase
      .from("organizations")
      .update({ members_can_view_activity: allowed })
      .eq("id", workspace.id)
      .select("id");
    if (error) return fail(error, "visibility_not_changed");
    if (rows.length === 0) return fail("visibility_not_changed");
    return ok(
      allowed
        ? "Members can now see the activity log."
        : "Only owners and admins see the activity log now.",
    );
  },
);
