"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { errorState, formValues, parseForm, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { createWorkspaceSchema } from "./validation";

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
