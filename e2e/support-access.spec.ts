import { expect, test } from "./support/fixtures";
import { serviceClient, uniqueSuffix } from "./support/helpers";

test("an operator opens support access to acme with a reason, views its projects read-only, and alice sees it in her activity feed", async ({
  newTenant,
  tenantA,
}) => {
  // A brand-new user made a platform admin the way `npm run tenant -- admin add` does.
  const operator = await newTenant({ userName: "Olga Ops" });
  const { error } = await serviceClient().rpc("add_platform_admin", {
    email: operator.email,
    added_by: "e2e",
  });
  expect(error).toBeNull();

  const ops = operator.page;
  const reason = `Ticket #${uniqueSuffix()}: projects missing`;
  await ops.goto(`/admin/tenants/${tenantA.workspace.id}/support`);
  await expect(ops.getByRole("heading", { name: "Support access to Acme Inc" })).toBeVisible();
  await ops.getByLabel("Reason").fill(reason);
  await ops.getByLabel("Duration").selectOption("60");
  await ops.getByRole("button", { name: "Open support access" }).click();

  await expect(ops.getByTestId("support-banner")).toContainText(
    /Support view — read-only, expires in (59|60) min/,
  );
  await ops.getByRole("link", { name: "Projects" }).click();
  const { data: projects } = await tenantA.api
    .from("projects")
    .select("name")
    .eq("organization_id", tenantA.workspace.id)
    .order("created_at", { ascending: false })
    .limit(1);
  await expect(ops.getByTestId("support-projects")).toContainText(projects![0]!.name);
  // Read-only: the view offers nothing to change.
  await expect(ops.getByTestId("support-projects").getByRole("button")).toHaveCount(0);

  const alice = tenantA.page;
  await alice.goto("/w/acme/activity");
  const feed = alice.getByTestId("activity-feed");
  await expect(
    feed.getByText(`Support (${operator.email}) opened support access for 1 hour: ${reason}`),
  ).toBeVisible();
  await expect(
    feed.getByText(`Support (${operator.email}) viewed this workspace (projects): ${reason}`),
  ).toBeVisible();
  await alice.goto("/w/acme/settings");
  await expect(alice.getByTestId("support-grants")).toContainText(reason);

  // Closing ends it at once: the section is no longer offered.
  await ops.getByRole("button", { name: "Close" }).first().click();
  await expect(ops.getByRole("button", { name: "Open support access" })).toBeVisible();
  await expect(ops.getByTestId("support-banner")).toHaveCount(0);
});

test("a normal user at /admin gets the 404 of a missing page", async ({ tenantB }) => {
  const response = await tenantB.page.goto("/admin");
  expect(response?.status()).toBe(404);
  const support = await tenantB.page.goto(`/admin/tenants/${tenantB.workspace.id}/support`);
  expect(support?.status()).toBe(404);
});

test("alice's page loads reach the operator's tenant health page, with server time and Supabase calls", async ({
  newTenant,
  tenantA,
}) => {
  const operator = await newTenant({ userName: "Hank Health" });
  await serviceClient().rpc("add_platform_admin", { email: operator.email, added_by: "e2e" });
  for (const path of ["/w/acme", "/w/acme/settings", "/w/acme/activity"])
    await tenantA.page.goto(path);
  // The app flushes every 50 page loads or 10 seconds, after the responses.
  await expect
    .poll(
      async () => {
        const { data } = await operator.api.rpc("admin_tenant_health", { hours: 1 });
        const acme = data?.find((row) => row.organization_id === tenantA.workspace.id);
        return acme ? acme.requests > 0 && acme.queries >= acme.requests : false;
      },
      { timeout: 30_000, intervals: [2_000] },
    )
    .toBe(true);
  await operator.page.goto("/admin/health");
  await expect(operator.page.getByTestId("tenant-health")).toContainText("Acme Inc");
});

test("a workspace that requires approval: support waits until its owner approves, and the owner can revoke", async ({
  newTenant,
}) => {
  const owner = await newTenant({ workspaceName: `Careful ${uniqueSuffix()}` });
  const operator = await newTenant({ userName: "Otto Ops" });
  await serviceClient().rpc("add_platform_admin", { email: operator.email, added_by: "e2e" });

  await owner.page.goto(`/w/${owner.workspace.slug}/settings`);
  await owner.page.getByLabel(/Require an owner.s approval/).check();
  await owner.page.getByRole("button", { name: "Save support setting" }).click();
  await expect(
    owner.page.getByText("Support access now waits for an owner's approval."),
  ).toBeVisible();

  const ops = operator.page;
  await ops.goto(`/admin/tenants/${owner.workspace.id}/support`);
  await ops.getByLabel("Reason").fill("Ticket #31: invoices look wrong");
  await ops.getByRole("button", { name: "Open support access" }).click();
  await expect(ops.getByTestId("support-pending")).toBeVisible();
  await expect(ops.getByTestId("support-banner")).toHaveCount(0);

  await owner.page.reload();
  const grants = owner.page.getByTestId("support-grants");
  await expect(grants).toContainText("waiting for an owner's approval");
  await grants.getByRole("button", { name: "Approve" }).click();
  await expect(grants).toContainText("expires in");

  await ops.reload();
  await expect(ops.getByTestId("support-banner")).toContainText("Support view — read-only");

  await owner.page.reload();
  await owner.page.getByTestId("support-grants").getByRole("button", { name: "Revoke" }).click();
  await expect(owner.page.getByTestId("support-grants")).toContainText(`closed`);
  await ops.reload();
  await expect(ops.getByTestId("support-banner")).toHaveCount(0);
});
