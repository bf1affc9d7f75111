import type { Locator, Page } from "@playwright/test";
import { expect, test, type Tenant } from "./support/fixtures";
import { serviceClient, uniqueSuffix } from "./support/helpers";
import { personas } from "./support/personas";

/*
 * Two real tenants in two isolated browser contexts. Seed: acme (owner alice,
 * tenantA), globex (owner bob, tenantB), carol (member) a plain member of both.
 */

test("alice's new project never reaches bob, not even by URL", async ({ tenantA, tenantB }) => {
  const alice = tenantA.page;
  const bob = tenantB.page;
  await alice.goto("/w/acme");
  await bob.goto("/w/globex");
  await expect(alice).toHaveURL(/\/w\/acme$/);
  await expect(bob).toHaveURL(/\/w\/globex$/);

  const name = `Acme secret plan ${uniqueSuffix()}`;
  await alice.getByLabel("New project name").fill(name);
  await alice.getByRole("button", { name: "Create project" }).click();
  await expect(alice.getByTestId("project-list").getByText(name)).toBeVisible();
  await alice.getByRole("link", { name }).click();
  await expect(alice.getByTestId("project-name")).toHaveText(name);
  const projectUrl = new URL(alice.url()).pathname;
  const projectId = projectUrl.split("/").pop()!;

  await bob.reload();
  await expect(bob.getByTestId("project-list")).toBeVisible();
  await expect(bob.getByText(name)).toHaveCount(0);
  await expect(bob.getByText("Acme")).toHaveCount(0);

  for (const path of ["/w/acme", projectUrl, `/w/globex/projects/${projectId}`]) {
    const response = await bob.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(bob.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(bob.getByText(name)).toHaveCount(0);
    await expect(bob.getByText("Acme Inc")).toHaveCount(0);
  }

  // A workspace that does not exist answers exactly like one bob is not part of.
  const missing = await bob.goto(`/w/no-such-workspace-${uniqueSuffix()}`);
  expect(missing?.status()).toBe(404);

  // Bob calling the API directly with his own session sees nothing of acme either.
  const { data: leaked } = await tenantB.api.from("projects").select("id").eq("id", projectId);
  expect(leaked ?? []).toEqual([]);
});

// The example in e2e/README.md: arrange through one tenant's API, attack from the other's.
test("bob never sees alice's project, not even through the API", async ({ tenantA, tenantB }) => {
  const { data: project } = await tenantA.api
    .from("projects")
    .insert({ organization_id: tenantA.workspace.id, name: `Acme secret ${uniqueSuffix()}` })
    .select("id")
    .single();

  const response = await tenantB.page.goto(`/w/acme/projects/${project!.id}`);
  expect(response?.status()).toBe(404);
  const { data: leaked } = await tenantB.api.from("projects").select("id").eq("id", project!.id);
  expect(leaked).toEqual([]);
});

test("carol switches between acme and globex and sees each workspace's projects only", async ({
  member,
  tenantA,
  tenantB,
}) => {
  // The seeded projects (never renamed nor deleted by any test) and one made just now in
  // each workspace: other tests add and delete projects of their own meanwhile.
  const suffix = uniqueSuffix();
  const projectsOf = async (tenant: Tenant, persona: "tenantA" | "tenantB") => {
    const name = `Switcher check ${tenant.workspace.slug} ${suffix}`;
    const { error } = await tenant.api
      .from("projects")
      .insert({ organization_id: tenant.workspace.id, name });
    expect(error).toBeNull();
    return [...personas[persona].workspace.projects, name];
  };
  const acmeProjects = await projectsOf(tenantA, "tenantA");
  const globexProjects = await projectsOf(tenantB, "tenantB");

  const carol = member.page;
  await carol.goto("/w/globex");
  for (const [slug, name, own, foreign] of [
    ["acme", "Acme Inc", acmeProjects, globexProjects],
    ["globex", "Globex Corporation", globexProjects, acmeProjects],
  ] as const) {
    await carol.getByRole("button", { name: /switch workspace/ }).click();
    const menu = carol.getByRole("list", { name: "Your workspaces" });
    await expect(menu.getByRole("link")).toHaveCount(2);
    await expect(menu.getByRole("link", { name: /Acme Inc/ })).toContainText("Member");
    await menu.getByRole("link", { name: new RegExp(name) }).click();
    await expect(carol).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(carol.getByTestId("current-workspace")).toHaveText(name);
    const list = carol.getByTestId("project-list");
    for (const project of own) await expect(list.getByText(project, { exact: true })).toBeVisible();
    for (const project of foreign)
      await expect(list.getByText(project, { exact: true })).toHaveCount(0);
  }
});

/** Presses Tab until `target` has focus (at most ten times). */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 10; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("the workspace switcher works from the keyboard", async ({ member }) => {
  const carol = member.page;
  await carol.goto("/w/acme");
  const trigger = carol.getByRole("button", { name: /switch workspace/ });
  const menu = carol.getByRole("list", { name: "Your workspaces" });
  const create = carol.getByRole("link", { name: "+ Create workspace" });

  // Escape closes the menu and gives focus back to the button.
  await trigger.focus();
  await carol.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await carol.keyboard.press("Tab");
  await expect(menu.getByRole("link").first()).toBeFocused();
  await carol.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();

  // Tabbing past the last item closes it too.
  await carol.keyboard.press("Enter");
  await tabTo(carol, create);
  await carol.keyboard.press("Tab");
  await expect(menu).toBeHidden();

  // And Enter on a workspace switches to it.
  await trigger.focus();
  await carol.keyboard.press("Enter");
  const globex = menu.getByRole("link", { name: /Globex Corporation/ });
  await tabTo(carol, globex);
  await carol.keyboard.press("Enter");
  await expect(carol).toHaveURL(/\/w\/globex$/);
  await expect(carol.getByTestId("current-workspace")).toHaveText("Globex Corporation");
});

test("a member gets no delete control, and a forged delete is refused", async ({
  member,
  tenantA,
}) => {
  // A project of its own: another test may be deleting some other acme project right now.
  const { data: project, error } = await tenantA.api
    .from("projects")
    .insert({ organization_id: tenantA.workspace.id, name: `Not carol's ${uniqueSuffix()}` })
    .select("id, name")
    .single();
  expect(error).toBeNull();

  const carol = member.page;
  await carol.goto(`/w/acme/projects/${project!.id}`);
  await expect(carol.getByTestId("project-name")).toHaveText(project!.name);
  await expect(carol.getByRole("button", { name: /delete/i })).toHaveCount(0);
  await expect(carol.getByRole("button", { name: /rename|archive/i })).toHaveCount(0);

  // Carol goes around the UI and calls the API with her own session.
  const carolApi = member.api;
  const { data: deleted } = await carolApi
    .from("projects")
    .delete()
    .eq("id", project!.id)
    .select("id");
  expect(deleted ?? []).toEqual([]);
  const { data: renamed } = await carolApi
    .from("projects")
    .update({ name: "pwned" })
    .eq("id", project!.id)
    .select("id");
  expect(renamed ?? []).toEqual([]);

  const { data: stillThere } = await serviceClient()
    .from("projects")
    .select("name")
    .eq("id", project!.id)
    .single();
  expect(stillThere?.name).toBe(project!.name);
});

test("switching workspaces keeps the page's section, and a missing page keeps the workspace around it", async ({
  member,
}) => {
  const carol = member.page;
  await carol.goto("/w/acme/settings/members");
  await carol.getByRole("button", { name: /switch workspace/ }).click();
  await carol
    .getByRole("list", { name: "Your workspaces" })
    .getByRole("link", { name: /Globex Corporation/ })
    .click();
  await expect(carol).toHaveURL(/\/w\/globex\/settings\/members$/);
  await expect(carol.getByRole("heading", { name: "Members", exact: true })).toBeVisible();

  const response = await carol.goto("/w/globex/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(carol.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(carol.getByTestId("current-workspace")).toHaveText("Globex Corporation");
  await carol.getByRole("link", { name: "Back to the projects" }).click();
  await expect(carol).toHaveURL(/\/w\/globex$/);
});
