import { expect, test } from "./support/fixtures";
import { E2E_CRON_SECRET } from "./support/constants";
import { serviceClient } from "./support/helpers";

/**
 * The tenant lifecycle in the browser: an owner's scheduled deletion with its
 * countdown and cancel, a suspended workspace's banner and refused write, the
 * operator console's suspend, the console's 404 for everyone else, and the purge
 * route's secret.
 */

test("an owner schedules the deletion, sees the countdown, and cancels it", async ({
  newTenant,
}) => {
  const owner = await newTenant({ workspaceName: "Leaving Soon" });
  const { page, workspace } = owner;
  await page.goto(`/w/${workspace.slug}/settings`);
  await page.getByRole("button", { name: "Delete workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Leaving Soon?" });
  await dialog.getByLabel(/Type “Leaving Soon” to confirm/).fill("Leaving Soon");
  await dialog.getByRole("button", { name: "Schedule deletion" }).click();
  await expect(page.getByTestId("toast")).toContainText("Deletion scheduled");

  await page.goto(`/w/${workspace.slug}`);
  await expect(page.getByText("This workspace will be deleted in 30 days")).toBeVisible();
  // Read-only meanwhile: the database refuses the write, the form says why.
  await page.getByLabel("New project name").fill("Too late");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText(/scheduled for deletion and is read-only/).first()).toBeVisible();

  await page.getByRole("button", { name: "Cancel deletion" }).click();
  await expect(page.getByTestId("toast")).toContainText("Deletion cancelled");
  await page.reload();
  await expect(page.getByText("This workspace will be deleted")).toHaveCount(0);
  const { data } = await serviceClient()
    .from("organizations")
    .select("deletion_due_at")
    .eq("id", workspace.id)
    .single();
  expect(data?.deletion_due_at).toBeNull();
});

test("a suspended workspace shows the banner and refuses a write", async ({ newTenant }) => {
  const { page, workspace } = await newTenant();
  const { error } = await serviceClient().rpc("admin_suspend_workspace", {
    org: workspace.id,
    reason: "Security review in progress",
    by: "e2e",
  });
  expect(error).toBeNull();
  await page.goto(`/w/${workspace.slug}`);
  await expect(page.getByText("This workspace is suspended and read-only.")).toBeVisible();
  await expect(page.getByText("Security review in progress")).toBeVisible();
  await page.getByLabel("New project name").fill("Blocked");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(
    page.getByText(/This workspace is suspended: it is read-only/).first(),
  ).toBeVisible();
  const { count } = await serviceClient()
    .from("projects")
    .select("id", { count: "exact", head: true })
    .eq("organization_id", workspace.id);
  expect(count).toBe(0);
});

test("an operator finds a tenant in the console and suspends it; its owner sees it", async ({
  newTenant,
}) => {
  const operator = await newTenant({ userName: "Olivia Operator" });
  const { error } = await serviceClient().rpc("add_platform_admin", {
    email: operator.email,
    added_by: "e2e",
  });
  expect(error).toBeNull();
  const customer = await newTenant({ workspaceName: "Customer Co" });

  await operator.page.goto(`/admin?q=${customer.email}`);
  await operator.page.getByRole("link", { name: "Customer Co" }).click();
  await expect(operator.page.getByRole("heading", { name: /Customer Co/ })).toBeVisible();
  await operator.page.getByPlaceholder("Reason (the owners see it)").fill("Chargeback fraud");
  await operator.page.getByRole("button", { name: "Suspend" }).click();
  await expect(operator.page.getByTestId("toast")).toContainText("Workspace suspended.");
  await expect(operator.page.getByRole("button", { name: "Resume" })).toBeVisible();

  await customer.page.goto(`/w/${customer.workspace.slug}`);
  await expect(customer.page.getByText("Chargeback fraud")).toBeVisible();
  const { data: feed } = await customer.api
    .from("audit_logs")
    .select("action, actor_label")
    .eq("organization_id", customer.workspace.id)
    .eq("action", "workspace.suspended");
  expect(feed).toHaveLength(1);
});

test("a normal user at /admin gets the ordinary 404", async ({ tenantA }) => {
  for (const path of ["/admin", `/admin/tenants/${tenantA.workspace.id}`]) {
    const response = await tenantA.page.goto(path);
    expect(response?.status()).toBe(404);
  }
});

test("the purge route answers 401 without the cron secret and runs with it", async ({
  request,
}) => {
  for (const authorization of [undefined, "Bearer wrong", `Bearer ${E2E_CRON_SECRET}x`]) {
    const response = await request.post("/api/cron/purge-workspaces", {
      headers: authorization ? { authorization } : {},
    });
    expect(response.status()).toBe(401);
  }
  const response = await request.post("/api/cron/purge-workspaces", {
    headers: { authorization: `Bearer ${E2E_CRON_SECRET}` },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ deleted: expect.any(Array) });
});
