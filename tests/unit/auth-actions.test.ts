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
vi.mock("@/lib/supabase/server", () => ({
  createClient: async () => ({
    auth: {
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

const { signUp } = await import("@/lib/auth/actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;

/** The action's answer: where it sends the visitor, or the form state it shows. */
async function answer(action: typeof signUp, fields: Record<string, string>) {
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
