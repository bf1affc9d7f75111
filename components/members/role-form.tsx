"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import type { Role } from "@/lib/workspaces/validation";
import { FormMessage } from "@/components/ui/alert";
import { inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn } from "@/components/ui/cn";

export function RoleForm({
  action,
  memberId,
  memberLabel,
  role,
  roles,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  memberId: string;
  memberLabel: string;
  role: Role;
  roles: readonly Role[];
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="memberId" value={memberId} />
      <label className="sr-only" htmlFor={`role-${memberId}`}>
        Role of {memberLabel}
      </label>
      <select
        id={`role-${memberId}`}
        name="role"
        defaultValue={role}
        className={cn(inputClasses, "h-8! w-28! py-0")}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {option[0]!.toUpperCase() + option.slice(1)}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
        Change role
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
