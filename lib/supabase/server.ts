import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies, headers } from "next/headers";
import { publicEnv } from "@/lib/env";
import type { Database } from "./database.types";

/**
 * The Supabase client for server components, server actions and route handlers.
 * It acts as the signed-in user (their JWT from the session cookie), so every
 * query is filtered by Row-Level Security. Create one per request.
 */
export async function createClient() {
  const cookieStore = await cookies();
  const env = publicEnv();
  return createServerClient<Database>(
    env.NEXT_PUBLIC_SUPABASE_URL,
    env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    {
      // The browser's address and user agent, for the audit log's request metadata
      // (without them every entry would name the Next.js server instead).
      global: { headers: await forwardedClientHeaders() },
      cookies: {
        getAll() {
          return cookieStore.getAll();
        },
        setAll(cookiesToSet) {
          try {
            for (const { name, value, options } of cookiesToSet)
              cookieStore.set(name, value, options);
          } catch {
            // Server components cannot set cookies; the proxy refreshes the session instead.
          }
        },
      },
    },
  );
}

/** The typed client every query and action receives. */
export type Supabase = Awaited<ReturnType<typeof createClient>>;

/**
 * The browser's address and user agent, passed on for the audit log's request
 * metadata. They are claims, not proof: X-Forwarded-For is whatever reached this
 * server, which is trustworthy only behind a proxy that overwrites it (Vercel
 * does), and anyone calling the Supabase API directly sets their own. The
 * audit log shows them as reported (docs/audit.md).
 */
async function forwardedClientHeaders(): Promise<Record<string, string>> {
  const incoming = await headers();
  const forwarded: Record<string, string> = {};
  const ip = incoming.get("x-forwarded-for") ?? incoming.get("x-real-ip");
  const userAgent = incoming.get("user-agent");
  if (ip) forwarded["x-forwarded-for"] = ip;
  if (userAgent) forwarded["user-agent"] = userAgent;
  return forwarded;
}
