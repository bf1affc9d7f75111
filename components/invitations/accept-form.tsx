"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function AcceptInvitationForm({
  action,
  workspaceName,
}: {
  action: (previous: FormState) => Promise<FormState>;
  workspaceName: string;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join {workspaceName}
      </SubmitButton>
    </form>
  );
}
