"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { errorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { requireWorkspace } from "./context";
import { createWorkspaceSchema, updateWorkspaceSchema } from "./validation";

export async function createWorkspace(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await requireUser();
  const parsed = parseForm(createWorkspaceSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("create_organization", parsed.data);
  if (error) {
    if (error.message === "slug_taken") {
      return {
        status: "error",
        message: "That URL is taken.",
        fieldErrors: { slug: "Another workspace already uses this URL. Try another one." },
        values: formValues(formData),
      };
    }
    if (error.message === "invalid_slug") {
      return {
        ...errorState("Check the URL.", formData),
        fieldErrors: { slug: error.hint ?? "Invalid URL." },
      };
    }
    if (error.message === "invalid_name") {
      return {
        ...errorState("Check the name.", formData),
        fieldErrors: { name: error.hint ?? "Invalid name." },
      };
    }
    return errorState("The workspace could not be created. Try again.", formData);
  }
  redirect(`/w/${(data as { slug: string }).slug}`);
}

export async function updateWorkspace(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  const parsed = parseForm(updateWorkspaceSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("organizations")
    .update({ name: parsed.data.name, slug: parsed.data.slug })
    .eq("id", workspace.id)
    .select("slug");
  if (error?.code === "23505") {
    return {
      status: "error",
      message: "That URL is taken.",
      fieldErrors: { slug: "Another workspace already uses this URL. Try another one." },
      values: formValues(formData),
    };
  }
  if (error || !data || data.length === 0) {
    return errorState("Only owners and admins can change the workspace settings.", formData);
  }
  revalidatePath("/", "layout");
  if (parsed.data.slug !== workspace.slug) redirect(`/w/${parsed.data.slug}/settings?saved=1`);
  return { status: "success", message: "Workspace settings saved." };
}

/** Owners only; the typed name guards against deleting the wrong workspace. */
export async function deleteWorkspace(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { workspace } = await requireWorkspace(slug);
  if (String(formData.get("confirmName") ?? "").trim() !== workspace.name) {
    return {
      status: "error",
      message: "Type the workspace name exactly to confirm.",
      fieldErrors: { confirmName: `Type “${workspace.name}”.` },
    };
  }
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("organizations")
    .delete()
    .eq("id", workspace.id)
    .select("id");
  if (error || !data || data.length === 0)
    return errorState("Only an owner can delete this workspace.");
  revalidatePath("/", "layout");
  redirect(`/?notice=deleted&name=${encodeURIComponent(workspace.name)}`);
}
