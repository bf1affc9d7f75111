import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/supabase/database.types";

/**
 * Metered allowances (plan metric kind "metered", e.g. api_requests): a workspace
 * may consume so much per calendar month (UTC). A meter takes N or refuses, never
 * overshooting under concurrency. Two implementations, one contract
 * (tests/integration/quota-meters.test.ts runs the same stories on both):
 *   postgresMeter  the default: public.consume_usage() under the caller's JWT
 *   redisMeter     with REDIS_URL: counts in Redis, flushes to Postgres for billing
 */
export type MeteredMetric = "api_requests";

export interface MeterResult {
  allowed: boolean;
  /** Used in the current period, after this call when allowed. */
  used: number;
  /** The period's allowance; null is unlimited. */
  limit: number | null;
  /** When the period ends and the allowance starts again. */
  resetsAt: Date;
}

export interface UsageMeter {
  consume(workspaceId: string, metric: MeteredMetric, amount?: number): Promise<MeterResult>;
}

/** Any client acting as a signed-in user (the app's server client, a test user's client). */
export type UserClient = SupabaseClient<Database>;

/** A refused or failed database call, for the caller to report. */
export class MeterError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "MeterError";
  }
}

/**
 * The meter in Postgres: one atomic statement per call (consume_usage()), as the
 * signed-in user, so only members consume a workspace's allowance.
 */
export function postgresMeter(supabase: UserClient): UsageMeter {
  return {
    async consume(workspaceId, metric, amount = 1) {
      const { data, error } = await supabase
        .rpc("consume_usage", { org: workspaceId, metric, amount })
        .single();
      if (error) throw new MeterError(error.message, error.code);
      return {
        allowed: data.allowed,
        used: Number(data.used),
        limit: data.usage_limit === null ? null : Number(data.usage_limit),
        resetsAt: new Date(data.resets_at),
      };
    },
  };
}
