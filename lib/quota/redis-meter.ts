import { createHash } from "node:crypto";
import { z } from "zod";
import type { RedisClient } from "@/lib/redis";
import {
  MeterError,
  type MeteredMetric,
  type MeterResult,
  type UsageMeter,
  type UserClient,
} from "./meter";

/*
 * The metered allowances counted in Redis (selected by REDIS_URL, lib/quota/index.ts):
 * the same contract and answers as consume_usage() in Postgres, without a database
 * write per call.
 *
 * - One Redis hash per workspace, metric and calendar month (UTC):
 *   `quota:<workspace>:<metric>:<YYYY-MM>` with `used` (the month's total) and
 *   `pending` (counted here, not yet recorded in Postgres). It expires a week after
 *   the month ends: the grace in which a failed flush can still be retried.
 * - "Take N or refuse" is one Lua script, which Redis runs alone: N concurrent
 *   callers are counted one after another and the total never passes the limit.
 * - The limit comes from get_workspace_usage() under the caller's JWT, so only
 *   members get one (a non-member's lookup has no rows: refused, never unlimited).
 *   It is cached in this process per caller and workspace for LIMIT_CACHE_MS: a plan
 *   change (or a removed membership) reaches the meter within that time.
 * - A missing counter (first call of the month, or Redis restarted empty) is seeded
 *   with the month's usage recorded in Postgres, read fresh, never from the cache.
 * - The pending usage is flushed to Postgres (record_usage(), service role) by
 *   usageFlusher(): every `everyUnits` on a counter, every `everyMs` for all, and on
 *   flush(). A delta whose recording fails is put back and retried by the next flush.
 *   What Redis loses unflushed (a restart without persistence) is lost to billing;
 *   the limit stays enforced from Postgres' count.
 *
 * One Redis server (or primary), not Redis Cluster: a script touches the counter and
 * the set of counters with pending usage, which Cluster may place on two nodes.
 */

export const LIMIT_CACHE_MS = 30_000;
/** How long after its month a counter is kept, so that a failed flush can be retried. */
const GRACE_SECONDS = 7 * 24 * 3600;
const PENDING_SET = "quota:pending";
const KEY_PATTERN = /^quota:([0-9a-f-]{36}):([a-z0-9_]+):(\d{4})-(\d{2})$/;

/** The month a call counts in (UTC), as the key names it. */
function periodOf(now: Date) {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    label: `${year}-${String(month + 1).padStart(2, "0")}`,
    end: new Date(Date.UTC(year, month + 1, 1)),
  };
}

const counterKey = (workspaceId: string, metric: string, period: string) =>
  `quota:${workspaceId}:${metric}:${period}`;

// KEYS: counter, pending set. ARGV: amount, limit ('' = unlimited), seed ('' = none
// at hand), expire at (unix seconds). Returns {allowed 1/0, used, pending}, or
// {-1, 0, 0} when the counter is missing and no seed was given.
const CONSUME = `
local used = redis.call('HGET', KEYS[1], 'used')
if not used then
  if ARGV[3] == '' then return {-1, 0, 0} end
  used = tonumber(ARGV[3]) + tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')
  redis.call('HSET', KEYS[1], 'used', used)
  redis.call('EXPIREAT', KEYS[1], ARGV[4])
else
  used = tonumber(used)
end
local amount = tonumber(ARGV[1])
if ARGV[2] ~= '' and used + amount > tonumber(ARGV[2]) then
  return {0, used, 0}
end
used = redis.call('HINCRBY', KEYS[1], 'used', amount)
local pending = redis.call('HINCRBY', KEYS[1], 'pending', amount)
redis.call('SADD', KEYS[2], KEYS[1])
return {1, used, pending}
`;

// KEYS: counter, pending set. Takes the counter's pending usage for recording.
const TAKE_PENDING = `
local pending = tonumber(redis.call('HGET', KEYS[1], 'pending') or '0')
if pending > 0 then redis.call('HSET', KEYS[1], 'pending', 0) end
redis.call('SREM', KEYS[2], KEYS[1])
return pending
`;

// KEYS: counter, pending set. ARGV: amount, expire at. Puts back usage whose
// recording failed. Without `used` (Redis restarted meanwhile) the next consume
// seeds from Postgres and adds this pending, which Postgres does not have yet.
const RESTORE_PENDING = `
redis.call('HINCRBY', KEYS[1], 'pending', ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIREAT', KEYS[1], ARGV[2]) end
redis.call('SADD', KEYS[2], KEYS[1])
return 1
`;

/** Runs a script by its digest, loading it on the first call (or after Redis restarted). */
async function runScript(
  redis: RedisClient,
  script: string,
  keys: string[],
  args: string[],
): Promise<unknown> {
  const sha = createHash("sha1").update(script).digest("hex");
  try {
    return await redis.evalSha(sha, { keys, arguments: args });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return await redis.eval(script, { keys, arguments: args });
  }
}

/** Redis itself failed (down, not yet connected): lib/quota/index.ts falls back to Postgres. */
export const REDIS_UNAVAILABLE = "redis_unavailable";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function inRedis<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new MeterError(`usage meter: Redis: ${messageOf(error)}`, REDIS_UNAVAILABLE);
  }
}

// ─── The allowance: limit and recorded usage, as the caller sees them ───────────

export interface Allowance {
  /** null: unlimited. */
  limit: number | null;
  /** This month's usage recorded in Postgres. */
  used: number;
  /** When Postgres' current month ends. */
  resetsAt: Date;
}

export interface AllowanceSource {
  /** Who asks, as a cache key (a digest of their JWT); null: nothing is cached for them. */
  callerKey(): Promise<string | null>;
  /** The metric's allowance in the workspace, read now; null when the caller is not a member. */
  read(workspaceId: string, metric: MeteredMetric): Promise<Allowance | null>;
}

/** The allowance through get_workspace_usage() under the signed-in user's JWT. */
export function userAllowance(supabase: UserClient): AllowanceSource {
  return {
    async callerKey() {
      const { data } = await supabase.auth.getSession();
      const token = data.session?.access_token;
      return token ? createHash("sha256").update(token).digest("base64url") : null;
    },
    async read(workspaceId, metric) {
      const { data, error } = await supabase.rpc("get_workspace_usage", { org: workspaceId });
      if (error) throw new MeterError(error.message, error.code);
      if (data.length === 0) return null;
      const row = data.find((usage) => usage.metric === metric);
      if (!row || row.kind !== "metered")
        throw new MeterError("invalid_metric: not a metered metric", "22023");
      return {
        limit: row.usage_limit === null ? null : Number(row.usage_limit),
        used: Number(row.used),
        resetsAt: new Date(row.resets_at),
      };
    },
  };
}

/**
 * Limits by caller, workspace and metric, for a short time. Per caller, so that a
 * member's entry never answers for someone else; only members' limits are kept.
 */
export class LimitCache {
  private readonly entries = new Map<string, { limit: number | null; expiresAt: number }>();

  constructor(
    readonly ttlMs = LIMIT_CACHE_MS,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string): { limit: number | null } | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry;
    if (entry) this.entries.delete(key);
    return undefined;
  }

  set(key: string, limit: number | null) {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    // Maps iterate in insertion order: the first entry is the oldest.
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { limit, expiresAt: Date.now() + this.ttlMs });
  }
}

// ─── Flushing pending usage to Postgres ─────────────────────────────────────────

export interface RecordedUsage {
  workspaceId: string;
  metric: string;
  /** The first day of the month, YYYY-MM-01. */
  periodStart: string;
  amount: number;
}

/** Adds usage to Postgres' monthly counter (record_usage(), service role). */
export type UsageRecorder = (usage: RecordedUsage) => Promise<void>;

export interface UsageFlusher {
  /**
   * Records every counter's pending usage in Postgres now and returns the units
   * recorded. Throws when some could not be recorded: those stay pending.
   */
  flush(): Promise<number>;
  /** After a consume: flushes this counter once it holds `everyUnits` unrecorded. */
  consumed(key: string, pending: number): void;
  /** Stops the periodic flush and waits for the flushes under way (shutdown, tests). */
  stop(): Promise<void>;
}

export function usageFlusher({
  redis,
  record,
  everyUnits = 100,
  everyMs = 10_000,
}: {
  redis: RedisClient;
  record: UsageRecorder;
  everyUnits?: number;
  everyMs?: number;
}): UsageFlusher {
  let timer: ReturnType<typeof setInterval> | undefined;
  // Usage taken from Redis whose recording failed and that could not be put back
  // either (Redis failed too): retried from memory by the next flush.
  const carried = new Map<string, number>();

  async function recordKey(key: string, amount: number) {
    const [, workspaceId, metric, year, month] = KEY_PATTERN.exec(key)!;
    await record({
      workspaceId: workspaceId!,
      metric: metric!,
      periodStart: `${year}-${month}-01`,
      amount,
    });
  }

  async function putBack(key: string, amount: number) {
    const [, , , year, month] = KEY_PATTERN.exec(key)!;
    const expireAt = Date.UTC(Number(year), Number(month), 1) / 1000 + GRACE_SECONDS;
    try {
      await runScript(
        redis,
        RESTORE_PENDING,
        [key, PENDING_SET],
        [String(amount), String(expireAt)],
      );
    } catch {
      carried.set(key, (carried.get(key) ?? 0) + amount);
    }
  }

  async function flushKey(key: string): Promise<number> {
    if (!KEY_PATTERN.test(key)) return 0;
    const amount = Number(await runScript(redis, TAKE_PENDING, [key, PENDING_SET], []));
    if (amount <= 0) return 0;
    try {
      await recordKey(key, amount);
      return amount;
    } catch (error) {
      await putBack(key, amount);
      throw error;
    }
  }

  async function flushCarried(): Promise<number> {
    let recorded = 0;
    for (const [key, amount] of [...carried]) {
      carried.delete(key);
      try {
        await recordKey(key, amount);
        recorded += amount;
      } catch (error) {
        carried.set(key, (carried.get(key) ?? 0) + amount);
        throw error;
      }
    }
    return recorded;
  }

  async function flush(): Promise<number> {
    const failures: unknown[] = [];
    let recorded = 0;
    try {
      recorded += await flushCarried();
    } catch (error) {
      failures.push(error);
    }
    const keys = await inRedis(() => redis.sMembers(PENDING_SET));
    for (const key of keys) {
      try {
        recorded += await flushKey(key);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0)
      throw new AggregateError(
        failures,
        `usage meter: ${failures.length} counter(s) not recorded, kept pending (first: ${messageOf(failures[0])})`,
      );
    return recorded;
  }

  const underWay = new Set<Promise<unknown>>();
  function inBackground(work: () => Promise<unknown>) {
    const running = work()
      .catch((error: unknown) =>
        console.error(`usage meter: flush failed, retried later: ${messageOf(error)}`),
      )
      .finally(() => underWay.delete(running));
    underWay.add(running);
  }

  return {
    flush,
    consumed(key, pending) {
      // Started by the first use, and never keeping the process alive by itself.
      timer ??= setInterval(() => inBackground(flush), everyMs);
      timer.unref?.();
      if (pending >= everyUnits) inBackground(() => flushKey(key));
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.all(underWay);
    },
  };
}

// ─── The meter ──────────────────────────────────────────────────────────────────

const consumeInput = z.object({
  workspaceId: z.uuid(),
  metric: z.literal("api_requests"),
  // consume_usage()'s bounds, so that both meters refuse the same calls.
  amount: z.number().int().min(1).max(1000),
});

const scriptReply = z.tuple([z.number(), z.number(), z.number()]);

export interface RedisMeterOptions {
  redis: RedisClient;
  /** The caller's allowance (userAllowance(supabase) in the app). */
  allowance: AllowanceSource;
  flush: UsageFlusher;
  /** Defaults to one cache for the process. */
  limits?: LimitCache;
}

const processLimits = new LimitCache();

export function redisMeter({
  redis,
  allowance,
  flush,
  limits = processLimits,
}: RedisMeterOptions): UsageMeter & { flush(): Promise<number> } {
  return {
    flush: () => flush.flush(),

    async consume(workspaceId, metric, amount = 1): Promise<MeterResult> {
      const input = consumeInput.safeParse({ workspaceId, metric, amount });
      if (!input.success)
        throw new MeterError(`invalid input: ${input.error.issues[0]!.message}`, "22023");

      const period = periodOf(new Date());
      const key = counterKey(workspaceId, metric, period.label);
      const expireAt = String(period.end.getTime() / 1000 + GRACE_SECONDS);

      async function readAllowance(): Promise<Allowance> {
        const read = await allowance.read(workspaceId, metric);
        if (!read)
          throw new MeterError(
            "not_allowed: only members of a workspace use its allowance",
            "42501",
          );
        return read;
      }

      // The limit: from the cache, else read (which also gives a fresh seed).
      const caller = await allowance.callerKey();
      const cacheKey = caller && `${caller}:${workspaceId}:${metric}`;
      let fresh: Allowance | undefined;
      let limit = cacheKey ? limits.get(cacheKey)?.limit : undefined;
      if (limit === undefined) {
        fresh = await readAllowance();
        limit = fresh.limit;
        if (cacheKey) limits.set(cacheKey, limit);
      }

      const run = (seed: string) =>
        inRedis(async () =>
          scriptReply.parse(
            await runScript(
              redis,
              CONSUME,
              [key, PENDING_SET],
              [String(amount), limit === null ? "" : String(limit), seed, expireAt],
            ),
          ),
        );
      let [state, used, pending] = await run(fresh ? seedOf(fresh, period.end) : "");
      if (state === -1) {
        [state, used, pending] = await run(seedOf(await readAllowance(), period.end));
      }
      if (state === 1) flush.consumed(key, pending);
      return { allowed: state === 1, used, limit, resetsAt: period.end };
    },
  };
}

/**
 * Postgres' usage as the seed of this month's counter. Within seconds of a month's
 * end the database's clock and this server's may be in different months: Postgres'
 * figure then belongs to another month and the counter starts at 0.
 */
const seedOf = (allowance: Allowance, periodEnd: Date) =>
  allowance.resetsAt.getTime() === periodEnd.getTime() ? String(allowance.used) : "0";
