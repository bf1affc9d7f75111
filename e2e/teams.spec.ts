import { expect, test } from "./support/fixtures";
import { emailLink, serviceClient } from "./support/helpers";

test("alice invites dave, dave joins, changes role, is removed and loses access; bob cannot use the link", async ({
  browser,
  tenantA,
  tenantB,
}, testInfo) => {
  // The longest story of the suite: give it room on a loaded machine. A retry needs an
  // address nobody signed up with yet.
  test.slow();
  const dave = testInfo.retry ? `dave-retry${testInfo.retry}@acme.test` : "dave@acme.test";
  const alice = tenantA.page;
  await alice.goto("/w/acme/settings/members");
  await alice.getByLabel("Email address").fill(dave);
  await alice.getByLabel("Role", { exact: true }).selectOption("member");
  await alice.getByRole("button", { name: "Send invitation" }).click();
  await expect(alice.getByText(`Invitation sent to ${dave}.`)).toBeVisible();
  await expect(alice.getByTestId("invitation-list").getByText(dave, { exact: true })).toBeVisible();

  const link = await emailLink(dave, /You are invited to a workspace/);
  const token = new URL(link).pathname.split("/").pop()!;

  // Bob holds the link but is not dave: the page refuses, and so does the database.
  const bob = tenantB.page;
  await bob.goto(link);
  await expect(
    bob.getByRole("heading", { name: "This invitation is for another account" }),
  ).toBeVisible();
  await expect(bob.getByRole("button", { name: /Join/ })).toHaveCount(0);
  const { error: bobError } = await tenantB.api.rpc("accept_invitation", { token });
  expect(bobError?.message).toBe("wrong_account");

  // Dave opens the link signed out, signs up, comes back and joins.
  const daveContext = await browser.newContext();
  const davePage = await daveContext.newPage();
  await davePage.goto(link);
  await expect(davePage.getByRole("heading", { name: "Join Acme Inc" })).toBeVisible();
  await davePage.getByRole("link", { name: "Create an account" }).click();
  await davePage.getByLabel("Your name").fill("Dave Davis");
  await davePage.getByLabel("Work email").fill(dave);
  await davePage.getByLabel("Password").fill("dave-password");
  await davePage.getByRole("button", { name: "Create account" }).click();
  await expect(davePage).toHaveURL(new RegExp(`/invite/${token}$`));
  await davePage.getByRole("button", { name: "Join Acme Inc" }).click();
  await expect(davePage).toHaveURL(/\/w\/acme\?notice=joined$/);
  await expect(davePage.getByText("Welcome to Acme Inc!")).toBeVisible();
  await expect(davePage.getByTestId("project-list").getByText("Website redesign")).toBeVisible();

  // The link works once.
  await davePage.goto(link);
  await expect(
    davePage.getByRole("heading", { name: "This invitation was already used" }),
  ).toBeVisible();

  // Alice promotes dave to admin.
  await alice.reload();
  const daveRow = alice.getByTestId(`member-${dave}`);
  await expect(daveRow).toContainText("Dave Davis");
  await daveRow.getByLabel("Role of Dave Davis").selectOption("admin");
  await expect(alice.getByTestId("toast")).toContainText("Dave Davis is now admin.");
  await davePage.goto("/w/acme");
  await expect(davePage.locator("header").getByText("Admin", { exact: true })).toBeVisible();

  // Then removes him: his next navigation no longer shows acme.
  await alice.reload();
  await alice.getByRole("button", { name: "More actions for Dave Davis" }).click();
  await alice.getByRole("menuitem", { name: "Remove from workspace" }).click();
  await alice.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(alice.getByTestId(`member-${dave}`)).toHaveCount(0);

  await davePage.getByRole("link", { name: "Members" }).click();
  await expect(davePage).toHaveURL(/\/onboarding/);
  await expect(davePage.getByText("no longer available to you")).toBeVisible();
  const direct = await davePage.goto("/w/acme/settings/members");
  expect(new URL(davePage.url()).pathname).not.toMatch(/^\/w\/acme/);
  expect(direct?.status()).toBeLessThan(500);
  await expect(davePage.getByText("Acme Inc")).toHaveCount(0);

  // The log still knows him: by name in the feed, and as a former member in the filter.
  await alice.goto("/w/acme/activity");
  const feed = alice.getByTestId("activity-feed");
  await expect(
    feed.getByText(`Alice Anderson <alice@acme.test> removed Dave Davis <${dave}>`).first(),
  ).toBeVisible();
  await alice.getByLabel("Person").selectOption({ label: `Dave Davis <${dave}> (former member)` });
  await expect(alice).toHaveURL(/actor=[0-9a-f-]{36}/);
  await expect(
    feed.getByText(`Alice Anderson <alice@acme.test> removed Dave Davis <${dave}>`),
  ).toHaveCount(0);
  await expect(feed.getByText(`Dave Davis <${dave}> joined as member`).first()).toBeVisible();
  for (const entry of await feed.getByRole("listitem").allInnerTexts())
    expect(entry).toMatch(/^Dave Davis /);
});

test("workspace settings: URL change, last-owner protection, delete with typed confirmation", async ({
  newTenant,
}) => {
  // Olga deletes her workspace at the end, so she gets her own instead of a shared tenant.
  const olga = await newTenant({ userName: "Olga", workspaceName: "Olga Labs" });
  const { page } = olga;
  const { slug } = olga.workspace;
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Workspace URL").fill("acme");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Another workspace already uses this URL")).toBeVisible();

  const renamed = `${slug}-new`;
  await page.getByLabel("Workspace name").fill("Olga Research");
  await page.getByLabel("Workspace URL").fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${renamed}/settings\\?saved=1$`));
  await expect(page.getByTestId("current-workspace")).toHaveText("Olga Research");
  const oldLink = await page.goto(`/w/${slug}`);
  expect(oldLink?.status()).toBe(404);

  // The only owner cannot leave.
  await page.goto(`/w/${renamed}/settings`);
  await page.getByRole("button", { name: "Leave workspace" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Leave workspace" }).click();
  await expect(page.getByRole("dialog").getByText("A workspace needs an owner")).toBeVisible();
  await page.keyboard.press("Escape");

  // Deleting asks for the exact name, then schedules the deletion (e2e/lifecycle.spec.ts
  // has the countdown and the cancel); the purge job deletes it when due.
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Olga Research?" });
  const confirm = dialog.getByRole("button", { name: "Schedule deletion" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type “Olga Research” to confirm/).fill("Olga");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type “Olga Research” to confirm/).fill("Olga Research");
  await confirm.click();
  await expect(page.getByText(/This workspace will be deleted in 30 days/)).toBeVisible();
  const { data: workspace } = await serviceClient()
    .from("organizations")
    .delete()
    .eq("slug", renamed)
    .select("id");
  expect(workspace).toHaveLength(1);
  // Its last URL now leads back to the user's own landing page, with an explanation.
  await page.goto(`/w/${renamed}`);
  await expect(page).toHaveURL(/\/onboarding\?notice=access-lost$/);
  await expect(page.getByText("no longer available to you")).toBeVisible();
});
