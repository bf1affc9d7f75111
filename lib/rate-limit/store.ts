import { RateLimiterRes, type IRateLimiterStoreOptions } from "rate-limiter-flexible";
import RateLimiterStoreAbstract from "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js";

/**
 * One call of the counter store: add `points` to `key` (0 reads), in a window of
 * `durationMs` that starts with the key's first points, and return the total and
 * when the window ends; null when a read finds no live window.
 * The real one is public.consume_rate_limit over the HTTP API (lib/supabase/admin.ts).
 */
export type RateLimitCounter = (
  key: string,
  points: number,
  durationMs: number,
) => Promise<{ consumed: number; expiresAtMs: number } | null>;

type StoreResult = Awaited<ReturnType<RateLimitCounter>>;

/**
 * rate-limiter-flexible's store abstraction over a Postgres counter reached through
 * an RPC: the app only talks to the Supabase HTTP API, so the library's own
 * RateLimiterPostgres (which wants a pg pool) cannot be used. The library keeps
 * its logic (limits, in-memory blocks, the insurance limiter when the store
 * fails); this class only stores.
 */
export class RateLimiterSupabaseRpc extends RateLimiterStoreAbstract {
  private readonly counter: RateLimitCounter;

  constructor(opts: Omit<IRateLimiterStoreOptions, "storeClient"> & { counter: RateLimitCounter }) {
    super({ ...opts, storeClient: opts.counter });
    this.counter = opts.counter;
  }

  // The methods below are the store contract RateLimiterStoreAbstract calls.

  _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false) {
    // forceExpire comes only from blockDuration/block(), which these limits do not use.
    if (forceExpire)
      return Promise.reject(new Error("RateLimiterSupabaseRpc: block() is not supported"));
    return this.counter(rlKey, points, msDuration).catch(reportStoreFailure);
  }

  _get(rlKey: string) {
    return this.counter(rlKey, 0, this.msDuration || 1).catch(reportStoreFailure);
  }

  _delete(): Promise<boolean> {
    return Promise.reject(new Error("RateLimiterSupabaseRpc: delete() is not supported"));
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, result: StoreResult) {
    const consumed = result?.consumed ?? 0;
    return new RateLimiterRes(
      Math.max(this.points - consumed, 0),
      result ? Math.max(result.expiresAtMs - Date.now(), 0) : -1,
      consumed,
      changedPoints === consumed,
    );
  }
}

/** The library then counts with the insurance limiter (memory); an operator must still hear of it. */
function reportStoreFailure(error: unknown): never {
  console.error(`rate limits: the Postgres store failed, counting in memory: ${String(error)}`);
  throw error;
}
