/**
 * The auth rate limits (lib/rate-limit) on both engines: Postgres through
 * public.consume_rate_limit over the real HTTP API (service role, as the app calls
 * it), and Redis (a redis-server started here). The 6th attempt for one email is
 * refused, the 31st from one address, and nobody else is affected. The counter RPC
 * itself is refused to anon and to users (tests/access-specs.ts SERVICE_ROLE_RPCS).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { connect, createServer } from "node:net";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { createClient as createRedisClient } from "redis";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { SERVICE_ROLE_RPCS } from "../access-specs";
import { anonClient, signUpUser, uniqueEmail, type TestUser } from "../support/clients";
import { literal, runSql } from "../support/sql";

vi.mock("server-only", () => ({}));

const stack = inject("stack");
const catalog = inject("catalog");
// lib/supabase/admin.ts reads these, as in the app (.env.local).
process.env.NEXT_PUBLIC_SUPABASE_URL = stack.url;
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = stack.publishableKey;
process.env.SUPABASE_SECRET_KEY = stack.secretKey;

const { consumeRateLimit } = await import("@/lib/supabase/admin");
const { AUTH_LIMITS, createAuthRateLimits, refusalMessage } =
  await import("@/lib/rate-limit/limits");
const { RateLimiterSupabaseRpc } = await import("@/lib/rate-limit/store");
type Limits = ReturnType<typeof createAuthRateLimits>;

const unique = () => randomUUID().slice(0, 8);
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${unique()}`;

/** The same story on each engine. */
function limitStories(
  engine: string,
  limits: () => Limits,
  /** The count the store itself holds for a limiter key: the proof it, not the in-memory insurance, counted. */
  stored: (key: string) => Promise<number | null>,
) {
  describe(`${engine}: the auth rate limits`, () => {
    it("refuse the 6th attempt for one email, and not another email", async () => {
      const victim = { ip: ip(), email: uniqueEmail("victim") };
      for (let attempt = 1; attempt <= AUTH_LIMITS.email.points; attempt++)
        expect(await limits().consume("sign-in", victim), `attempt ${attempt}`).toBeNull();
      const refusal = await limits().consume("sign-in", victim);
      expect(refusal).not.toBeNull();
      expect(refusal!.retryAfterMs).toBeGreaterThan(14 * 60_000);
      expect(refusalMessage(refusal!)).toBe("Too many attempts. Try again in 15 minutes.");
      expect(await stored(`auth:sign-in:email:${victim.email}`)).toBe(6);
      // The same email from another address is still refused (the email is the budget)...
      expect(await limits().consume("sign-in", { ...victim, ip: ip() })).not.toBeNull();
      // ...another email from the same address is not, nor another form for this email.
      expect(
        await limits().consume("sign-in", { ...victim, email: uniqueEmail("other") }),
      ).toBeNull();
      expect(await limits().consume("reset", victim)).toBeNull();
    });

    it("refuse the 31st attempt from one address, and not another address", async () => {
      const sprayer = ip();
      for (let attempt = 1; attempt <= AUTH_LIMITS.ip.points; attempt++)
        expect(
          await limits().consume("sign-up", { ip: sprayer, email: uniqueEmail("spray") }),
          `attempt ${attempt}`,
        ).toBeNull();
      expect(
        await limits().consume("sign-up", { ip: sprayer, email: uniqueEmail("spray") }),
      ).not.toBeNull();
      expect(
        await limits().consume("sign-up", { ip: ip(), email: uniqueEmail("neighbour") }),
      ).toBeNull();
    });

    it("give a successful sign-in's points back", async () => {
      const user = { ip: ip(), email: uniqueEmail("regular") };
      for (let attempt = 1; attempt <= 10; attempt++) {
        expect(await limits().consume("sign-in", user), `sign-in ${attempt}`).toBeNull();
        await limits().reward("sign-in", user);
      }
    });

    it("count parallel attempts exactly (atomic)", async () => {
      const subject = { ip: ip(), email: uniqueEmail("burst") };
      const results = await Promise.all(
        Array.from({ length: 12 }, () => limits().consume("magic-link", subject)),
      );
      expect(results.filter((refusal) => refusal === null)).toHaveLength(AUTH_LIMITS.email.points);
    });
  });
}

// ─── Postgres, through the RPC ──────────────────────────────────────────────────
let postgresLimits: Limits;
beforeAll(() => {
  postgresLimits = createAuthRateLimits(
    (options) => new RateLimiterSupabaseRpc({ ...options, counter: consumeRateLimit }),
  );
});
limitStories(
  "Postgres (consume_rate_limit over the API)",
  () => postgresLimits,
  async (key) => {
    const [row] = await runSql<{ points: number }>(
      stack,
      `select points from platform.rate_limits where key = ${literal(key)}`,
    );
    return row ? Number(row.points) : null;
  },
);

describe("the counter RPC is the service role's only", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await signUpUser(stack, uniqueEmail("rl-user"));
  });

  it.each(Object.keys(SERVICE_ROLE_RPCS))("%s: no API role may execute it", (key) => {
    const fn = catalog.functions.find((f) => `${f.schema}.${f.name}(${f.args})` === key);
    expect(fn, `${key} is in the catalog`).toBeDefined();
    expect(fn!.executableBy).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(anon|authenticated|PUBLIC)$/)]),
    );
  });

  it.each(Object.keys(SERVICE_ROLE_RPCS))(
    "%s: anon and a signed-in user are refused and change nothing",
    async (key) => {
      const name = key.slice("public.".length, key.indexOf("("));
      const args = SERVICE_ROLE_RPCS[key]!.args();
      const before = await runSql(
        stack,
        "select key, points from platform.rate_limits order by key",
      );
      for (const client of [anonClient(stack), user.client]) {
        const { data, error } = await client.rpc(name as "consume_rate_limit", args as never);
        expect(error, `${name} answered ${JSON.stringify(data)}`).not.toBeNull();
      }
      const after = await runSql(
        stack,
        "select key, points from platform.rate_limits order by key",
      );
      expect(after).toEqual(before);
    },
  );

  it("the counters' table is not served by the API", async () => {
    const { error } = await anonClient(stack)
      .schema("platform" as "public")
      .from("rate_limits" as "projects")
      .select("*");
    expect(error?.code).toBe("PGRST106");
  });
});

// ─── Redis ──────────────────────────────────────────────────────────────────────
const redisServer = spawnSync("redis-server", ["--version"]).status === 0;
if (!redisServer && process.env.CI)
  throw new Error("redis-server is missing: .ci/run installs Debian's redis-server");

describe.skipIf(!redisServer)("Redis", () => {
  let server: ChildProcess;
  let client: ReturnType<typeof createRedisClient>;
  let redisLimits: Limits;

  beforeAll(async () => {
    const port = await freePort();
    server = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitForPort(port);
    client = createRedisClient({ url: `redis://127.0.0.1:${port}` });
    await client.connect();
    redisLimits = createAuthRateLimits(
      (options) => new RateLimiterRedis({ ...options, storeClient: client, useRedisPackage: true }),
    );
  });
  afterAll(async () => {
    await client?.quit().catch(() => {});
    server?.kill("SIGTERM");
  });

  limitStories(
    "Redis",
    () => redisLimits,
    async (key) => {
      const value = await client.get(key);
      return value === null ? null : Number(value);
    },
  );
});

async function waitForPort(port: number): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(socket.end() && true));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not listen on port ${port}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
