"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

export function ActivityVisibilityForm({
  action,
  allowed,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  allowed: boolean;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input
          type="checkbox"
          name="membersCanViewActivity"
          defaultChecked={allowed}
          className="mt-0.5 size-4 rounded border-zinc-300"
        />
        <span>
          Members can see the activity log
          <span className="block text-xs text-zinc-500">Owners and admins always can.</span>
        </span>
      </label>
      <FormMessage state={state} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
