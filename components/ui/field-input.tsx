"use client";

import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { cn } from "./cn";
import { inputClasses } from "./input-classes";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  prefix?: string;
}

/**
 * Label, input, hint and error wired together for screen readers (aria-describedby,
 * aria-invalid). The error is about what was submitted: once the user edits the
 * field it is hidden, until the form is submitted again.
 */
export function Field({
  name,
  label,
  error: submittedError,
  hint,
  prefix,
  className,
  id,
  onInput,
  ...input
}: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const [edited, setEdited] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const submitted = () => setEdited(false);
    form.addEventListener("submit", submitted);
    return () => form.removeEventListener("submit", submitted);
  }, []);
  const error = edited ? undefined : submittedError;
  const describedBy = [hint && `${inputId}-hint`, error && `${inputId}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <div className="flex items-stretch">
        {prefix && (
          <span className="flex items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-50 px-3 text-sm text-zinc-500">
            {prefix}
          </span>
        )}
        <input
          ref={ref}
          id={inputId}
          name={name}
          onInput={(event) => {
            setEdited(true);
            onInput?.(event);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          className={cn(inputClasses, prefix && "rounded-l-none")}
          {...input}
        />
      </div>
      {hint && !error && (
        <p id={`${inputId}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
