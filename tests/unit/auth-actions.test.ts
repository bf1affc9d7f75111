/**
 * The sign-in forms' server actions, with Next.js and the auth server replaced:
 * what a visitor can learn about other people's accounts from their answers.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const server = vi.hoisted(() => ({
  /** Addresses that already have an account. */
  accounts: new Set<string>(),
}));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }),
}));
// The real limits (lib/rate-limit/limits.ts) over the library's in-memory store; the
// stores themselves are proven in tests/integration/rate-limits.test.ts.
vi.mock("@/lib/rate-limit", async () => {
  const { RateLimiterMemory } = await import("rate-limiter-flexible");
  const { createAuthRateLimits, refusalMessage } = await import("@/lib/rate-limit/limits");
  const limits = createAuthRateLimits((options) => new RateLimiterMemory(options));
  const ip = "203.0.113.7";
  return {
    limitAuthAttempt: async (action: "sign-in", email: string) => {
      const refusal = await limits.consume(action, { ip, email });
      return refusal && refusalMessage(refusal);
    },
    forgiveAuthAttempt: (action: "sign-in", email: string) => limits.reward(action, { ip, email }),
  };
});
vi.mock("@/lib/supabase/server", () => ({
  createClient: async () => ({
    auth: {
      signInWithPassword: async ({ email, password }: { email: string; password: string }) =>
        server.accounts.has(email) && password === "right-password"
          ? { data: {}, error: null }
          : { data: {}, error: { code: "invalid_credentials", status: 400, message: "Invalid" } },
      signUp: async ({ email }: { email: string }) => {
        if (server.accounts.has(email))
          return {
            data: { user: null, session: null },
            error: { code: "user_already_exists", status: 422, message: "User already registered" },
          };
        server.accounts.add(email);
        return {
          data: { user: { id: "new" }, session: null },
          error: null,
        };
      },
    },
  }),
}));

process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:54321";
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
process.env.NEXT_PUBLIC_SITE_URL = "http://localhost:3000";

const { signIn, signUp } = await import("@/lib/auth/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;

/** The action's answer: where it sends the visitor, or the form state it shows. */
async function answer(action: typeof signUp | typeof signIn, fields: Record<string, string>) {
  try {
    return JSON.stringify(await action(idle, form(fields)));
  } catch (error) {
    return (error as Error).message;
  }
}

beforeEach(() => {
  server.accounts = new Set(["alice@acme.test"]);
});

describe("sign-up does not tell whether an address has an account", () => {
  const signUpAs = (email: string) =>
    answer(signUp, { fullName: "Mallory", email, password: "a-long-password" });

  it("answers a taken address exactly as a new one (email confirmations on)", async () => {
    const taken = await signUpAs("alice@acme.test");
    const fresh = await signUpAs("new@acme.test");
    expect(fresh).toBe("REDIRECT /check-email?kind=confirm&email=new%40acme.test");
    expect(taken).toBe(fresh.replace("new%40", "alice%40"));
    expect(taken).not.toMatch(/already/i);
  });
});

describe("sign-in is rate limited by email", () => {
  const signInAs = (email: string, password: string) => answer(signIn, { email, password });

  it("refuses the 6th wrong password for an address, whether it has an account or not", async () => {
    for (const email of ["alice@acme.test", "nobody@acme.test"]) {
      for (let attempt = 1; attempt <= 5; attempt++)
        expect(await signInAs(email, "guess")).toMatch(/do not match an account/);
      expect(await signInAs(email, "guess")).toMatch(
        /"message":"Too many attempts\. Try again in 15 minutes\."/,
      );
      // Even the right password waits: the limit is what stops guessing.
      expect(await signInAs(email, "right-password")).toMatch(/Too many attempts/);
    }
    expect(await signInAs("carol@acme.test", "guess")).toMatch(/do not match an account/);
  });

  it("does not count successful sign-ins", async () => {
    server.accounts.add("bob@acme.test");
    for (let attempt = 1; attempt <= 8; attempt++)
      expect(await signInAs("bob@acme.test", "right-password")).toBe("REDIRECT /");
  });
});
