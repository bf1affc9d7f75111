"use server";

import { createClient as createSupabaseClient } from "@supabase/supabase-js";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { fail, formAction, redirectTo, userAction } from "@/lib/actions/safe-action";
import { publicEnv } from "@/lib/env";
import { forgiveAuthAttempt, limitAuthAttempt } from "@/lib/rate-limit";
import { createClient } from "@/lib/supabase/server";
import { emailLinkSchema, verifyEmailLink } from "./email-link";
import { AUTH_NEXT_COOKIE, RECOVERY_COOKIE, safeNextPath, signInPathFor } from "./redirects";
import { isAuthServiceDown } from "./service";
import { endSession } from "./session";
import {
  changePasswordSchema,
  emailOnlySchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./validation";

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

/** "Too many attempts. Try again in N minutes." (lib/rate-limit counts by client and by email). */
const tooManyAttempts = (sentence: string) =>
  fail({ message: "too_many_attempts", hint: sentence });

const checkEmail = (kind: "confirm" | "magic-link" | "reset", email: string) =>
  `/check-email?kind=${kind}&email=${encodeURIComponent(email)}`;

export const signIn = formAction({ schema: signInSchema }, async ({ data, formData, supabase }) => {
  const refused = await limitAuthAttempt("sign-in", data.email);
  if (refused) return tooManyAttempts(refused);
  const { error } = await supabase.auth.signInWithPassword(data);
  // An unreachable auth server says so; any other refusal but an unconfirmed email reads
  // as "no such account" (no account enumeration).
  if (error && isAuthServiceDown(error)) return fail("auth_unavailable");
  if (error) return fail(error.code === "email_not_confirmed" ? error : "invalid_credentials");
  await forgiveAuthAttempt("sign-in", data.email);
  return redirectTo(safeNextPath(formData.get("next")));
});

/** Auth error codes for "this address already has an account". */
const ACCOUNT_EXISTS = new Set(["user_already_exists", "email_exists"]);

export const signUp = formAction(
  { schema: signUpSchema },
  async ({ data: { email, password, fullName }, formData, supabase }) => {
    const refused = await limitAuthAttempt("sign-up", email);
    if (refused) return tooManyAttempts(refused);
    const next = safeNextPath(formData.get("next"));
    const { data, error } = await supabase.auth.signUp({
      email,
      password,
      options: { data: { full_name: fullName }, emailRedirectTo: await emailRedirect(next) },
    });
    // A taken address gets the answer a new one gets with confirmations on: "check your
    // email". Saying "already registered" would let anyone test addresses for accounts.
    // Hosted Supabase with confirmations on does the same at the API (a fake user, no
    // error); with confirmations off (local dev) a new address is signed in at once,
    // which tells them apart anyway: docs/security.md, "Account enumeration".
    if (error && isAuthServiceDown(error)) return fail("auth_unavailable");
    if (error && !ACCOUNT_EXISTS.has(error.code ?? "")) return fail(error, "sign_up_failed");
    return redirectTo(data.session ? next : checkEmail("confirm", email));
  },
);

export const sendMagicLink = formAction(
  { schema: emailOnlySchema },
  async ({ data, formData, supabase }) => {
    const refused = await limitAuthAttempt("magic-link", data.email);
    if (refused) return tooManyAttempts(refused);
    const { error } = await supabase.auth.signInWithOtp({
      email: data.email,
      options: {
        shouldCreateUser: false,
        emailRedirectTo: await emailRedirect(safeNextPath(formData.get("next"))),
      },
    });
    // Unknown addresses get the same answer as known ones (no account enumeration).
    const unknownAddress =
      error?.status === 422 || error?.code === "otp_disabled" || error?.code === "user_not_found";
    if (error && isAuthServiceDown(error)) return fail("auth_unavailable");
    if (error && !unknownAddress)
      return fail(error.status === 429 ? "over_email_send_rate_limit" : "email_not_sent");
    return redirectTo(checkEmail("magic-link", data.email));
  },
);

export const requestPasswordReset = formAction(
  { schema: emailOnlySchema },
  async ({ data, supabase }) => {
    const refused = await limitAuthAttempt("reset", data.email);
    if (refused) return tooManyAttempts(refused);
    const { error } = await supabase.auth.resetPasswordForEmail(data.email, {
      redirectTo: await emailRedirect("/reset-password"),
    });
    // Other errors are not shown: the answer must not tell whether the address has an
    // account (an unreachable server tells nothing about the address).
    if (error?.status === 429) return fail("over_email_send_rate_limit");
    if (error && isAuthServiceDown(error)) return fail("auth_unavailable");
    return redirectTo(checkEmail("reset", data.email));
  },
);

/**
 * The recovery link signed the user in; they choose a new password. Proving the
 * mailbox is the re-authentication here, so no current password is asked. Every
 * other session of the account ends: whoever knew the old password is out.
 */
export const updatePassword = userAction(
  { schema: resetPasswordSchema },
  async ({ data, user, supabase }) => {
    const cookieStore = await cookies();
    if (cookieStore.get(RECOVERY_COOKIE)?.value !== user.id) return fail("reset_link_expired");
    const { error } = await supabase.auth.updateUser({ password: data.password });
    if (error) return fail(error, "reset_link_expired");
    cookieStore.delete(RECOVERY_COOKIE);
    await supabase.auth.signOut({ scope: "others" });
    return redirectTo("/?notice=password-updated");
  },
);

/**
 * A signed-in user changes their password. A session alone is not enough (a
 * borrowed laptop, a stolen cookie): the current password is checked by signing
 * in with it on a throwaway client (rate limited like the sign-in form, so this
 * form is no way around that limit), and the new one then ends every other session.
 */
export const changePassword = userAction(
  { schema: changePasswordSchema },
  async ({ data, user, supabase }) => {
    const refused = await limitAuthAttempt("sign-in", user.email);
    if (refused) return tooManyAttempts(refused);
    if (!(await passwordIsCurrent(user.email, data.currentPassword)))
      return fail("wrong_current_password");
    await forgiveAuthAttempt("sign-in", user.email);
    const { error } = await supabase.auth.updateUser({ password: data.password });
    if (error) return fail(error, "unexpected");
    await supabase.auth.signOut({ scope: "others" });
    return redirectTo("/?notice=password-updated");
  },
);

/** Signs in with `password` on a client that keeps nothing, and ends that session at once. */
async function passwordIsCurrent(email: string, password: string): Promise<boolean> {
  const env = publicEnv();
  const probe = createSupabaseClient(
    env.NEXT_PUBLIC_SUPABASE_URL,
    env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    { auth: { persistSession: false, autoRefreshToken: false } },
  );
  const { error } = await probe.auth.signInWithPassword({ email, password });
  if (error) return false;
  await probe.auth.signOut({ scope: "local" });
  return true;
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect("/sign-in?notice=signed_out");
}

/** "Sign in as someone else": sign out, then sign in and come back to `next`. */
export async function signOutAndReturn(next: string): Promise<void> {
  await endSession();
  redirect(signInPathFor(next));
}

/**
 * The explicit "continue with the link's account" of /confirm-link, for an email
 * link opened while signed in. A POST (a server action: Next.js refuses it from
 * another origin), so no page elsewhere can make it for the user. This browser's
 * session ends first (revoked on the auth server, other devices keep theirs), then
 * the link's token signs its own account in.
 */
export async function continueWithEmailLink(formData: FormData): Promise<void> {
  const parsed = emailLinkSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/sign-in?error=link_invalid");
  const cookieStore = await cookies();
  const supabase = await createClient();
  await supabase.auth.signOut({ scope: "local" });
  const target = await verifyEmailLink(
    supabase,
    parsed.data,
    cookieStore.get(AUTH_NEXT_COOKIE)?.value,
  );
  if (!target) redirect("/sign-in?error=link_invalid");
  cookieStore.delete(AUTH_NEXT_COOKIE);
  redirect(target);
}
