import { expect, test, type Tenant } from "./support/fixtures";
import { createClient } from "@supabase/supabase-js";
import { caughtEmails } from "../scripts/stack/mail-api";
import { emailLink, serviceClient, stackEnv, uniqueSuffix } from "./support/helpers";

/** A second person in the tenant's own workspace, made on the platform side (not the subject here). */
async function addMember(tenant: Tenant, role: "admin" | "member", name = "Dana Diaz") {
  const email = `dana-${uniqueSuffix()}@example.test`;
  const visitor = createClient(
    stackEnv("TENANTKIT_E2E_API_URL"),
    stackEnv("TENANTKIT_E2E_PUBLISHABLE_KEY"),
    { auth: { persistSession: false, autoRefreshToken: false } },
  );
  const { data, error } = await visitor.auth.signUp({
    email,
    password: `password-${uniqueSuffix()}`,
    options: { data: { full_name: name } },
  });
  if (error || !data.user) throw error ?? new Error(`sign-up ${email}: no user`);
  const { error: joinError } = await serviceClient()
    .from("organization_members")
    .insert({ organization_id: tenant.workspace.id, user_id: data.user.id, role });
  if (joinError) throw joinError;
  return { email, name, id: data.user.id };
}

test("a role change saves on change, shows the new role at once and says so in a toast", async ({
  newTenant,
}) => {
  const owner = await newTenant();
  const dana = await addMember(owner, "admin");
  await owner.page.goto(`/w/${owner.workspace.slug}/settings/members`);
  const row = owner.page.getByTestId(`member-${dana.email}`);
  const role = row.getByLabel(`Role of ${dana.name}`);
  await expect(role).toHaveValue("admin");

  await role.selectOption("member");
  await expect(owner.page.getByTestId("toast")).toContainText(`${dana.name} is now member.`);
  await expect(role).toHaveValue("member");
  // One control per row besides the role: no "Change role" button, no red Remove.
  await expect(row.getByRole("button", { name: "Change role" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Remove" })).toHaveCount(0);

  const { data: saved } = await owner.api
    .from("organization_members")
    .select("role")
    .eq("organization_id", owner.workspace.id)
    .eq("user_id", dana.id)
    .single();
  expect(saved?.role).toBe("member");
  await owner.page.reload();
  await expect(row.getByLabel(`Role of ${dana.name}`)).toHaveValue("member");
});

test("the row menu removes a member from the keyboard, with a confirmation and a toast", async ({
  newTenant,
}) => {
  const owner = await newTenant();
  const dana = await addMember(owner, "member");
  const page = owner.page;
  await page.goto(`/w/${owner.workspace.slug}/settings/members`);
  const menuButton = page.getByRole("button", { name: `More actions for ${dana.name}` });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `More actions for ${dana.name}` });
  await expect(menu.getByRole("menuitem", { name: "Transfer ownership" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Remove from workspace" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Remove ${dana.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("toast")).toContainText("Member removed.");
  await expect(page.getByTestId(`member-${dana.email}`)).toHaveCount(0);
});

test("a deleted project comes back with Undo in the toast, and the dialog says it can", async ({
  newTenant,
}) => {
  const owner = await newTenant();
  const name = `Launch plan ${uniqueSuffix()}`;
  const { data: project } = await owner.api
    .from("projects")
    .insert({ organization_id: owner.workspace.id, name })
    .select("id")
    .single();
  const page = owner.page;
  await page.goto(`/w/${owner.workspace.slug}/projects/${project!.id}`);
  await page.getByRole("button", { name: "Delete project" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).not.toContainText("cannot be undone");
  await expect(dialog).toContainText("undo");
  await dialog.getByRole("button", { name: "Delete project" }).click();

  const toast = page.getByTestId("toast").filter({ hasText: `Deleted “${name}”.` });
  await expect(toast).toBeVisible();
  await expect(page.getByTestId("project-list")).toHaveCount(0);
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project!.id}\\?restored=1$`));
  await expect(page.getByTestId("project-name")).toHaveText(name);
  const { data: back } = await owner.api.from("projects").select("name").eq("id", project!.id);
  expect(back).toEqual([{ name }]);
});

test("a plain member reads the workspace settings as text, not as disabled inputs", async ({
  member,
}) => {
  await member.page.goto("/w/acme/settings");
  await expect(member.page.getByRole("textbox")).toHaveCount(0);
  const details = member.page.getByTestId("workspace-details");
  await expect(details).toContainText("Acme Inc");
  await expect(details).toContainText("/w/acme");
  await expect(
    member.page.getByText("Only owners and admins can change these settings."),
  ).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the workspace nav fits the screen and the signed-in identity stays", async ({
    tenantA,
  }) => {
    const page = tenantA.page;
    await page.goto("/w/acme");
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();
    // No sideways scrolling of the page itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const settings = await nav.getByRole("link", { name: "Settings" }).boundingBox();
    expect(settings!.x + settings!.width).toBeLessThanOrEqual(390);
    const account = page.getByRole("button", { name: "Account menu for alice@acme.test" });
    await expect(account).toBeVisible();
    await account.click();
    await expect(page.getByText("Alice Anderson")).toBeVisible();
    await expect(page.getByRole("link", { name: "Account settings" })).toBeVisible();
  });
});

test("dark mode follows the system, and the toggle's choice persists", async ({ tenantA }) => {
  const background = (page: import("@playwright/test").Page) =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await (async () => {
    await tenantA.page.emulateMedia({ colorScheme: "light" });
    await tenantA.page.goto("/w/acme");
    return background(tenantA.page);
  })();
  await tenantA.page.emulateMedia({ colorScheme: "dark" });
  const dark = await background(tenantA.page);
  expect(dark).not.toBe(light);

  // A choice in the account menu wins over the system's, and survives a new page load.
  await tenantA.page.getByRole("button", { name: /^Account menu/ }).click();
  await tenantA.page.getByText("Light", { exact: true }).click();
  expect(await background(tenantA.page)).toBe(light);
  await tenantA.page.reload();
  expect(await background(tenantA.page)).toBe(light);
  await expect(tenantA.page.locator("html")).toHaveClass("light");
  // Back to the system's for the other tests of this persona (a cookie of this context only).
  await tenantA.page.getByRole("button", { name: /^Account menu/ }).click();
  await tenantA.page.getByText("System", { exact: true }).click();
  expect(await background(tenantA.page)).toBe(dark);
});

test("auth emails offer only their link: no code that no screen accepts", async ({ page }) => {
  const email = `fay-${uniqueSuffix()}@example.test`;
  const visitor = createClient(
    stackEnv("TENANTKIT_E2E_API_URL"),
    stackEnv("TENANTKIT_E2E_PUBLISHABLE_KEY"),
    { auth: { persistSession: false, autoRefreshToken: false } },
  );
  await visitor.auth.signUp({ email, password: `password-${uniqueSuffix()}` });
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await emailLink(email, /reset/i);
  const [reset] = await caughtEmails(stackEnv("TENANTKIT_E2E_MAIL_URL"), email);
  expect(reset!.html).toContain("/auth/confirm?token_hash=");
  // No "enter this code", and no six-digit code anywhere outside the link itself. The HTML
  // is our template (supabase/templates/); the plain-text part is Supabase Lite's own,
  // which no config replaces (docs/upstream/supabase-lite.md), so it is not checked here.
  const body = reset!.html.replace(/https?:\/\/\S+/g, "");
  expect(body).not.toMatch(/enter this code|(^|[^\w.#-])\d{6}([^\w.-]|$)/im);
});

test("account settings: a new name shows everywhere; sign out everywhere ends the session", async ({
  newTenant,
}) => {
  const me = await newTenant({ userName: "Gil Green" });
  const page = me.page;
  await page.goto(`/w/${me.workspace.slug}`);
  await page.getByRole("button", { name: /^Account menu/ }).click();
  await page.getByRole("link", { name: "Account settings" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("Your name")).toHaveValue("Gil Green");
  await page.getByLabel("Your name").fill("Gil Grey");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("toast")).toContainText("Your name was saved.");
  const { data: profile } = await me.api.from("profiles").select("full_name").single();
  expect(profile?.full_name).toBe("Gil Grey");

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out_everywhere$/);
  await page.goto(`/w/${me.workspace.slug}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("'Already have an account?' after sign-up offers real links", async ({ page }) => {
  await page.goto("/check-email?kind=confirm&email=someone%40example.test");
  await page.getByRole("link", { name: "reset your password" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.goBack();
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a failed sign-in keeps the password typed, to fix rather than retype", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(`nobody-${uniqueSuffix()}@example.test`);
  await page.getByLabel("Password").fill("almost-right");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("almost-right");
});

test("the workspace switcher works from the keyboard, filters a long list and shows each workspace's initials", async ({
  newTenant,
}) => {
  const owner = await newTenant();
  const suffix = uniqueSuffix();
  const others = ["Bravo Labs", "Charlie Works", "Delta Health", "Echo Media", "Foxtrot Group"];
  for (const name of others) {
    const { error } = await owner.api.rpc("create_organization", {
      name,
      slug: `${name.split(" ")[0]!.toLowerCase()}-${suffix}`,
    });
    if (error) throw error;
  }
  const page = owner.page;
  await page.goto(`/w/${owner.workspace.slug}`);
  const trigger = page.getByRole("button", { name: /switch workspace/ });
  const menu = page.getByRole("list", { name: "Your workspaces" });

  // ArrowDown on the button opens the menu on its first entry; arrows, Home and End move.
  await trigger.focus();
  await page.keyboard.press("ArrowDown");
  const entries = page.locator("#workspace-switcher-menu [data-switcher-entry]");
  await expect(entries).toHaveCount(others.length + 2); // six workspaces + "Create workspace"
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(page.getByRole("link", { name: "+ Create workspace" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  // Each workspace shows its initials; roles read the same as everywhere else.
  await page.keyboard.press("Enter");
  await expect(
    menu.getByRole("link", { name: /Delta Health/ }).getByTestId("workspace-avatar"),
  ).toHaveText("DH");
  await expect(menu.getByRole("link", { name: /Delta Health/ })).toContainText("Owner");

  // Six workspaces: the menu opens on a filter field; Enter opens the first match.
  const filter = page.getByRole("searchbox", { name: "Find a workspace" });
  await expect(filter).toBeFocused();
  await page.keyboard.type("zzz");
  await expect(
    page.getByRole("status").filter({ hasText: "No workspace matches “zzz”." }),
  ).toBeVisible();
  await filter.fill("echo");
  await expect(menu.getByRole("link")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/w/echo-${suffix}$`));
  await expect(page.getByTestId("current-workspace")).toHaveText("Echo Media");
});

test("a new workspace shows its owner a checklist that ticks itself and can be hidden", async ({
  newTenant,
}) => {
  const owner = await newTenant();
  const page = owner.page;
  await page.goto(`/w/${owner.workspace.slug}`);
  const checklist = page.getByRole("region", { name: `Get ${owner.workspace.name} started` });
  await expect(checklist).toContainText("0 of 3 done");
  await expect(checklist.getByRole("link", { name: "Invite a teammate" })).toHaveAttribute(
    "href",
    `/w/${owner.workspace.slug}/settings/members`,
  );

  // The first step's link leads to the form on this page; creating a project ticks it.
  await checklist.getByRole("link", { name: "Create your first project" }).click();
  await expect(page.getByLabel("New project name")).toBeFocused();
  await page.keyboard.type("First project");
  await page.keyboard.press("Enter");
  await expect(checklist).toContainText("1 of 3 done");
  await expect(checklist.getByText("Create your first project: done")).toBeAttached();

  await checklist.getByRole("button", { name: "Hide" }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  await expect(checklist).toBeHidden();
});

test("a field's error goes away once the user edits it, and comes back if the value is still wrong", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Zoe Zhang");
  const email = page.getByLabel("Work email");
  await email.fill("not-an-email");
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  const error = page.getByText("Enter a valid email address, like name@company.com.");
  await expect(error).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");

  await email.press("End");
  await email.pressSequentially("@");
  await expect(error).toBeHidden();
  await expect(email).not.toHaveAttribute("aria-invalid");

  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(error).toBeVisible();
});

test("a broken email link opened while signed in says so in the workspace", async ({ tenantA }) => {
  await tenantA.page.goto("/auth/confirm?type=bogus&token_hash=x");
  await expect(tenantA.page).toHaveURL(
    new RegExp(`/w/${tenantA.workspace.slug}\\?notice=link-invalid$`),
  );
  await expect(
    tenantA.page.getByText("That email link is invalid or has expired. You are still signed in."),
  ).toBeVisible();
});
