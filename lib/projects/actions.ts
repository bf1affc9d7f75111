"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, parseForm, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { requireWorkspace } from "@/lib/workspaces/context";
import {
  createProjectSchema,
  deleteProjectSchema,
  projectStatusSchema,
  renameProjectSchema,
} from "./validation";

/*
 * Every action takes the workspace slug (bound on the server component side) and
 * resolves it against the session; the project id from the form is only ever
 * used inside that workspace, and RLS decides whether the change is allowed.
 */

const NOT_ALLOWED =
  "You do not have permission to do that in this workspace, or the project no longer exists.";

export async function createProject(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(createProjectSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { error } = await supabase
    .from("projects")
    .insert({ organization_id: workspace.id, name: parsed.data.name });
  if (error) return errorState("The project could not be created. Try again.", formData);
  revalidatePath(`/w/${slug}`, "layout");
  return { status: "success", message: `Created “${parsed.data.name}”.` };
}

export async function renameProject(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(renameProjectSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .update({ name: parsed.data.name })
    .eq("organization_id", workspace.id)
    .eq("id", parsed.data.projectId)
    .select("id");
  if (error || data.length === 0) return errorState(NOT_ALLOWED, formData);
  revalidatePath(`/w/${slug}`, "layout");
  return { status: "success", message: "Project renamed." };
}

export async function setProjectStatus(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(projectStatusSchema, formData);
  if (!parsed.ok) return errorState("That status is not valid.");
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .update({ status: parsed.data.status })
    .eq("organization_id", workspace.id)
    .eq("id", parsed.data.projectId)
    .select("id");
  if (error || data.length === 0) return errorState(NOT_ALLOWED);
  revalidatePath(`/w/${slug}`, "layout");
  return {
    status: "success",
    message: parsed.data.status === "archived" ? "Project archived." : "Project restored.",
  };
}

export async function deleteProject(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(deleteProjectSchema, formData);
  if (!parsed.ok) return errorState("That project id is not valid.");
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .delete()
    .eq("organization_id", workspace.id)
    .eq("id", parsed.data.projectId)
    .select("id");
  if (error || data.length === 0) return errorState(NOT_ALLOWED);
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}?deleted=1`);
}
