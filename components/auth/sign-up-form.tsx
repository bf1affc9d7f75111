"use client";

import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { signUp } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/validation";
import { idleForm } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** `invitedEmail`: the address an invitation was sent to, filled in and still editable. */
export function SignUpForm({ next, invitedEmail }: { next: string; invitedEmail?: string }) {
  const [state, action] = useActionState(signUp, idleForm);
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field
        name="fullName"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={values.fullName}
        key={`n-${values.fullName ?? ""}`}
        error={state.fieldErrors?.fullName}
      />
      <Field
        name="email"
        label="Work email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email ?? invitedEmail}
        key={`e-${values.email ?? invitedEmail ?? ""}`}
        error={state.fieldErrors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={state.fieldErrors?.password}
      />
      <SubmitButton pendingLabel="Creating account…" className="w-full">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link
          href={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`}
          className="font-medium text-zinc-900 underline-offset-4 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
