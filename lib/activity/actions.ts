"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { errorState, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { requireWorkspace } from "@/lib/workspaces/context";

const restoreMessages: Record<string, string> = {
  audit_entry_not_found:
    "Only a deleted project of this workspace can be restored, by an owner or admin.",
  already_restored: "This project has already been restored.",
};

export async function restoreProject(
  slug: string,
  entryId: number,
  _previous: FormState,
): Promise<FormState> {
  await requireWorkspace(slug);
  const id = z.number().int().positive().safeParse(entryId);
  if (!id.success) return errorState("That entry is not valid.");
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("restore_project", { audit_log_id: id.data });
  if (error)
    return errorState(restoreMessages[error.message] ?? "The project could not be restored.");
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}/projects/${data as string}?restored=1`);
}

export async function setMembersCanViewActivity(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const allowed = formData.get("membersCanViewActivity") === "on";
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("organizations")
    .update({ members_can_view_activity: allowed })
    .eq("id", workspace.id)
    .select("id");
  if (error || !data || data.length === 0)
    return errorState("Only an owner can change who sees the activity log.");
  revalidatePath(`/w/${slug}`, "layout");
  return {
    status: "success",
    message: allowed
      ? "Members can now see the activity log."
      : "Only owners and admins see the activity log now.",
  };
}
