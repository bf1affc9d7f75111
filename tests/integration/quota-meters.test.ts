/**
 * The metered allowance (api_requests: Free = 5,000 a month) told once and run on
 * both meters of lib/quota: Postgres (consume_usage() over the HTTP API as the
 * signed-in user) and Redis (a redis-server started here, flushing to Postgres with
 * the service role's record_usage()). Usage near the limit is arranged with SQL
 * rather than 5,000 calls. Then what only the Redis meter has: flushing exactly what
 * was consumed, keeping a delta whose recording failed, and seeding from Postgres
 * after Redis restarts empty.
 */
import { createClient as createRedisClient } from "redis";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type { RedisClient } from "@/lib/redis";
import { MeterError, postgresMeter, type UsageMeter } from "@/lib/quota/meter";
import {
  LimitCache,
  redisMeter,
  usageFlusher,
  userAllowance,
  type UsageFlusher,
  type UsageRecorder,
} from "@/lib/quota/redis-meter";
import {
  createTeam,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { redisServerInstalled, startRedisServer, type RedisServer } from "../support/redis-server";
import { literal, runSql } from "../support/sql";

vi.mock("server-only", () => ({}));

const stack = inject("stack");
// lib/supabase/admin.ts reads these, as in the app (.env.local).
process.env.NEXT_PUBLIC_SUPABASE_URL = stack.url;
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = stack.publishableKey;
process.env.SUPABASE_SECRET_KEY = stack.secretKey;
const { recordUsage } = await import("@/lib/supabase/admin");

const FREE_LIMIT = 5000;
type Month = "this" | "last";

/** The first day of this month or the last (UTC), as SQL. */
const monthStart = (month: Month) =>
  month === "this"
    ? "date_trunc('month', now() at time zone 'UTC')::date"
    : "(date_trunc('month', now() at time zone 'UTC') - interval '1 month')::date";

/** The month's label in the Redis meter's keys. */
function monthLabel(month: Month) {
  const now = new Date();
  const first = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (month === "last" ? 1 : 0), 1),
  );
  return first.toISOString().slice(0, 7);
}

/** When this month's allowance starts again: the 1st of next month, 00:00 UTC. */
function nextMonthStart() {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** Usage recorded in Postgres (what billing reads), seen by the platform. */
async function recorded(orgId: string, month: Month = "this"): Promise<number> {
  const [row] = await runSql<{ used: string | number }>(
    stack,
    `select used from platform.metered_usage
     where organization_id = ${literal(orgId)} and metric = 'api_requests'
       and period_start = ${monthStart(month)}`,
  );
  return row ? Number(row.used) : 0;
}

/** Usage the platform counted before the story (in Postgres, where both meters find it). */
async function recordBefore(orgId: string, used: number, month: Month) {
  await runSql(
    stack,
    `insert into platform.metered_usage (organization_id, metric, period_start, used)
     values (${literal(orgId)}, 'api_requests', ${monthStart(month)}, ${used})
     on conflict (organization_id, metric, period_start) do update set used = excluded.used`,
  );
}

/** What a member sees of the workspace's usage (the billing page's source). */
async function usageSeenBy(user: TestUser, orgId: string) {
  const { data, error } = await user.client.rpc("get_workspace_usage", { org: orgId });
  if (error) throw new Error(error.message);
  return data.find((row) => row.metric === "api_requests") ?? null;
}

interface MeterUnderTest {
  name: string;
  meter(user: TestUser): UsageMeter;
  /** A month's usage counted before the story, where this meter finds it. */
  prefill(orgId: string, used: number, month: Month): Promise<void>;
  /** Brings Postgres' counter up to date (the Redis meter flushes). */
  settle(): Promise<void>;
}

const postgres: MeterUnderTest = {
  name: "Postgres meter (consume_usage)",
  meter: (user) => postgresMeter(user.client),
  prefill: recordBefore,
  settle: async () => {},
};

// ─── Redis: a server of our own ─────────────────────────────────────────────────
const redisInstalled = redisServerInstalled();
if (!redisInstalled && process.env.CI)
  throw new Error("redis-server is missing: .ci/run installs Debian's redis-server");

let redisServer: RedisServer | undefined;
let redis: RedisClient;
let flusher: UsageFlusher;

if (redisInstalled) {
  beforeAll(async () => {
    redisServer = await startRedisServer();
    redis = createRedisClient({ url: redisServer.url });
    redis.on("error", () => {}); // the restart story takes the server away on purpose
    await redis.connect();
    // Flushed by the stories themselves, never behind their back.
    flusher = usageFlusher({ redis, record: recordUsage, everyUnits: 1e9, everyMs: 3_600_000 });
  });
  afterAll(async () => {
    await flusher?.stop();
    await redis?.quit().catch(() => {});
    await redisServer?.stop();
  });
}

const redisMeterUnderTest: MeterUnderTest = {
  name: "Redis meter",
  meter: (user) =>
    redisMeter({
      redis,
      allowance: userAllowance(user.client),
      flush: flusher,
      limits: new LimitCache(),
    }),
  async prefill(orgId, used, month) {
    await recordBefore(orgId, used, month);
    // A month's counter Redis still holds (this month's is seeded from Postgres).
    if (month === "last")
      await redis.hSet(`quota:${orgId}:api_requests:${monthLabel("last")}`, { used, pending: 0 });
  },
  settle: async () => {
    await flusher.flush();
  },
};

const meters = redisInstalled ? [postgres, redisMeterUnderTest] : [postgres];

// ─── The stories, on each meter ─────────────────────────────────────────────────
describe.each(meters)("$name", (subject) => {
  let team: TestTeam;
  const freshTeam = async () => {
    team = await createTeam(stack, "meter", "free");
    return team;
  };

  it("allows the 4,999th and the 5,000th request of the month and refuses the 5,001st", async () => {
    const { orgId, member } = await freshTeam();
    await subject.prefill(orgId, FREE_LIMIT - 2, "this");
    const meter = subject.meter(member);

    const limitMinusOne = await meter.consume(orgId, "api_requests");
    expect(limitMinusOne).toMatchObject({ allowed: true, used: FREE_LIMIT - 1, limit: FREE_LIMIT });
    const atLimit = await meter.consume(orgId, "api_requests");
    expect(atLimit).toMatchObject({ allowed: true, used: FREE_LIMIT, limit: FREE_LIMIT });
    const overLimit = await meter.consume(orgId, "api_requests");
    expect(overLimit).toEqual({
      allowed: false,
      used: FREE_LIMIT,
      limit: FREE_LIMIT,
      resetsAt: nextMonthStart(),
    });

    await subject.settle();
    expect(await recorded(orgId)).toBe(FREE_LIMIT);
  });

  it("refuses more than what is left and takes nothing, then allows exactly what is left", async () => {
    const { orgId, owner } = await freshTeam();
    await subject.prefill(orgId, FREE_LIMIT - 10, "this");
    const meter = subject.meter(owner);

    expect(await meter.consume(orgId, "api_requests", 11)).toMatchObject({
      allowed: false,
      used: FREE_LIMIT - 10,
    });
    expect(await meter.consume(orgId, "api_requests", 10)).toMatchObject({
      allowed: true,
      used: FREE_LIMIT,
    });
    await subject.settle();
    expect(await recorded(orgId)).toBe(FREE_LIMIT);
  });

  it("lets exactly 10 of 40 parallel requests through when 10 are left", async () => {
    const { orgId, owner, admin, member } = await freshTeam();
    await subject.prefill(orgId, FREE_LIMIT - 10, "this");
    const callers = [owner, admin, member].map((user) => subject.meter(user));

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        callers[i % callers.length]!.consume(orgId, "api_requests"),
      ),
    );
    const allowed = results.filter((result) => result.allowed);
    expect(allowed).toHaveLength(10);
    // Each allowed call saw its own total: 4,991 to 5,000, once each.
    expect(allowed.map((result) => result.used).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => FREE_LIMIT - 9 + i),
    );
    expect(Math.max(...results.map((result) => result.used))).toBe(FREE_LIMIT);

    await subject.settle();
    expect(await recorded(orgId)).toBe(FREE_LIMIT);
    expect((await callers[0]!.consume(orgId, "api_requests")).allowed).toBe(false);
  });

  it("starts each calendar month afresh: last month's spent allowance does not count", async () => {
    const { orgId, member } = await freshTeam();
    await subject.prefill(orgId, FREE_LIMIT, "last");

    const first = await subject.meter(member).consume(orgId, "api_requests");
    expect(first).toEqual({
      allowed: true,
      used: 1,
      limit: FREE_LIMIT,
      resetsAt: nextMonthStart(),
    });

    await subject.settle();
    expect(await recorded(orgId, "this")).toBe(1);
    expect(await recorded(orgId, "last")).toBe(FREE_LIMIT);
  });

  it("refuses a non-member and another workspace's owner, who neither see nor move the usage", async () => {
    const { orgId, member } = await freshTeam();
    await subject.prefill(orgId, 42, "this");
    const stranger = await signUpUser(stack, uniqueEmail("meter-stranger"));
    const neighbour = (await createTeam(stack, "meter-neighbour", "free")).owner;

    for (const outsider of [stranger, neighbour]) {
      const attempt = subject.meter(outsider).consume(orgId, "api_requests", 5);
      await expect(attempt, outsider.email).rejects.toBeInstanceOf(MeterError);
      await expect(attempt).rejects.toMatchObject({ code: "42501" });
      expect(await usageSeenBy(outsider, orgId), outsider.email).toBeNull();
    }

    await subject.settle();
    expect(await recorded(orgId)).toBe(42);
    expect(await usageSeenBy(member, orgId)).toMatchObject({ used: 42, usage_limit: FREE_LIMIT });
    expect(await subject.meter(member).consume(orgId, "api_requests")).toMatchObject({
      allowed: true,
      used: 43,
    });
  });

  it("refuses amounts outside 1 to 1,000 on both meters alike", async () => {
    const { orgId, member } = await freshTeam();
    for (const amount of [0, -1, 1001])
      await expect(
        subject.meter(member).consume(orgId, "api_requests", amount),
        `amount ${amount}`,
      ).rejects.toMatchObject({ code: "22023" });
    await subject.settle();
    expect(await recorded(orgId)).toBe(0);
  });
});

// ─── What only the Redis meter has ──────────────────────────────────────────────
describe.skipIf(!redisInstalled)("Redis meter: flushing to Postgres", () => {
  it("records exactly the consumed amount, once", async () => {
    const { orgId, member } = await createTeam(stack, "flush", "free");
    await recordBefore(orgId, 100, "this");
    const meter = redisMeterUnderTest.meter(member);
    for (let call = 0; call < 7; call++) await meter.consume(orgId, "api_requests", 3);
    // Counted in Redis, not yet in Postgres: the billing figures trail by one flush.
    expect(await recorded(orgId)).toBe(100);

    await flusher.flush();
    expect(await recorded(orgId)).toBe(121);
    await flusher.flush();
    expect(await recorded(orgId)).toBe(121);
  });

  it("flushes a counter by itself once it holds `everyUnits` unrecorded", async () => {
    const { orgId, member } = await createTeam(stack, "flush-units", "free");
    const eager = usageFlusher({ redis, record: recordUsage, everyUnits: 10, everyMs: 3_600_000 });
    try {
      const meter = redisMeter({
        redis,
        allowance: userAllowance(member.client),
        flush: eager,
        limits: new LimitCache(),
      });
      for (let call = 0; call < 9; call++) await meter.consume(orgId, "api_requests");
      expect(await recorded(orgId)).toBe(0);
      await meter.consume(orgId, "api_requests");
      await vi.waitFor(async () => expect(await recorded(orgId)).toBe(10));
    } finally {
      await eager.stop();
    }
  });

  it("keeps a delta whose recording failed and records it with the next flush", async () => {
    const { orgId, member } = await createTeam(stack, "flush-fail", "free");
    let failNext = true;
    const flaky: UsageRecorder = async (usage) => {
      if (failNext && usage.workspaceId === orgId) {
        failNext = false;
        throw new Error("database unavailable");
      }
      await recordUsage(usage);
    };
    const unreliable = usageFlusher({ redis, record: flaky, everyUnits: 1e9, everyMs: 3_600_000 });
    try {
      const meter = redisMeter({
        redis,
        allowance: userAllowance(member.client),
        flush: unreliable,
        limits: new LimitCache(),
      });
      await meter.consume(orgId, "api_requests", 25);
      await expect(unreliable.flush()).rejects.toThrow(/not recorded, kept pending/);
      expect(await recorded(orgId)).toBe(0);

      await meter.consume(orgId, "api_requests", 5);
      await unreliable.flush();
      expect(await recorded(orgId)).toBe(30);
    } finally {
      await unreliable.stop();
    }
  });

  it("after Redis restarts empty, continues from Postgres' count instead of 0", async () => {
    const spent = await createTeam(stack, "restart-full", "free");
    const busy = await createTeam(stack, "restart-busy", "free");
    await recordBefore(spent.orgId, FREE_LIMIT, "this");
    await recordBefore(busy.orgId, 1000, "this");
    const meterOf = (user: TestUser) => redisMeterUnderTest.meter(user);
    expect(await meterOf(busy.member).consume(busy.orgId, "api_requests", 20)).toMatchObject({
      used: 1020,
    });
    await flusher.flush();
    expect(await recorded(busy.orgId)).toBe(1020);

    await redisServer!.stop();
    redisServer = await startRedisServer(redisServer!.port); // no persistence: it comes back empty
    await vi.waitFor(async () => expect(await redis.ping()).toBe("PONG"), { timeout: 10_000 });
    expect(await redis.dbSize()).toBe(0);

    expect(await meterOf(busy.member).consume(busy.orgId, "api_requests")).toMatchObject({
      allowed: true,
      used: 1021,
    });
    expect(await meterOf(spent.member).consume(spent.orgId, "api_requests")).toMatchObject({
      allowed: false,
      used: FREE_LIMIT,
    });
  });
});
