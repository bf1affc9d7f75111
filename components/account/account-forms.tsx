"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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

export function ChangeEmailForm({ action, email }: { action: Action; email: string }) {
  // The outcome (where the links went) stays on the page: it is what to do next.
  const [state, formAction] = useActionState(action, idleForm);
  const value = state.status === "error" ? state.values?.email : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <Field
          name="email"
          type="email"
          label="New email address"
          autoComplete="email"
          required
          maxLength={254}
          className="min-w-60 flex-1"
          defaultValue={value ?? ""}
          key={value ?? email}
          error={state.fieldErrors?.email}
        />
        <SubmitButton variant="secondary" pendingLabel="Sending…">
          Change email
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function DeleteAccount({ action, email }: { action: Action; email: string }) {
  return (
    <ConfirmDialog
      trigger="Delete my account"
      title="Delete your account?"
      description={
        <p>
          Your account, your name and your memberships are deleted, and you are signed out
          everywhere. The workspaces you belong to keep their projects and their history. This
          cannot be undone.
        </p>
      }
      confirmLabel="Delete my account"
      pendingLabel="Deleting…"
      typeToConfirm={email}
      action={action}
    />
  );
}
