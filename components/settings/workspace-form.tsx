"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { SLUG_MAX } from "@/lib/workspaces/validation";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function WorkspaceForm({
  action,
  name,
  slug,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  name: string;
  slug: string;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="name"
        label="Workspace name"
        required
        maxLength={80}
        defaultValue={values?.name ?? name}
        key={`n-${values?.name ?? name}`}
        error={state.fieldErrors?.name}
      />
      <Field
        name="slug"
        label="Workspace URL"
        prefix="/w/"
        required
        maxLength={SLUG_MAX}
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={values?.slug ?? slug}
        key={`s-${values?.slug ?? slug}`}
        hint="Changing it breaks old links to this workspace: they will answer “not found”."
        error={state.fieldErrors?.slug}
      />
      <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
    </form>
  );
}
