"use client";

import { useActionState, type ReactNode } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import type { ButtonProps } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToastedAction } from "@/components/ui/toast";

/** A one-button form for a non-destructive action (resend…); its result is a toast. */
export function ActionForm({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  children,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: ButtonProps["variant"];
  children?: ReactNode;
}) {
  const [, formAction] = useActionState(useToastedAction(action), idleForm);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
