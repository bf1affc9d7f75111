"use client";

import { Link } from "@/components/ui/link";
import { useActionState, useState } from "react";
import { sendMagicLink, signIn } from "@/lib/auth/actions";
import { idleForm } from "@/lib/forms";
import { FormMessage } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn } from "@/components/ui/cn";

type Method = "password" | "magic-link";

export function SignInForm({ next }: { next: string }) {
  const [method, setMethod] = useState<Method>("password");
  const [passwordState, passwordAction] = useActionState(signIn, idleForm);
  const [linkState, linkAction] = useActionState(sendMagicLink, idleForm);
  // Kept in the browser across a failed attempt (the server never echoes a password, and
  // React resets uncontrolled fields after an action): a typo is fixed, not retyped.
  const [password, setPassword] = useState("");
  const state = method === "password" ? passwordState : linkState;
  const values = state.values ?? {};

  return (
    <div className="space-y-5">
      <div
        role="tablist"
        aria-label="Sign-in method"
        className="grid grid-cols-2 rounded-md bg-zinc-100 p-1 text-sm"
      >
        {(["password", "magic-link"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={method === value}
            onClick={() => setMethod(value)}
            className={cn(
              "rounded px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-zinc-900",
              method === value ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600",
            )}
          >
            {value === "password" ? "Password" : "Email link"}
          </button>
        ))}
      </div>

      <form
        action={method === "password" ? passwordAction : linkAction}
        className="space-y-4"
        noValidate
      >
        <input type="hidden" name="next" value={next} />
        <FormMessage state={state} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          key={`email-${values.email ?? ""}`}
          error={state.fieldErrors?.email}
        />
        {method === "password" ? (
          <>
            <Field
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={state.fieldErrors?.password}
            />
            <SubmitButton pendingLabel="Signing in…" className="w-full">
              Sign in
            </SubmitButton>
          </>
        ) : (
          <SubmitButton pendingLabel="Sending link…" className="w-full">
            Email me a sign-in link
          </SubmitButton>
        )}
      </form>

      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-zinc-600 underline-offset-4 hover:underline">
          Forgot password?
        </Link>
        <Link
          href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`}
          className="font-medium text-zinc-900 underline-offset-4 hover:underline"
        >
          Create an account
        </Link>
      </div>
    </div>
  );
}
