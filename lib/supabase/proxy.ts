import { createServerClient } from "@supabase/ssr";
import { NextResponse, type NextRequest } from "next/server";
import { publicEnv } from "@/lib/env";
import { REQUEST_PATH_HEADER } from "@/lib/auth/redirects";
import { contentSecurityPolicy } from "@/lib/security-headers";
import type { Database } from "./database.types";

/**
 * Refreshes the Supabase session cookie on every request (an expired access token
 * is exchanged here, where cookies can still be written) and passes the requested
 * path on so pages can send signed-out visitors back to it after sign-in.
 * Authorization is not decided here: layouts and RLS do that.
 */
export async function updateSession(request: NextRequest) {
  const env = publicEnv();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  // Next.js takes the nonce for the scripts it renders from the request's CSP header.
  const csp = contentSecurityPolicy(
    Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"),
    env.NEXT_PUBLIC_SUPABASE_URL,
  );
  requestHeaders.set("content-security-policy", csp);
  const forward = () => {
    const next = NextResponse.next({ request: { headers: requestHeaders } });
    next.headers.set("content-security-policy", csp);
    return next;
  };

  let response = forward();
  const supabase = createServerClient<Database>(
    env.NEXT_PUBLIC_SUPABASE_URL,
    env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    {
      cookies: {
        getAll() {
          return request.cookies.getAll();
        },
        setAll(cookiesToSet, cacheHeaders) {
          for (const { name, value } of cookiesToSet) request.cookies.set(name, value);
          requestHeaders.set("cookie", request.cookies.toString());
          response = forward();
          for (const { name, value, options } of cookiesToSet)
            response.cookies.set(name, value, options);
          for (const [key, value] of Object.entries(cacheHeaders ?? {}))
            response.headers.set(key, value);
        },
      },
    },
  );

  // Do not put code between createServerClient and getClaims: getClaims is what
  // triggers the refresh, and skipping it logs users out at random.
  await supabase.auth.getClaims();
  return response;
}
