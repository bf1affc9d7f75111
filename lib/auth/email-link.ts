import type { EmailOtpType } from "@supabase/supabase-js";
import { cookies } from "next/headers";
import { z } from "zod";
import { publicEnv } from "@/lib/env";
import type { Supabase } from "@/lib/supabase/server";
import { RECOVERY_COOKIE, safeNextPath } from "./redirects";

/** What every auth email links to /auth/confirm with (the token_hash pattern of @supabase/ssr). */
export const emailLinkSchema = z.object({
  token_hash: z.string().min(1).max(512),
  type: z.enum(["email", "signup", "magiclink", "recovery", "invite", "email_change"]),
  next: z.string().max(2048).optional(),
});

export type EmailLink = z.infer<typeof emailLinkSchema>;

/** The query string of /auth/confirm for `link` (to carry it to the confirmation page). */
export function emailLinkQuery(link: EmailLink): string {
  const query = new URLSearchParams({ token_hash: link.token_hash, type: link.type });
  if (link.next) query.set("next", link.next);
  return query.toString();
}

/**
 * `next` arrives either as a path or as the absolute redirect URL the auth server
 * put into the email; only paths of this site are kept.
 */
function nextPathFrom(next: string | undefined): string {
  if (!next) return "/";
  try {
    const url = new URL(next);
    return url.origin === new URL(publicEnv().NEXT_PUBLIC_SITE_URL).origin
      ? safeNextPath(url.pathname + url.search)
      : "/";
  } catch {
    return safeNextPath(next);
  }
}

/**
 * Verifies the link's token (which signs its account in, in this browser) and
 * returns where to go next, or null when the link is invalid, used or expired.
 * `rememberedNext` is the path the sign-in form stored in a cookie, for auth
 * servers that drop the redirect from the link.
 */
export async function verifyEmailLink(
  supabase: Supabase,
  link: EmailLink,
  rememberedNext: string | undefined,
): Promise<string | null> {
  const { data, error } = await supabase.auth.verifyOtp({
    token_hash: link.token_hash,
    type: link.type as EmailOtpType,
  });
  if (error) return null;
  if (link.type === "recovery") {
    // What lets /reset-password set a password without the current one: this browser
    // opened this account's recovery link just now. A session alone does not.
    if (data.user)
      (await cookies()).set(RECOVERY_COOKIE, data.user.id, {
        httpOnly: true,
        sameSite: "lax",
        path: "/",
        maxAge: 15 * 60,
      });
    return "/reset-password";
  }
  const fromLink = nextPathFrom(link.next);
  return fromLink !== "/" ? fromLink : safeNextPath(rememberedNext);
}
