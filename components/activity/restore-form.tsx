"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function RestoreForm({
  action,
  entryId,
  name,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  entryId: number;
  name: string;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="entryId" value={entryId} />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Restoring…">Restore project “{name}”</SubmitButton>
    </form>
  );
}
