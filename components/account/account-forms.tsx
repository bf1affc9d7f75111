"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastedAction } from "@/components/ui/toast";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export function ProfileForm({ action, fullName }: { action: Action; fullName: string }) {
  // Field errors stay on the field; the outcome is a toast.
  const [state, formAction] = useActionState(useToastedAction(action), idleForm);
  const value = state.status === "error" ? state.values?.fullName : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <Field
        name="fullName"
        label="Your name"
        autoComplete="name"
        required
        maxLength={80}
        className="min-w-60 flex-1"
        defaultValue={value ?? fullName}
        key={value ?? fullName}
        error={state.fieldErrors?.fullName}
      />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

export function SignOutEverywhereForm({ action }: { action: Action }) {
  const [, formAction] = useActionState(useToastedAction(action), idleForm);
  return (
    <form action={formAction}>
      <SubmitButton variant="secondary" size="sm" pendingLabel="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
