"use client";

import { startTransition, useOptimistic, useState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { roleLabel, type Role } from "@/lib/workspaces/validation";
import { inputClasses } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";

/**
 * A member's role, saved as soon as it changes: the select shows the new role at
 * once (optimistic), a toast confirms it, and a refusal puts the old role back and
 * says why.
 */
export function RoleSelect({
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
  const toast = useToast();
  const [saved, setSaved] = useState(role);
  const [shown, setShown] = useOptimistic(saved);
  const change = (next: Role) =>
    startTransition(async () => {
      setShown(next);
      const formData = new FormData();
      formData.set("memberId", memberId);
      formData.set("role", next);
      const result = await action(idleForm, formData);
      if (result.status === "success") {
        setSaved(next);
        toast({ message: `${memberLabel} is now ${roleLabel(next).toLowerCase()}.` });
      } else {
        toast({ message: result.message ?? "The role was not changed.", tone: "error" });
      }
    });
  return (
    <>
      <label className="sr-only" htmlFor={`role-${memberId}`}>
        Role of {memberLabel}
      </label>
      <select
        id={`role-${memberId}`}
        value={shown}
        onChange={(event) => {
          const next = roles.find((option) => option === event.target.value);
          if (next) change(next);
        }}
        className={cn(inputClasses, "h-8! w-28! py-0")}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {roleLabel(option)}
          </option>
        ))}
      </select>
    </>
  );
}
