"use server";

import {
  buttonOnlySchema,
  fail,
  ok,
  redirectTo,
  userAction,
  workspaceAction,
} from "@/lib/actions/safe-action";
import { deletionGraceDays } from "@/lib/lifecycle/validation";
import { createWorkspaceSchema, deleteWorkspaceSchema, updateWorkspaceSchema } from "./validation";

/** create_organization creates the workspace and the caller's owner membership atomically. */
export const createWorkspace = userAction(
  { schema: createWorkspaceSchema },
  async ({ data, supabase }) => {
    const { data: workspace, error } = await supabase.rpc("create_organization", data);
    if (error) return fail(error, "workspace_not_created");
    return redirectTo(`/w/${workspace.slug}`);
  },
);

export const updateWorkspace = workspaceAction(
  // Names and slugs show in every page's switcher.
  { schema: updateWorkspaceSchema, revalidate: "everything" },
  async ({ data, workspace, supabase }) => {
    const { data: rows, error } = await supabase
      .from("organizations")
      .update({ name: data.name, slug: data.slug })
      .eq("id", workspace.id)
      .select("slug");
    // The slug guard raises slug_taken / slug_reserved; a plain unique_violation
    // (23505) can only be the slug too, the one unique column a user can change.
    if (error?.code === "23505") return fail("slug_taken");
    if (error) return fail(error, "workspace_not_updated");
    if (rows.length === 0) return fail("workspace_not_updated");
    if (data.slug !== workspace.slug) return redirectTo(`/w/${data.slug}/settings?saved=1`);
    return ok("Workspace settings saved.");
  },
);

/**
 * Owners only; the typed name guards against deleting the wrong workspace. Deleting
 * is scheduling: the workspace is read-only for everyone until the purge job deletes
 * it after the grace period (WORKSPACE_DELETION_GRACE_DAYS), or an owner cancels.
 */
export const deleteWorkspace = workspaceAction(
  { schema: deleteWorkspaceSchema, revalidate: "everything" },
  async ({ data, workspace, supabase }) => {
    if (data.confirmName !== workspace.name) return fail("confirm_name_mismatch");
    const { error } = await supabase.rpc("schedule_workspace_deletion", {
      org: workspace.id,
      grace_days: deletionGraceDays(),
    });
    if (error) return fail(error, "workspace_not_deleted");
    return ok("Deletion scheduled. The workspace is read-only until then; you can cancel it.");
  },
);

export const cancelWorkspaceDeletion = workspaceAction(
  { schema: buttonOnlySchema, revalidate: "everything" },
  async ({ workspace, supabase }) => {
    const { error } = await supabase.rpc("cancel_workspace_deletion", { org: workspace.id });
    if (error) return fail(error, "workspace_not_deleted");
    return ok("Deletion cancelled. The workspace is writable again.");
  },
);
