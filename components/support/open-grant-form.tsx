"use client";

import { useActionState } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { DEFAULT_SUPPORT_MINUTES, SUPPORT_DURATIONS } from "@/lib/support/validation";
import { supportDuration } from "@/lib/activity/describe";
import { FormMessage } from "@/components/ui/alert";
import { Field, inputClasses } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** Reason and duration of a new support grant; the customer reads the reason in their feed. */
export function OpenGrantForm({
  action,
  organizationId,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  organizationId: string;
}) {
  const [state, formAction] = useActionState(action, idleForm);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <Field
        name="reason"
        label="Reason"
        required
        minLength={10}
        maxLength={500}
        defaultValue={values?.reason}
        key={`r-${values?.reason ?? ""}`}
        hint="The workspace's members read this in their activity feed, e.g. “Ticket #4211: projects missing”."
        error={state.fieldErrors?.reason}
      />
      <div className="space-y-1.5">
        <label htmlFor="field-minutes" className="block text-sm font-medium text-zinc-800">
          Duration
        </label>
        <select
          id="field-minutes"
          name="minutes"
          defaultValue={values?.minutes ?? String(DEFAULT_SUPPORT_MINUTES)}
          className={inputClasses}
        >
          {SUPPORT_DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {supportDuration(minutes)}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pendingLabel="Opening…">Open support access</SubmitButton>
    </form>
  );
}
