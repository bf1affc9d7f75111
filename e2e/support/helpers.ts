import { expect, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { caughtEmails, firstLink } from "../../scripts/stack/mail-api";

export const DEMO_PASSWORD = "demo-password";

export function stackEnv(
  name:
    | "TENANTKIT_E2E_API_URL"
    | "TENANTKIT_E2E_PUBLISHABLE_KEY"
    | "TENANTKIT_E2E_SECRET_KEY"
    | "TENANTKIT_E2E_MAIL_URL",
) {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is missing: run the browser tests through playwright.config.ts`);
  return value;
}

/** Platform view of the database, used only to check what really happened. */
export const serviceClient = () =>
  createClient(stackEnv("TENANTKIT_E2E_API_URL"), stackEnv("TENANTKIT_E2E_SECRET_KEY"), {
    auth: { persistSession: false, autoRefreshToken: false },
  });

/** Signs in through the real form. Tests that are not about signing in use the fixtures instead. */
export async function signIn(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  path = "/sign-in",
) {
  await page.goto(path);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Waits for the newest email to `to` whose subject matches, in the mail catcher, and returns its link. */
export async function emailLink(to: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const email = (await caughtEmails(stackEnv("TENANTKIT_E2E_MAIL_URL"), to)).find(
          (candidate) => subject.test(candidate.subject),
        );
        link = email && firstLink(email);
        return link;
      },
      { message: `an email "${subject}" to ${to}` },
    )
    .toBeTruthy();
  return link!;
}

export const uniqueSuffix = () => Math.random().toString(36).slice(2, 8);
