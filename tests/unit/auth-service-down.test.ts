/**
 * When the auth server cannot be reached, the app says so: the sign-in form does not
 * claim a wrong password, and a signed-in page does not treat the user as signed out.
 * The client here is a real supabase-js client pointed at a port nothing listens on.
 */
import { createClient as createSupabaseClient } from "@supabase/supabase-js";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: <T>(fn: T) => fn,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.8" }),
}));
vi.mock("@/lib/rate-limit", () => ({
  limitAuthAttempt: async () => null,
  forgiveAuthAttempt: async () => {},
}));
// Port 9 (discard) on loopback: the connection is refused at once.
const unreachable = () =>
  createSupabaseClient("http://127.0.0.1:9", "sb_publishable_test", {
    auth: { persistSession: false, autoRefreshToken: false },
  });
const signedInClient = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@/lib/supabase/server", () => ({
  createClient: async () => signedInClient.current ?? unreachable(),
}));

process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:9";
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
process.env.NEXT_PUBLIC_SITE_URL = "http://localhost:3000";

const { signIn, sendMagicLink } = await import("@/lib/auth/actions");
const { getCurrentUser } = await import("@/lib/auth/session");
const { isAuthServiceDown } = await import("@/lib/auth/service");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

describe("an unreachable auth server", () => {
  it("is told apart from a refusal", async () => {
    const { error } = await unreachable().auth.signInWithPassword({
      email: "alice@acme.test",
      password: "demo-password",
    });
    expect(isAuthServiceDown(error)).toBe(true);
    expect(isAuthServiceDown({ status: 400, code: "invalid_credentials" })).toBe(false);
    expect(isAuthServiceDown({ status: 503 })).toBe(true);
  });

  it("makes sign-in say so, not 'wrong password'", async () => {
    const state = await signIn(
      { status: "idle" },
      form({ email: "alice@acme.test", password: "demo-password" }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: "We can’t reach the sign-in service. Try again.",
    });
  });

  it("makes the magic-link form say so", async () => {
    const state = await sendMagicLink({ status: "idle" }, form({ email: "alice@acme.test" }));
    expect(state.message).toBe("We can’t reach the sign-in service. Try again.");
  });

  it("makes a signed-in page fail (error page) instead of answering 'signed out'", async () => {
    const down = unreachable();
    // A session whose token must be checked by the server (HS256): getClaims calls it.
    signedInClient.current = {
      auth: {
        getClaims: async () => {
          const { error } = await down.auth.getUser("a-token-the-server-would-check");
          return { data: null, error };
        },
      },
    };
    await expect(getCurrentUser()).rejects.toThrow("The auth service is unreachable");
    signedInClient.current = {
      auth: { getClaims: async () => ({ data: null, error: null }) },
    };
    await expect(getCurrentUser()).resolves.toBeNull();
    signedInClient.current = null;
  });
});
