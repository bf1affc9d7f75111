"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function RenameProjectForm({
  projectId,
  name,
  action,
}: {
  projectId: string;
  name: string;
  action: Action;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="projectId" value={projectId} />
      <Field
        name="name"
        label="Project name"
        required
        maxLength={120}
        defaultValue={state.values?.name ?? name}
        key={state.values?.name ?? name}
        error={state.fieldErrors?.name}
      />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Rename
      </SubmitButton>
    </form>
  );
}

export function ProjectStatusForm({
  projectId,
  archived,
  action,
}: {
  projectId: string;
  archived: boolean;
  action: Action;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="status" value={archived ? "active" : "archived"} />
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel={archived ? "Restoring…" : "Archiving…"}>
        {archived ? "Restore project" : "Archive project"}
      </SubmitButton>
    </form>
  );
}
