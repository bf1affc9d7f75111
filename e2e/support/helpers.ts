import { expect, type Browser, type Page } from "@playwright/test";
import { createClient } from "@supabase/supabase-js";
import { caughtEmails, firstLink } from "../../scripts/stack/mail-api";

export const DEMO_PASSWORD = "demo-password";

function stackEnv(
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

const clientOptions = { auth: { persistSession: false, autoRefreshToken: false } } as const;

/** Platform view of the database, used only to check what really happened. */
export const serviceClient = () =>
  createClient(
    stackEnv("TENANTKIT_E2E_API_URL"),
    stackEnv("TENANTKIT_E2E_SECRET_KEY"),
    clientOptions,
  );

/** A supabase-js client signed in as a user: the same API an attacker with that account can call directly. */
export async function apiClientAs(email: string, password = DEMO_PASSWORD) {
  const client = createClient(
    stackEnv("TENANTKIT_E2E_API_URL"),
    stackEnv("TENANTKIT_E2E_PUBLISHABLE_KEY"),
    clientOptions,
  );
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in ${email}: ${error.message}`);
  return client;
}

/** A fresh, isolated browser context (own cookies) signed in through the UI. */
export async function signedInPage(
  browser: Browser,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

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
