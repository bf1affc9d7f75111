import { expect, test } from "./support/fixtures";
import { serviceClient, uniqueSuffix } from "./support/helpers";

test("alice deletes a project, finds it in the activity feed under her name, and restores it", async ({
  tenantA,
}) => {
  const alice = tenantA.page;
  await alice.goto("/w/acme");
  const name = `Quarterly report ${uniqueSuffix()}`;
  await alice.getByLabel("New project name").fill(name);
  await alice.getByRole("button", { name: "Create project" }).click();
  await alice.getByRole("link", { name }).click();
  await expect(alice.getByTestId("project-name")).toHaveText(name);
  await alice.getByLabel("Project name", { exact: true }).fill(`${name} v2`);
  await expect(alice.getByLabel("Project name", { exact: true })).toHaveValue(`${name} v2`);
  await alice.getByRole("button", { name: "Rename" }).click();
  await expect(alice.getByText("Project renamed.")).toBeVisible();
  await alice.reload();
  const projectUrl = alice.url();

  await alice.getByRole("button", { name: "Delete project" }).click();
  await alice.getByRole("dialog").getByRole("button", { name: "Delete project" }).click();
  await expect(alice.getByTestId("toast").getByText(`Deleted “${name} v2”.`)).toBeVisible();
  await expect(alice).toHaveURL(/\/w\/acme$/);
  await expect(alice.getByTestId("project-list").getByText(`${name} v2`)).toHaveCount(0);

  await alice.getByRole("link", { name: "Activity" }).click();
  const feed = alice.getByTestId("activity-feed");
  await expect(
    feed.getByText(`Alice Anderson <alice@acme.test> deleted project ${name} v2`),
  ).toBeVisible();
  await expect(
    feed.getByText(`Alice Anderson <alice@acme.test> renamed project ${name} → ${name} v2`),
  ).toBeVisible();

  // Filters narrow the feed.
  await alice.getByLabel("Action").selectOption("delete"); // applies on change
  await expect(alice).toHaveURL(/[?&]action=delete/);
  await expect(feed.getByText(`renamed project ${name}`)).toHaveCount(0);
  await expect(feed.getByText(`deleted project ${name} v2`)).toBeVisible();
  await expect(alice).toHaveURL(/\/activity\?actor=&action=delete&table=$/);
  // Clear shows everything again and resets the form.
  await alice.getByRole("link", { name: "Clear" }).click();
  await expect(alice).toHaveURL(/\/w\/acme\/activity$/);
  await expect(alice.getByLabel("Action")).toHaveValue("");
  await expect(feed.getByText(`renamed project ${name} → ${name} v2`)).toBeVisible();
  await alice.goBack();
  await expect(alice.getByLabel("Action")).toHaveValue("delete");

  await feed.getByText(`deleted project ${name} v2`).click();
  await expect(alice.getByTestId("entry-diff")).toContainText(`${name} v2`);
  await alice.getByRole("button", { name: `Restore project “${name} v2”` }).click();
  await expect(alice).toHaveURL(new RegExp(`${new URL(projectUrl).pathname}\\?restored=1$`));
  await expect(alice.getByTestId("project-name")).toHaveText(`${name} v2`);
  await expect(alice.getByText("Project restored.")).toBeVisible();

  await alice.goto("/w/acme/activity");
  await expect(
    alice
      .getByTestId("activity-feed")
      .getByText(`Alice Anderson <alice@acme.test> restored project ${name} v2`),
  ).toBeVisible();
});

test("plain members do not see the activity log until an owner allows it (a Pro feature); other workspaces never", async ({
  member,
  tenantA,
  tenantB,
}) => {
  // On Free (globex) the setting is refused with the plan's message, and stays off.
  const bob = tenantB.page;
  await bob.goto("/w/globex/settings");
  await bob.getByLabel(/Members can see the activity log/).check();
  await bob.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    bob.getByText("Letting members read the activity log is part of the Pro and Business plans."),
  ).toBeVisible();
  const carol = member.page;
  await carol.goto("/w/globex/activity");
  await expect(carol.getByText("Only owners and admins can see the activity log")).toBeVisible();

  // On Pro (acme): start from the default whatever an earlier attempt left behind.
  const { error } = await tenantA.api
    .from("organizations")
    .update({ members_can_view_activity: false })
    .eq("id", tenantA.workspace.id);
  expect(error).toBeNull();
  await carol.goto("/w/acme");
  await expect(carol.getByRole("link", { name: "Activity" })).toHaveCount(0);
  await carol.goto("/w/acme/activity");
  await expect(carol.getByText("Only owners and admins can see the activity log")).toBeVisible();
  await expect(carol.getByTestId("activity-feed")).toHaveCount(0);

  const alice = tenantA.page;
  await alice.goto("/w/acme/settings");
  await alice.getByLabel(/Members can see the activity log/).check();
  await alice.getByRole("button", { name: "Save", exact: true }).click();
  await expect(alice.getByText("Members can now see the activity log.")).toBeVisible();

  await carol.goto("/w/acme/activity");
  await expect(carol.getByTestId("activity-feed")).toBeVisible();
  await expect(carol.getByTestId("activity-feed")).not.toContainText("Globex");

  // Alice cannot read globex's log, not even by URL.
  expect((await alice.goto("/w/globex/activity"))?.status()).toBe(404);
});

test("the feed pages through older entries", async ({ newTenant }) => {
  // A workspace of its own, so that its feed holds exactly what this test wrote: one entry
  // for its creation, then 35 writes that push that first one to page 2.
  const workspaceName = `Paging Labs ${uniqueSuffix()}`;
  const owner = await newTenant({ workspaceName });
  const { api, workspace } = owner;
  // 35 projects: more than Free's 3 (plan limits are e2e/plans.spec.ts's story).
  const { error: planError } = await serviceClient().rpc("change_workspace_plan", {
    org: workspace.id,
    plan: "pro",
  });
  expect(planError).toBeNull();
  const rows = Array.from({ length: 35 }, (_, i) => ({
    organization_id: workspace.id,
    name: `Bulk ${i}`,
  }));
  const { error } = await api.from("projects").insert(rows);
  expect(error).toBeNull();

  const page = owner.page;
  await page.goto(`/w/${workspace.slug}/activity`);
  const feed = page.getByTestId("activity-feed");
  await expect(feed.getByRole("listitem")).toHaveCount(30);
  await expect(feed.getByText(`created the workspace ${workspaceName}`)).toHaveCount(0);
  // The 35 rows came in one transaction, so they share created_at: the page break
  // falls inside that group and the cursor's id must split it without losing a row.
  const { count } = await api
    .from("audit_logs")
    .select("id", { count: "exact", head: true })
    .eq("organization_id", workspace.id);
  const pageOne = await feed
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  await page.getByRole("link", { name: "Older entries →" }).click();
  await expect(page).toHaveURL(/\/activity\?before=[\w-]+$/);
  await expect(
    feed.getByText(`${owner.name} <${owner.email}> created the workspace ${workspaceName}`),
  ).toBeVisible();
  await expect(feed.getByText("created project Bulk 34")).toHaveCount(0);
  const pageTwo = await feed
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(new Set([...pageOne, ...pageTwo]).size).toBe(count);
  expect(pageOne.length + pageTwo.length).toBe(count);

  await page.getByRole("link", { name: "← Newest entries" }).click();
  await expect(feed.getByText("created project Bulk 34")).toBeVisible();
});

test("the activity log speaks people: labelled filters that apply on change, relative times, days, and entries without ids", async ({
  newTenant,
}) => {
  const owner = await newTenant({ workspaceName: `Readable ${uniqueSuffix()}` });
  const { api, page, workspace } = owner;
  const { data: project } = await api
    .from("projects")
    .insert({ organization_id: workspace.id, name: "Roadmap" })
    .select("id")
    .single();
  await api.from("projects").update({ name: "Roadmap 2027" }).eq("id", project!.id);

  await page.goto(`/w/${workspace.slug}/activity`);
  const feed = page.getByTestId("activity-feed");
  await expect(feed.getByRole("heading", { name: "Today" })).toBeVisible();
  const time = feed.locator("time").first();
  await expect(time).toHaveText(/just now|minute/);
  await expect(time).toHaveAttribute("title", /\d{4}, \d{1,2}:\d{2} [AP]M UTC$/);

  // Human labels, and choosing one filters at once (no "Filter" click).
  const action = page.getByLabel("Action");
  await expect(action.locator("option")).toContainText(["Created", "Changed", "Role changed"]);
  await expect(action.locator("option", { hasText: "member.role_changed" })).toHaveCount(0);
  await action.selectOption({ label: "Changed" });
  await expect(page).toHaveURL(/[?&]action=update/);
  await expect(feed.getByRole("listitem")).toHaveCount(1);

  // The entry: who, what and when above the change; no ids, no column names.
  await feed.getByRole("link", { name: /renamed project Roadmap → Roadmap 2027/ }).click();
  await expect(page.getByText("Changed · Project: “Roadmap 2027”")).toBeVisible();
  await expect(page.getByTestId("entry-diff")).toContainText("Name");
  const text = await page.getByRole("main").innerText();
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
  expect(text).not.toMatch(/organization_id|created_at|updated_at|projects [0-9a-f]/);
});
