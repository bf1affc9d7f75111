"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { publicEnv } from "@/lib/env";
import { errorState, parseForm, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { AUTH_NEXT_COOKIE, safeNextPath, signInPathFor } from "./redirects";
import { emailOnlySchema, resetPasswordSchema, signInSchema, signUpSchema } from "./validation";

/** Where an email link sends the user after /auth/confirm has verified it. */
async function emailRedirect(nextPath: string): Promise<string> {
  const next = safeNextPath(nextPath);
  (await cookies()).set(AUTH_NEXT_COOKIE, next, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 60 * 60,
  });
  return `${publicEnv().NEXT_PUBLIC_SITE_URL}${next}`;
}

const checkEmail = (kind: "confirm" | "magic-link" | "reset", email: string) =>
  `/check-email?kind=${kind}&email=${encodeURIComponent(email)}`;

export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { error } = await supabase.auth.signInWithPassword(parsed.data);
  if (error) {
    if (error.code === "email_not_confirmed") {
      return errorState(
        "Confirm your email first: we sent you a link when you signed up.",
        formData,
      );
    }
    // One message for unknown email and wrong password: do not reveal which accounts exist.
    return errorState("That email and password do not match an account.", formData);
  }
  redirect(safeNextPath(formData.get("next")));
}

export async function signUp(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { email, password, fullName } = parsed.data;
  const next = safeNextPath(formData.get("next"));
  const supabase = await createClient();
  const { data, error } = await supabase.auth.signUp({
    email,
    password,
    options: { data: { full_name: fullName }, emailRedirectTo: await emailRedirect(next) },
  });
  if (error) {
    if (error.code === "user_already_exists" || error.code === "email_exists") {
      return {
        ...errorState("An account with this email already exists. Sign in instead.", formData),
        fieldErrors: { email: "This email is already registered." },
      };
    }
    if (error.code === "weak_password") {
      return {
        ...errorState("Choose a stronger password.", formData),
        fieldErrors: { password: error.message },
      };
    }
    return errorState(error.message || "Sign-up failed. Try again.", formData);
  }
  // With email confirmations on (hosted default) there is no session until the link is used.
  if (!data.session) redirect(checkEmail("confirm", email));
  redirect(next);
}

export async function sendMagicLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(emailOnlySchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { error } = await supabase.auth.signInWithOtp({
    email: parsed.data.email,
    options: {
      shouldCreateUser: false,
      emailRedirectTo: await emailRedirect(safeNextPath(formData.get("next"))),
    },
  });
  // Unknown addresses get the same answer as known ones (no account enumeration).
  if (
    error &&
    error.status !== 422 &&
    error.code !== "otp_disabled" &&
    error.code !== "user_not_found"
  ) {
    if (error.status === 429)
      return errorState("Too many emails sent. Wait a minute and try again.", formData);
    return errorState("We could not send the link. Try again in a moment.", formData);
  }
  redirect(checkEmail("magic-link", parsed.data.email));
}

export async function requestPasswordReset(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const parsed = parseForm(emailOnlySchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { error } = await supabase.auth.resetPasswordForEmail(parsed.data.email, {
    redirectTo: await emailRedirect("/reset-password"),
  });
  if (error?.status === 429)
    return errorState("Too many emails sent. Wait a minute and try again.", formData);
  redirect(checkEmail("reset", parsed.data.email));
}

export async function updatePassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const supabase = await createClient();
  const { error } = await supabase.auth.updateUser({ password: parsed.data.password });
  if (error) {
    if (error.code === "same_password") {
      return {
        ...errorState("Choose a password you have not used here before."),
        fieldErrors: { password: error.message },
      };
    }
    if (error.code === "weak_password")
      return {
        ...errorState("Choose a stronger password."),
        fieldErrors: { password: error.message },
      };
    return errorState("Your reset link has expired. Ask for a new one.");
  }
  redirect("/?password=updated");
}

export async function signOut(): Promise<void> {
  const supabase = await createClient();
  await supabase.auth.signOut();
  redirect("/sign-in");
}

/** "Sign in as someone else": sign out, then sign in and come back to `next`. */
export async function signOutAndReturn(next: string): Promise<void> {
  const supabase = await createClient();
  await supabase.auth.signOut();
  redirect(signInPathFor(next));
}
