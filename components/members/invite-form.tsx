"use client";

import { useActionState, useEffect, useRef } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import type { Role } from "@/lib/workspaces/validation";
import { FormMessage } from "@/components/ui/alert";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function InviteForm({
  action,
  roles,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  roles: Role[];
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
        <div className="space-y-1.5">
          <label htmlFor="invite-role" className="block text-sm font-medium text-zinc-800">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="member" className={inputClasses}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {role[0]!.toUpperCase() + role.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
