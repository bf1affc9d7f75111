import { expect, test, type Tenant } from "./support/fixtures";
import { createClient } from "@supabase/supabase-js";
import { serviceClient, stackEnv, uniqueSuffix } from "./support/helpers";

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
