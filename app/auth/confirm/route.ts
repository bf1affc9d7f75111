import { NextResponse, type NextRequest } from "next/server";
import { emailLinkQuery, emailLinkSchema, verifyEmailLink } from "@/lib/auth/email-link";
import { AUTH_NEXT_COOKIE } from "@/lib/auth/redirects";
import { getCurrentUser } from "@/lib/auth/session";
import { createClient } from "@/lib/supabase/server";

/**
 * Target of every auth email (confirmation, magic link, password reset).
 *
 * Signed out: verifies the token_hash and goes on, as the link promises.
 * Signed in: never verifies on a GET. Anyone can mail themselves a magic link and
 * get a victim to open it; verifying here would silently replace the victim's
 * session with the attacker's account (login CSRF: the victim then works, and
 * types their data, in the attacker's workspace). Which account a link is for is
 * only known once its token is spent, so every link opened while signed in goes
 * to /confirm-link, which says who is signed in and asks; only its POST verifies.
 */
export async function GET(request: NextRequest) {
  const parsed = emailLinkSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  const failure = new URL("/sign-in?error=link_invalid", request.url);
  if (!parsed.success) return NextResponse.redirect(failure);

  if (await getCurrentUser()) {
    return NextResponse.redirect(
      new URL(`/confirm-link?${emailLinkQuery(parsed.data)}`, request.url),
    );
  }

  const target = await verifyEmailLink(
    await createClient(),
    parsed.data,
    request.cookies.get(AUTH_NEXT_COOKIE)?.value,
  );
  if (!target) return NextResponse.redirect(failure);
  const response = NextResponse.redirect(new URL(target, request.url));
  response.cookies.delete(AUTH_NEXT_COOKIE);
  return response;
}
