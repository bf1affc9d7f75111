"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { FormMessage } from "./alert";
import { Button, type ButtonProps } from "./button";
import { Field } from "./field";
import { SubmitButton } from "./submit-button";
import { useToastedAction } from "./toast";

export interface ConfirmDialogContent {
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

interface ConfirmDialogProps extends ConfirmDialogContent {
  /** Label of the button that opens the dialog. */
  trigger: ReactNode;
  triggerVariant?: ButtonProps["variant"];
}

/**
 * A destructive action behind an explicit confirmation, opened by its own button.
 * Uses the native <dialog> element: focus is trapped, Escape closes it, and focus
 * returns to the trigger. On success the dialog closes and a toast says what happened.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "danger",
  ...content
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={triggerVariant} size="sm" onClick={() => setOpen(true)}>
        {trigger}
      </Button>
      <ConfirmDialogPanel {...content} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** The dialog alone, opened by its owner (a row menu): `open` shows it, `onClose` hears it close. */
export function ConfirmDialogPanel({
  title,
  description,
  confirmLabel,
  pendingLabel,
  action,
  fields = {},
  typeToConfirm,
  open,
  onClose,
}: ConfirmDialogContent & { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Errors stay in the dialog, beside the button that failed; a success closes it and toasts.
  const [state, formAction] = useActionState(
    useToastedAction(action, { errors: "inline" }),
    idleForm,
  );
  const [typed, setTyped] = useState("");
  const confirmed = typeToConfirm === undefined || typed.trim() === typeToConfirm;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  // Closes on a new success only, whatever the owner's onClose identity.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (state.status === "success") close.current();
  }, [state]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-900/40"
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
        {state.status === "error" && <FormMessage state={state} />}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} autoFocus>
            Cancel
          </Button>
          <SubmitButton variant="danger" pendingLabel={pendingLabel} disabled={!confirmed}>
            {confirmLabel}
          </SubmitButton>
        </div>
      </form>
    </dialog>
  );
}
