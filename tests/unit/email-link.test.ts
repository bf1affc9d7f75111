/**
 * Login CSRF: an email link opened while signed in must not replace the session
 * (the attacker mails themself a magic link and gets the victim to open it).
 * The route and the confirmation action, with Next.js and Supabase replaced.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

const auth = vi.hoisted(() => ({
  signedInAs: null as string | null,
  calls: [] as string[],
  verifyFails: false,
}));

vi.mock("server-only", () => ({}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/supabase/server", () => ({
  createClient: async () => ({
    auth: {
      getClaims: async () =>
        auth.signedInAs
          ? { data: { claims: { sub: "victim-id", email: auth.signedInAs } }, error: null }
          : { data: null, error: null },
      verifyOtp: async ({ token_hash }: { token_hash: string }) => {
        auth.calls.push(`verifyOtp ${token_hash}`);
        return auth.verifyFails
          ? { data: { user: null }, error: { message: "expired" } }
          : { data: { user: { id: "link-user" } }, error: null };
      },
      signOut: async ({ scope }: { scope: string }) => {
        auth.calls.push(`signOut ${scope}`);
        return { error: null };
      },
    },
  }),
}));

process.env.NEXT_PUBLIC_SUPABASE_URL = "http://127.0.0.1:54321";
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = "sb_publishable_test";
process.env.NEXT_PUBLIC_SITE_URL = "http://localhost:3000";

const { GET } = await import("@/app/auth/confirm/route");
const { continueWithEmailLink } = await import("@/lib/auth/actions");

const attackerLink = "token_hash=attackers-token&type=magiclink&next=%2F";
const open = (query: string) => GET(new NextRequest(`http://localhost:3000/auth/confirm?${query}`));

beforeEach(() => {
  auth.signedInAs = null;
  auth.calls = [];
  auth.verifyFails = false;
});

describe("GET /auth/confirm", () => {
  it("signed out: verifies the link and goes on, as the link promises", async () => {
    const response = await open("token_hash=t1&type=magiclink&next=%2Fw%2Facme");
    expect(auth.calls).toEqual(["verifyOtp t1"]);
    expect(response.headers.get("location")).toBe("http://localhost:3000/w/acme");
  });

  it("signed out, bad link: back to sign-in with an explanation", async () => {
    auth.verifyFails = true;
    const response = await open("token_hash=t1&type=magiclink");
    expect(response.headers.get("location")).toBe(
      "http://localhost:3000/sign-in?error=link_invalid",
    );
  });

  it("signed in as someone else: spends nothing and asks on /confirm-link", async () => {
    auth.signedInAs = "alice@acme.test";
    const response = await open(attackerLink);
    expect(auth.calls).toEqual([]);
    expect(response.headers.get("location")).toBe(
      `http://localhost:3000/confirm-link?${attackerLink}`,
    );
  });
});

describe("continueWithEmailLink (the explicit click on /confirm-link)", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };

  it("ends this browser's session, then verifies the link", async () => {
    auth.signedInAs = "alice@acme.test";
    await expect(
      continueWithEmailLink(form({ token_hash: "t2", type: "magiclink", next: "/w/globex" })),
    ).rejects.toThrow("REDIRECT /w/globex");
    expect(auth.calls).toEqual(["signOut local", "verifyOtp t2"]);
  });

  it("refuses a malformed form without touching the session", async () => {
    await expect(continueWithEmailLink(form({ type: "magiclink" }))).rejects.toThrow(
      "REDIRECT /sign-in?error=link_invalid",
    );
    expect(auth.calls).toEqual([]);
  });
});
