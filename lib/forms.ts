import type { z } from "zod";

/**
 * The state every form action returns: a message for the form, messages per
 * field, and the submitted values so nothing typed is lost after an error.
 */
export interface FormState {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const idleForm: FormState = { status: "idle" };

/** The text fields of a submitted form, passwords left out so they are never echoed back. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (
      typeof value === "string" &&
      !key.toLowerCase().includes("password") &&
      !key.startsWith("$")
    ) {
      values[key] = value;
    }
  }
  return values;
}

export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.infer<Schema> } | { ok: false; state: FormState } {
  const result = schema.safeParse(Object.fromEntries(formData.entries()));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return {
    ok: false,
    state: {
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors,
      values: formValues(formData),
    },
  };
}
