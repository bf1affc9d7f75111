import type { EmailOtpType } from "@supabase/supabase-js";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { publicEnv } from "@/lib/env";
import { AUTH_NEXT_COOKIE, safeNextPath } from "@/lib/auth/redirects";
import { createClient } from "@/lib/supabase/server";

const confirmParams = z.object({
  token_hash: z.string().min(1).max(512),
  type: z.enum(["email", "signup", "magiclink", "recovery", "invite", "email_change"]),
  next: z.string().optional(),
});

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

/** Target of every auth email (confirmation, magic link, password reset): verifies the token_hash. */
export async function GET(request: NextRequest) {
  const parsed = confirmParams.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const failure = new URL("/sign-in", request.url);
  failure.searchParams.set("error", "link_invalid");
  if (!parsed.success) return NextResponse.redirect(failure);

  const { token_hash, type, next } = parsed.data;
  const supabase = await createClient();
  const { error } = await supabase.auth.verifyOtp({ token_hash, type: type as EmailOtpType });
  if (error) return NextResponse.redirect(failure);

  const fromLink = nextPathFrom(next);
  const fromCookie = safeNextPath(request.cookies.get(AUTH_NEXT_COOKIE)?.value);
  const target = type === "recovery" ? "/reset-password" : fromLink !== "/" ? fromLink : fromCookie;
  const response = NextResponse.redirect(new URL(target, request.url));
  response.cookies.delete(AUTH_NEXT_COOKIE);
  return response;
}
