"use client";

import { useActionState, useEffect, useRef } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function CreateProjectForm({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-2" noValidate>
      <div className="flex gap-2">
        <label htmlFor="new-project-name" className="sr-only">
          New project name
        </label>
        <input
          id="new-project-name"
          name="name"
          placeholder="New project name"
          maxLength={120}
          required
          defaultValue={state.status === "error" ? state.values?.name : undefined}
          aria-invalid={state.fieldErrors?.name ? true : undefined}
          aria-describedby={state.fieldErrors?.name ? "new-project-error" : undefined}
          className={inputClasses}
        />
        <SubmitButton pendingLabel="Creating…">Create project</SubmitButton>
      </div>
      {state.fieldErrors?.name ? (
        <p id="new-project-error" className="text-xs font-medium text-red-600">
          {state.fieldErrors.name}
        </p>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}
