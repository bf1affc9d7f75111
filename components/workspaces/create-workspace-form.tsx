"use client";

import { useActionState, useState } from "react";
import { idleForm } from "@/lib/forms";
import { createWorkspace } from "@/lib/workspaces/actions";
import { SLUG_MAX, suggestSlug } from "@/lib/workspaces/validation";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** Name → suggested slug, until the user edits the slug themselves. */
export function CreateWorkspaceForm() {
  const [state, action] = useActionState(createWorkspace, idleForm);
  const [name, setName] = useState(state.values?.name ?? "");
  const [slug, setSlug] = useState(state.values?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(state.values?.slug));

  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="name"
        label="Workspace name"
        placeholder="Acme Inc"
        required
        maxLength={80}
        autoFocus
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          if (!slugEdited) setSlug(suggestSlug(event.target.value));
        }}
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
        value={slug}
        onChange={(event) => {
          setSlugEdited(true);
          setSlug(event.target.value.toLowerCase());
        }}
        hint="Lowercase letters, digits and hyphens. You can change it later."
        error={state.fieldErrors?.slug}
      />
      <SubmitButton pendingLabel="Creating workspace…" className="w-full">
        Create workspace
      </SubmitButton>
    </form>
  );
}
