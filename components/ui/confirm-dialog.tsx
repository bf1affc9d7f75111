"use client";

import { useActionState, useId, useRef, useState, type ReactNode } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "./alert";
import { Button, type ButtonProps } from "./button";
import { Field } from "./field";
import { SubmitButton } from "./submit-button";

interface ConfirmDialogProps {
  /** Label of the button that opens the dialog. */
  trigger: ReactNode;
  triggerVariant?: ButtonProps["variant"];
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields sent with the confirmation. */
  fields?: Record<string, string>;
  /** When set, the user must type this text (sent as `confirmName`) before confirming. */
  typeToConfirm?: string;
}

/**
 * A destructive action behind an explicit confirmation. Uses the native <dialog>
 * element: focus is trapped, Escape closes it, and focus returns to the trigger.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "danger",
  title,
  description,
  confirmLabel,
  pendingLabel,
  action,
  fields = {},
  typeToConfirm,
}: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, formAction] = useActionState(action, idleForm);
  const [typed, setTyped] = useState("");
  const confirmed = typeToConfirm === undefined || typed.trim() === typeToConfirm;
  return (
    <>
      <Button variant={triggerVariant} size="sm" onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 p-0 shadow-xl backdrop:bg-zinc-900/40"
      >
        <form action={formAction} className="space-y-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold text-zinc-900">
            {title}
          </h2>
          <div className="text-sm text-zinc-600">{description}</div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {typeToConfirm !== undefined && (
            <Field
              name="confirmName"
              label={`Type “${typeToConfirm}” to confirm`}
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              error={state.fieldErrors?.confirmName}
            />
          )}
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} autoFocus>
              Cancel
            </Button>
            <SubmitButton variant="danger" pendingLabel={pendingLabel} disabled={!confirmed}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
