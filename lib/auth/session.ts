import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createClient } from "@/lib/supabase/server";
import { REQUEST_PATH_HEADER, signInPathFor } from "./redirects";
import { AuthServiceUnavailableError, isAuthServiceDown } from "./service";

export interface CurrentUser {
  id: string;
  email: string;
}

/**
 * The signed-in user, verified by the auth server (getClaims validates the JWT;
 * never trust getSession() from cookies on the server). Cached per request.
 * An auth server that cannot be reached throws (the error page): answering "nobody"
 * would send a signed-in user to the sign-in form as if their session had ended.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const supabase = await createClient();
  const { data, error } = await supabase.auth.getClaims();
  if (error && isAuthServiceDown(error)) throw new AuthServiceUnavailableError(error);
  if (error || !data?.claims?.sub) return null;
  return { id: data.claims.sub, email: String(data.claims.email ?? "") };
});

/** The signed-in user, or a redirect to sign-in that comes back to the requested page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const requested = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
  redirect(signInPathFor(requested));
}

/**
 * Signs the user out in this browser: clears the session cookies and revokes this
 * session on the auth server. Their other devices stay signed in (supabase-js
 * defaults to every session; a password change ends the others explicitly).
 */
export async function endSession(): Promise<void> {
  const supabase = await createClient();
  await supabase.auth.signOut({ scope: "local" });
}
