"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** The owners' switch: support access waits for an owner's approval, or not. */
export function SupportApprovalForm({
  action,
  required,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  required: boolean;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  return (
    <form action={formAction} className="space-y-3">
      <label className="flex items-start gap-3 text-sm text-zinc-800">
        <input
          type="checkbox"
          name="requireApproval"
          defaultChecked={required}
          className="mt-0.5 size-4 rounded border-zinc-300"
        />
        <span>
          Require an owner&apos;s approval before support can open access
          <span className="block text-xs text-zinc-500">
            Support&apos;s request then waits here; its time starts when an owner approves it.
          </span>
        </span>
      </label>
      <FormMessage state={state} />
      {/* Its own label: the settings page has other forms with a "Save" button. */}
      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
        Save support setting
      </SubmitButton>
    </form>
  );
}
