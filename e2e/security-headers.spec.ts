import { expect, test, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { DEMO_PASSWORD, emailLink, signIn } from "./support/helpers";

/*
 * The browser-facing hardening of issue 10: security headers with a CSP the app
 * passes (no violation on the main pages), no silent account switch through an
 * emailed link, and no attacker text or 500 through URL parameters.
 */

/** Collects CSP violations (the DOM event and the console report) and page errors. */
async function watchViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|CSP violation/i.test(message.text()))
      problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

async function expectSecurityHeaders(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response, path).not.toBeNull();
  const headers = response!.headers();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain(`connect-src 'self' ${new URL(process.env.TENANTKIT_E2E_API_URL!).origin}`);
  expect(csp).not.toContain("unsafe-eval");
  // React hydrated under the CSP: Next.js's bootstrap scripts ran.
  await expect.poll(() => page.evaluate(() => "__next_f" in window)).toBe(true);
}

test("every main page is served with the security headers and passes its CSP", async ({ page }) => {
  const problems = await watchViolations(page);
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password"])
    await expectSecurityHeaders(page, path);
  await signIn(page, "alice@acme.test");
  for (const path of [
    "/w/acme",
    "/w/acme/settings/members",
    "/w/acme/settings",
    "/w/acme/activity",
    "/change-password",
  ])
    await expectSecurityHeaders(page, path);
  // A client-side navigation and a server action under the CSP.
  await page.goto("/w/acme");
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out$/);
  expect(problems).toEqual([]);
});

test("a magic link opened while signed in asks before switching accounts", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  // The attacker (bob) mails himself a sign-in link...
  const attacker = createClient(
    process.env.TENANTKIT_E2E_API_URL!,
    process.env.TENANTKIT_E2E_PUBLISHABLE_KEY!,
    { auth: { persistSession: false, autoRefreshToken: false } },
  );
  const { error } = await attacker.auth.signInWithOtp({
    email: "bob@globex.test",
    options: { shouldCreateUser: false },
  });
  expect(error).toBeNull();
  const link = await emailLink("bob@globex.test", /sign-in link/i);

  // ...and gets alice to open it: nothing happens without her say.
  await page.goto(link);
  await expect(page).toHaveURL(/\/confirm-link\?/);
  await expect(page.getByText("You are signed in as alice@acme.test.")).toBeVisible();
  await page.getByRole("link", { name: "Stay signed in as alice@acme.test" }).click();
  await expect(page).toHaveURL(/\/w\/acme$/);

  // Opened again, the link still works, and only the explicit click switches.
  await page.goto(link);
  await page.getByRole("button", { name: "Continue as the account in this link" }).click();
  await expect(page).toHaveURL(/\/w\/globex/);
  await expect(page.getByTestId("current-workspace")).toHaveText(/Globex/i);
});

test("URL parameters cannot put text on the page nor break it", async ({ page }) => {
  const forged = "Your account is locked, call +1 555 0100";
  await page.goto(`/sign-in`);
  expect((await page.goto(`/sign-in?next=/%E3%80%82evil.example`))!.status()).toBe(200);
  await signIn(page, "carol@example.test", DEMO_PASSWORD);
  // Signed in, /sign-in redirects to `next`: a 404 of this site, not a 500 nor evil.example.
  const response = await page.goto(`/sign-in?next=/\u3002evil.example`);
  expect(response!.status()).toBe(404);
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);

  await page.goto(`/?notice=deleted&name=${encodeURIComponent(forged)}`);
  await expect(page.getByText("The workspace was deleted.")).toBeVisible();
  await expect(page.getByText(forged)).toHaveCount(0);
});
