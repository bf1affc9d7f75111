"use server";

import { fail, ok, redirectTo, workspaceAction } from "@/lib/actions/safe-action";
import {
  createProjectSchema,
  deleteProjectSchema,
  projectStatusSchema,
  renameProjectSchema,
} from "./validation";

/*
 * The project id from the form is only ever used inside the workspace of the URL
 * (organization_id filter), and RLS decides whether the change is allowed: a
 * refused update or delete simply matches no row.
 */

export const createProject = workspaceAction(
  { schema: createProjectSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { error } = await supabase
      .from("projects")
      .insert({ organization_id: workspace.id, name: data.name });
    if (error) return fail(error, "project_not_created");
    return ok(`Created “${data.name}”.`);
  },
);

export const renameProject = workspaceAction(
  { schema: renameProjectSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { data: rows, error } = await supabase
      .from("projects")
      .update({ name: data.name })
      .eq("organization_id", workspace.id)
      .eq("id", data.projectId)
      .select("id");
    if (error || rows.length === 0) return fail("project_not_allowed");
    return ok("Project renamed.");
  },
);

export const setProjectStatus = workspaceAction(
  { schema: projectStatusSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { data: rows, error } = await supabase
      .from("projects")
      .update({ status: data.status })
      .eq("organization_id", workspace.id)
      .eq("id", data.projectId)
      .select("id");
    if (error || rows.length === 0) return fail("project_not_allowed");
    return ok(data.status === "archived" ? "Project archived." : "Project restored.");
  },
);

export const deleteProject = workspaceAction(
  { schema: deleteProjectSchema, revalidate: "workspace" },
  async ({ data, workspace, supabase }) => {
    const { data: rows, error } = await supabase
      .from("projects")
      .delete()
      .eq("organization_id", workspace.id)
      .eq("id", data.projectId)
      .select("id");
    if (error || rows.length === 0) return fail("project_not_allowed");
    // The deletion's audit entry is what Undo restores from (restore_project). Owners,
    // the only ones who delete, can always read the log; no entry just means no Undo.
    const { data: entry } = await supabase
      .from("audit_logs")
      .select("id")
      .eq("organization_id", workspace.id)
      .eq("table_name", "projects")
      .eq("record_id", data.projectId)
      .is("new_data", null)
      // Newest first on audit_logs_org_created_idx: the entry was written a moment ago.
      .order("created_at", { ascending: false })
      .limit(1)
      .maybeSingle();
    return redirectTo(`/w/${workspace.slug}?deleted=${entry?.id ?? 0}`);
  },
);
