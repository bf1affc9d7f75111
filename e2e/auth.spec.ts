import { expect, test } from "./support/fixtures";
import { emailLink, signIn, uniqueSuffix } from "./support/helpers";

test("sign up, create a first workspace, and get a clear error for a taken URL", async ({
  page,
}) => {
  const email = `dana-${uniqueSuffix()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Dana");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue(email);

  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Create your first workspace" })).toBeVisible();

  await page.getByLabel("Workspace name").fill("Acme");
  await expect(page.getByLabel("Workspace URL")).toHaveValue("acme");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Another workspace already uses this URL")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Acme");

  const slug = `dana-${uniqueSuffix()}`;
  await page.getByLabel("Workspace URL").fill(slug);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByText("No projects yet")).toBeVisible();
  await expect(page.getByTestId("current-workspace")).toHaveText("Acme");

  // A second sign-up with the same email gets the answer any address gets: "check your
  // email" (saying "already registered" would tell anyone which addresses have accounts).
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  // Wait for the sign-out to land: navigating on while it runs races its redirect.
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out$/);
  await expect(page.getByText("You’ve been signed out.")).toBeVisible();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Dana again");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("a-good-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/check-email\?kind=confirm/);
  await expect(page.getByText("Already have an account?")).toBeVisible();
});

test("a protected page sends a signed-out visitor to sign in and back", async ({
  page,
  newTenant,
}) => {
  // Signing out ends every session of the user, so not a shared tenant's: its own.
  const { email, password, workspace } = await newTenant();
  const home = `/w/${workspace.slug}`;
  await page.goto(home);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fw%2F${workspace.slug}$`));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));

  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out$/);
  await page.goto(home);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("forgotten password: the emailed link lets the user choose a new one", async ({ page }) => {
  const email = `erin-${uniqueSuffix()}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Erin");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("first-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  await page.context().clearCookies();

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(await emailLink(email, /reset/i));
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel("New password", { exact: true }).fill("second-password");
  await page.getByLabel("Repeat the new password").fill("second-password");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/onboarding/);
  await expect(page.getByText("Your password was updated.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, email, "second-password");
  await expect(page).toHaveURL(/\/onboarding$/);
});

test("magic link sign-in lands where the visitor was going", async ({ page }) => {
  await page.goto("/w/acme");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole("tab", { name: "Email link" }).click();
  await page.getByLabel("Email").fill("alice@acme.test");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(await emailLink("alice@acme.test", /sign-in link/i));
  await expect(page).toHaveURL(/\/w\/acme$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("alice@acme.test");

  // A used, forged or expired link ends on the sign-in page with a clear message.
  await page.context().clearCookies();
  await page.goto("/auth/confirm?token_hash=forged&type=email");
  await expect(page).toHaveURL(/\/sign-in\?error=link_invalid$/);
  await expect(page.getByText("That link is invalid or has expired.")).toBeVisible();
});
