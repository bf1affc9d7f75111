"use client";

import { useActionState, useEffect, useRef } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import type { Role } from "@/lib/workspaces/validation";
import { FormMessage } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function InviteForm({
  action,
  roles,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  roles: readonly Role[];
}) {
  const [state, formAction] = useActionState(action, idleForm);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-3" noValidate>
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field
          name="email"
          label="Email address"
          type="email"
          placeholder="colleague@company.com"
          autoComplete="off"
          required
          defaultValue={state.status === "error" ? state.values?.email : undefined}
          key={state.status === "error" ? `e-${state.values?.email}` : "e"}
          error={state.fieldErrors?.email}
        />
        <SelectField
          name="role"
          label="Role"
          defaultValue="member"
          options={roles.map((role) => ({
            value: role,
            label: role[0]!.toUpperCase() + role.slice(1),
          }))}
        />
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
