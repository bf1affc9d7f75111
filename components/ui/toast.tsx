"use client";

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { FormState } from "@/lib/forms";
import { cn } from "./cn";

export interface ToastOptions {
  message: string;
  tone?: "success" | "error" | "info";
  /** One follow-up the user may take, like Undo. Clicking it dismisses the toast. */
  action?: { label: string; onAction: () => void };
}

interface Toast extends Required<Pick<ToastOptions, "message" | "tone">> {
  id: number;
  action?: ToastOptions["action"];
}

type ShowToast = (options: ToastOptions) => void;

const ToastContext = createContext<ShowToast | null>(null);

/** How long a toast stays: long enough to read it, longer when it offers an action. */
const VISIBLE_MS = 5_000;
const VISIBLE_WITH_ACTION_MS = 10_000;

/**
 * Toasts for the results of actions. Two live regions exist from the first paint
 * (a region added together with its text is not announced by every screen reader):
 * successes are polite, errors assertive. A toast stays while the pointer or focus
 * is on it, so an Undo can always be reached from the keyboard.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback(
    (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  const show = useCallback<ShowToast>(({ message, tone = "success", action }) => {
    const id = ++nextId.current;
    // The newest three: a burst of results must not cover the page.
    setToasts((current) => [...current.slice(-2), { id, message, tone, action }]);
  }, []);
  const polite = toasts.filter((toast) => toast.tone !== "error");
  const assertive = toasts.filter((toast) => toast.tone === "error");
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
        <div role="status" aria-live="polite" className={regionClasses}>
          {polite.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className={regionClasses}>
          {assertive.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

const regionClasses = "flex w-full flex-col items-center gap-2 sm:items-end";

const tones = {
  success: "border-zinc-200 bg-white text-zinc-900",
  info: "border-zinc-200 bg-white text-zinc-900",
  error: "border-red-200 bg-red-50 text-red-800",
};

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(
      () => onDismiss(toast.id),
      toast.action ? VISIBLE_WITH_ACTION_MS : VISIBLE_MS,
    );
    return () => clearTimeout(timer);
  }, [held, onDismiss, toast]);
  return (
    <div
      data-testid="toast"
      className={cn(
        "pointer-events-auto flex w-full max-w-sm items-center gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg",
        tones[toast.tone],
      )}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {toast.tone === "success" && (
        <svg className="size-4 shrink-0 text-emerald-600" viewBox="0 0 20 20" aria-hidden>
          <path
            fill="currentColor"
            d="M10 18a8 8 0 100-16 8 8 0 000 16zm3.7-9.3a1 1 0 00-1.4-1.4L9 10.6 7.7 9.3a1 1 0 00-1.4 1.4l2 2a1 1 0 001.4 0l4-4z"
          />
        </svg>
      )}
      <p className="flex-1">{toast.message}</p>
      {toast.action && (
        <button
          type="button"
          className="rounded px-2 py-1 font-semibold underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-zinc-900"
          onClick={() => {
            onDismiss(toast.id);
            toast.action!.onAction();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        className="rounded p-1 text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900"
        onClick={() => onDismiss(toast.id)}
      >
        <svg className="size-4" viewBox="0 0 20 20" aria-hidden>
          <path
            fill="currentColor"
            d="M6.3 5.3a1 1 0 00-1.4 1.4L8.6 10l-3.7 3.3a1 1 0 101.4 1.4L10 11.4l3.7 3.3a1 1 0 001.4-1.4L11.4 10l3.7-3.3a1 1 0 00-1.4-1.4L10 8.6 6.3 5.3z"
          />
        </svg>
      </button>
    </div>
  );
}

/** Shows a toast: `const toast = useToast(); toast({ message: "Saved." })`. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast() needs a <ToastProvider> above it (app/layout.tsx)");
  return show;
}

/**
 * Toasts the result of a form action each time it settles. For forms whose result
 * is best said away from the form (a row control, a dialog that closes).
 */
export function useActionToast(state: FormState) {
  const toast = useToast();
  useEffect(() => {
    if (state.status === "idle" || !state.message) return;
    toast({ message: state.message, tone: state.status === "error" ? "error" : "success" });
  }, [state, toast]);
}

/** A toast shown once when the page renders it: a result carried across a redirect. */
export function ShowToastOnce(options: ToastOptions) {
  const toast = useToast();
  const latest = useRef(options);
  const shown = useRef(false);
  useEffect(() => {
    // Once per mount: a re-render (or React's development double effect) must not repeat it.
    if (shown.current) return;
    shown.current = true;
    toast(latest.current);
  }, [toast]);
  return null;
}

/**
 * A form action that also toasts its result. The toast is shown from the call
 * itself, not from an effect of the form: when the action removes the row the
 * form lives in (remove a member), the form is gone before any effect could run.
 */
export function useToastedAction(
  action: (previous: FormState, formData: FormData) => Promise<FormState>,
  { errors = "toast" }: { errors?: "toast" | "inline" } = {},
) {
  const toast = useToast();
  return useCallback(
    async (previous: FormState, formData: FormData) => {
      const state = await action(previous, formData);
      if (state.status === "success" && state.message) toast({ message: state.message });
      if (state.status === "error" && state.message && errors === "toast")
        toast({ message: state.message, tone: "error" });
      return state;
    },
    [action, toast, errors],
  );
}
