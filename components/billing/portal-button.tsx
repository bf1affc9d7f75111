"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm, type FormState } from "@/lib/forms";

/** "Manage billing": opens Stripe's Customer Portal (payment method, invoices, cancellation). */
export function PortalButton({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant="secondary" size="sm" pendingLabel="Opening…">
        Manage billing
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
