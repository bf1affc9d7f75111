"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function AcceptInvitationForm({
  action,
  token,
  workspaceName,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  workspaceName: string;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <SubmitButton className="w-full" pendingLabel="Joining…">
        Join {workspaceName}
      </SubmitButton>
    </form>
  );
}
