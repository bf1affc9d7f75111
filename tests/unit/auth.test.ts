import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "@/lib/auth/redirects";
import { resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/auth/validation";
import { parseForm } from "@/lib/forms";

describe("safeNextPath", () => {
  it.each(["/", "/w/acme", "/w/acme/projects/1?tab=2"])("keeps the site path %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "w/acme",
    "/w/acme\n/x",
    "/..//evil.example",
    "/./\\evil.example",
    "",
    undefined,
    42,
  ])("replaces %s with the fallback", (value) => {
    expect(safeNextPath(value, "/fallback")).toBe("/fallback");
  });

  it("normalises what the URL parser would change, so Location headers stay ASCII", () => {
    // A raw U+3002 in `next` reached redirect() as is: a 500 instead of a redirect.
    expect(safeNextPath("/\u3002evil.example")).toBe("/%E3%80%82evil.example");
    expect(safeNextPath("/w/caf\u00e9 x")).toBe("/w/caf%C3%A9%20x");
    expect(safeNextPath("/w/acme/../globex")).toBe("/w/globex");
  });

  it("builds a sign-in URL that comes back", () => {
    expect(signInPathFor("/w/acme")).toBe("/sign-in?next=%2Fw%2Facme");
    expect(signInPathFor("/")).toBe("/sign-in");
    expect(signInPathFor("https://evil.example")).toBe("/sign-in");
  });
});

describe("auth schemas", () => {
  it("normalises the email and explains a malformed one", () => {
    expect(signInSchema.parse({ email: "  Alice@Acme.TEST ", password: "x" }).email).toBe(
      "alice@acme.test",
    );
    const result = signInSchema.safeParse({ email: "alice@", password: "x" });
    expect(result.error?.issues[0]?.message).toMatch(/valid email/);
  });

  it("asks for a password of at least 8 characters on sign-up", () => {
    const result = signUpSchema.safeParse({
      fullName: "Alice",
      email: "a@b.co",
      password: "1234567",
    });
    expect(result.error?.issues[0]?.message).toBe("Use at least 8 characters.");
  });

  it("requires the two new passwords to match", () => {
    const result = resetPasswordSchema.safeParse({
      password: "a-long-password",
      confirmPassword: "another-one",
    });
    expect(result.error?.issues[0]?.path).toEqual(["confirmPassword"]);
  });
});

describe("parseForm", () => {
  it("returns field errors and the typed values, but never echoes passwords", () => {
    const form = new FormData();
    form.set("fullName", "Alice");
    form.set("email", "not-an-email");
    form.set("password", "secret-password");
    const result = parseForm(signUpSchema, form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state.fieldErrors).toEqual({ email: expect.stringMatching(/valid email/) });
    expect(result.state.values).toEqual({ fullName: "Alice", email: "not-an-email" });
  });
});
