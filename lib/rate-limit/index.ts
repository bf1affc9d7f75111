import "server-only";
import { headers } from "next/headers";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { sharedRedis, type RedisClient } from "@/lib/redis";
import { consumeRateLimit } from "@/lib/supabase/admin";
import {
  createAuthRateLimits,
  refusalMessage,
  type AuthAction,
  type AuthRateLimits,
  type StoreFactory,
} from "./limits";
import { RateLimiterSupabaseRpc } from "./store";

/*
 * The auth rate limits of this server: counted in Redis when REDIS_URL is set
 * (several app instances, no database round trip), else in Postgres through
 * public.consume_rate_limit (service role). Either way the count is shared by
 * every instance that uses the same store. docs/security.md, "Rate limits".
 */

let limits: AuthRateLimits | undefined;

function redisStore(client: RedisClient): StoreFactory {
  // The client connects in the background (lib/redis.ts); until then, and whenever
  // Redis is down, commands fail at once (no offline queue) and the library's
  // insurance limiter counts in memory.
  return (options) =>
    new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true });
}

const postgresStore: StoreFactory = (options) =>
  new RateLimiterSupabaseRpc({ ...options, counter: consumeRateLimit });

function authRateLimits(): AuthRateLimits {
  if (limits) return limits;
  const redis = sharedRedis();
  limits = createAuthRateLimits(redis ? redisStore(redis) : postgresStore);
  return limits;
}

/**
 * The client's address as the request reports it. X-Forwarded-For is trustworthy
 * only behind a proxy that overwrites it (Vercel, a load balancer configured so);
 * without one a client can rotate it, and the limit by email still holds.
 */
async function clientAddress(): Promise<string> {
  const incoming = await headers();
  const forwarded = incoming.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || incoming.get("x-real-ip") || "unknown").slice(0, 64);
}

/**
 * Counts one attempt of `action` for this client and `email`. Returns the
 * sentence to show when it is one too many ("Too many attempts. Try again in N
 * minutes."), else null.
 */
export async function limitAuthAttempt(action: AuthAction, email: string): Promise<string | null> {
  const refusal = await authRateLimits().consume(action, { ip: await clientAddress(), email });
  return refusal && refusalMessage(refusal);
}

/** A successful sign-in: its attempt does not count against the address or the email. */
export async function forgiveAuthAttempt(action: AuthAction, email: string): Promise<void> {
  await authRateLimits().reward(action, { ip: await clientAddress(), email });
}
