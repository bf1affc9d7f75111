"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm, type FormState } from "@/lib/forms";

/** The button of one plan in the comparison table; the answer shows under it. */
export function PlanChangeForm({
  action,
  planId,
  label,
  disabled,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  planId: string;
  label: string;
  disabled?: boolean;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <SubmitButton
        size="sm"
        variant={label.startsWith("Upgrade") ? "primary" : "secondary"}
        pendingLabel="Working…"
        disabled={disabled}
      >
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
