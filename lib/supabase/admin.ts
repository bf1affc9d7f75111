import "server-only";
import { createClient } from "@supabase/supabase-js";
import { publicEnv } from "@/lib/env";
import type { Database } from "./database.types";
import type { RateLimitCounter } from "@/lib/rate-limit/store";
import type { UsageRecorder } from "@/lib/quota/redis-meter";

/*
 * The web app's only use of the service-role key (SUPABASE_SECRET_KEY), which
 * bypasses RLS: the auth rate-limit counters (public.consume_rate_limit) and the
 * Redis usage meter's flush (public.record_usage), RPCs no user or anon may
 * execute. The client is not exported, so nothing else can
 * borrow it; another platform task gets its own narrow function here, reviewed
 * as such (docs/security.md, "Service-role rules").
 */
let client: ReturnType<typeof createClient<Database>> | undefined;

function serviceRoleClient() {
  const secretKey = process.env.SUPABASE_SECRET_KEY;
  if (!secretKey)
    throw new Error(
      "SUPABASE_SECRET_KEY is not set: the auth rate limits and the Redis usage meter need it (.env.example)",
    );
  client ??= createClient<Database>(publicEnv().NEXT_PUBLIC_SUPABASE_URL, secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  return client;
}

/** The rate-limit counter store over the HTTP API (the Postgres engine of lib/rate-limit). */
export const consumeRateLimit: RateLimitCounter = async (key, points, durationMs) => {
  const { data, error } = await serviceRoleClient().rpc("consume_rate_limit", {
    key,
    points,
    duration_ms: durationMs,
  });
  if (error) throw new Error(`consume_rate_limit: ${error.message}`);
  const [row] = data ?? [];
  return row ? { consumed: row.consumed, expiresAtMs: row.expires_at_ms } : null;
};

/** Records metered usage counted in Redis in Postgres' monthly counter (lib/quota/redis-meter.ts). */
export const recordUsage: UsageRecorder = async ({ workspaceId, metric, periodStart, amount }) => {
  const { error } = await serviceRoleClient().rpc("record_usage", {
    org: workspaceId,
    metric,
    period_start: periodStart,
    amount,
  });
  if (error) throw new Error(`record_usage: ${error.message}`);
};
