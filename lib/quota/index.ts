import "server-only";
import { sharedRedis, sharedRedisConnected } from "@/lib/redis";
import { recordUsage } from "@/lib/supabase/admin";
import { MeterError, postgresMeter, type UsageMeter, type UserClient } from "./meter";
import {
  REDIS_UNAVAILABLE,
  redisMeter,
  usageFlusher,
  userAllowance,
  type UsageFlusher,
} from "./redis-meter";

/*
 * The metered allowances of this server: counted in Redis when REDIS_URL is set
 * (no database write per call; flushed to Postgres for billing every 100 units per
 * counter and every 10 seconds), else in Postgres through public.consume_usage().
 * Same answers either way (tests/integration/quota-meters.test.ts). With Redis, a
 * plan change reaches the meter within 30 seconds (LIMIT_CACHE_MS) and the billing
 * page's figures, read from Postgres, trail the meter by up to one flush.
 */

let flusher: UsageFlusher | undefined;

/** The meter for a request, acting as its signed-in user (`supabase`). */
export function usageMeter(supabase: UserClient): UsageMeter {
  const redis = sharedRedis();
  const inPostgres = postgresMeter(supabase);
  if (!redis) return inPostgres;
  flusher ??= usageFlusher({ redis, record: recordUsage, everyUnits: 100, everyMs: 10_000 });
  const inRedis = redisMeter({ redis, allowance: userAllowance(supabase), flush: flusher });
  return {
    async consume(workspaceId, metric, amount) {
      await sharedRedisConnected();
      try {
        return await inRedis.consume(workspaceId, metric, amount);
      } catch (error) {
        if (!(error instanceof MeterError) || error.code !== REDIS_UNAVAILABLE) throw error;
        // Redis is down: count in Postgres meanwhile (degraded, never open). A counter
        // Redis still holds does not see these units, so the month may overshoot by
        // what was consumed during the outage; a counter Redis lost is seeded with them.
        console.error(error.message);
        return inPostgres.consume(workspaceId, metric, amount);
      }
    },
  };
}
