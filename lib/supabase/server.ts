import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies, headers } from "next/headers";
import { publicEnv } from "@/lib/env";
import type { Database } from "./database.types";
import { forwardedRequestMetadata } from "./request-metadata";
import { countingFetch, requestMetrics } from "@/lib/health/recorder";

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
      // The fetch counts this request's Supabase calls for per-tenant health (lib/health).
      global: {
        headers: forwardedRequestMetadata(await headers()),
        fetch: countingFetch(requestMetrics()),
      },
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
