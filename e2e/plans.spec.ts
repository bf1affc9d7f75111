import { expect, test } from "./support/fixtures";
import { serviceClient, uniqueSuffix } from "./support/helpers";
import { signedEvent, TEST_PRICES } from "../tests/support/stripe-double";

const thisMonth = () => `${new Date().toISOString().slice(0, 7)}-01`;

test("a free workspace fills its 3 projects, sees the limit, and is refused the 4th with the upgrade message", async ({
  newTenant,
}) => {
  const tenant = await newTenant({ workspaceName: "Tiny Co" });
  const { page, api, workspace } = tenant;
  for (const name of ["First", "Second"]) {
    const { error } = await api.from("projects").insert({ organization_id: workspace.id, name });
    expect(error).toBeNull();
  }
  await page.goto(`/w/${workspace.slug}`);
  const name = page.getByRole("textbox", { name: /project name/i });
  await name.fill("Third");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("link", { name: "Third" })).toBeVisible();
  await expect(page.getByText("You have reached your plan's limit of 3 projects.")).toBeVisible();
  await expect(page.getByRole("link", { name: "See plans" })).toHaveAttribute(
    "href",
    `/w/${workspace.slug}/settings/billing`,
  );

  await name.fill("Fourth");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByText("Your plan allows 3 projects. Upgrade to add more.")).toBeVisible();
  await expect(name).toHaveValue("Fourth"); // nothing typed is lost
  const { data } = await api.from("projects").select("name").eq("organization_id", workspace.id);
  expect(data?.map((p) => p.name).sort()).toEqual(["First", "Second", "Third"]);
});

test("the billing page shows the meters; the owner upgrades through Checkout and gets Pro's limits", async ({
  newTenant,
}) => {
  const { page, api, workspace } = await newTenant({ workspaceName: "Metered Co" });
  await api.from("projects").insert({ organization_id: workspace.id, name: "Only one" });
  await serviceClient().rpc("record_usage", {
    org: workspace.id,
    metric: "api_requests",
    period_start: thisMonth(),
    amount: 4200,
  });
  await page.goto(`/w/${workspace.slug}/settings/billing`);
  await expect(page.getByRole("heading", { name: /Free plan/ })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Projects" })).toHaveAttribute(
    "aria-valuetext",
    "1 of 3 projects",
  );
  await expect(page.getByRole("meter", { name: /Seats/ })).toHaveAttribute("aria-valuenow", "1");
  await expect(page.getByRole("meter", { name: "API requests per month" })).toHaveAttribute(
    "aria-valuetext",
    "4,200 of 5,000 API requests",
  );
  await expect(page.getByText("(84%)")).toBeVisible();
  await expect(page.getByText(/Resets on/)).toBeVisible();
  await expect(page.getByRole("table", { name: "Plans compared" })).toContainText("100 projects");

  // Stripe Checkout (the local test double's page), then back with the plan applied by
  // the signed webhook, never by the redirect.
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  await expect(page.getByRole("heading", { name: "Stripe test checkout" })).toBeVisible();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page).toHaveURL(/\/settings\/billing\?checkout=success$/);
  await expect(page.getByText(/Payment received/)).toBeVisible();
  await expect(page.getByRole("heading", { name: /Pro plan/ })).toBeVisible();
  await expect(page.getByRole("meter", { name: "Projects" })).toHaveAttribute(
    "aria-valuetext",
    "1 of 100 projects",
  );
  await expect(page.getByRole("button", { name: "Manage billing" })).toBeVisible();
  const { data } = await api
    .from("workspace_subscriptions")
    .select("plan_id, status")
    .eq("organization_id", workspace.id)
    .single();
  expect(data).toEqual({ plan_id: "pro", status: "active" });
});

test("a plain member sees the plan's name only", async ({ member }) => {
  await member.page.goto("/w/globex/settings/billing");
  await expect(member.page.getByText(/is on the Free plan/)).toBeVisible();
  await expect(member.page.getByRole("meter")).toHaveCount(0);
  await expect(
    member.page.getByRole("button", { name: /Upgrade|Switch|Manage billing/ }),
  ).toHaveCount(0);
});

test("the JSON API counts each call against the month's API requests and answers 429 when they are spent", async ({
  newTenant,
  tenantB,
  request,
}) => {
  const { page, api, workspace } = await newTenant({ workspaceName: "API Co" });
  await api.from("projects").insert({ organization_id: workspace.id, name: "Listed" });
  await serviceClient().rpc("record_usage", {
    org: workspace.id,
    metric: "api_requests",
    period_start: thisMonth(),
    amount: 4999,
  });
  const last = await page.request.get(`/api/w/${workspace.slug}/projects`);
  expect(last.status()).toBe(200);
  expect(last.headers()["x-quota-remaining"]).toBe("0");
  expect((await last.json()).projects.map((p: { name: string }) => p.name)).toEqual(["Listed"]);

  const refused = await page.request.get(`/api/w/${workspace.slug}/projects`);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  const body = await refused.json();
  expect(body.error).toBe("quota_exceeded");
  expect(body.message).toMatch(
    /used its 5,000 API requests for this month\. The allowance resets on/,
  );

  // Another tenant's allowance is untouched, and it cannot read this workspace at all.
  const other = await tenantB.page.request.get(`/api/w/${workspace.slug}/projects`);
  expect(other.status()).toBe(404);
  const signedOut = await request.get(`/api/w/${workspace.slug}/projects`);
  expect(signedOut.status()).toBe(401);
});

test("a failed payment shows the owner a banner with the grace date, gone once paid", async ({
  newTenant,
  request,
}) => {
  const owner = await newTenant({ workspaceName: "Dunning Co" });
  // The workspace has a Stripe customer and a Pro subscription, as after a Checkout.
  const customer = `cus_e2e${uniqueSuffix()}`;
  await serviceClient().rpc("link_billing_customer", { org: owner.workspace.id, customer });
  const now = Math.floor(Date.now() / 1000);
  const subscription = {
    id: `sub_e2e${uniqueSuffix()}`,
    object: "subscription",
    customer,
    status: "active",
    cancel_at_period_end: false,
    current_period_start: now,
    current_period_end: now + 30 * 86_400,
    items: {
      object: "list",
      data: [{ id: "si_e2e", quantity: 1, price: { id: TEST_PRICES.pro } }],
    },
  };
  const deliver = async (type: string, object: unknown, created: number) => {
    const event = signedEvent(type, object, created);
    const response = await request.post("/api/webhooks/stripe", {
      headers: { "content-type": "application/json", "stripe-signature": event.signature },
      data: event.payload,
    });
    expect(response.status()).toBe(200);
  };
  await deliver("customer.subscription.created", subscription, now);
  await deliver("invoice.payment_failed", { id: "in_e2e", object: "invoice", customer }, now + 1);

  await owner.page.goto(`/w/${owner.workspace.slug}`);
  const banner = owner.page
    .getByRole("alert")
    .filter({ hasText: "A payment for this workspace failed." });
  await expect(banner).toContainText(/stays fully usable until \w+ \d+/);
  await expect(banner.getByRole("link", { name: "Update the payment method" })).toHaveAttribute(
    "href",
    `/w/${owner.workspace.slug}/settings/billing`,
  );
  await expect(owner.page.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();

  // Paid: the banner goes.
  await deliver("invoice.paid", { id: "in_e2e", object: "invoice", customer }, now + 2);
  await owner.page.reload();
  await expect(owner.page.getByText("A payment for this workspace failed.")).toHaveCount(0);
});

test("after an upgrade, inviting someone sets the subscription's seats in Stripe (prorated)", async ({
  newTenant,
}) => {
  const { page, workspace } = await newTenant({ workspaceName: "Seated Co" });
  await page.goto(`/w/${workspace.slug}/settings/billing`);
  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("heading", { name: /Pro plan/ })).toBeVisible();

  await page.goto(`/w/${workspace.slug}/settings/members`);
  await page.getByLabel("Email address").fill(`seat-${uniqueSuffix()}@example.test`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(/Invitation sent to/).first()).toBeVisible();

  // The app told Stripe (the local double) after its answer: 2 seats, prorated.
  const stripeUrl = process.env.TENANTKIT_E2E_STRIPE_URL!;
  await expect
    .poll(async () => {
      const requests = (await (await fetch(`${stripeUrl}/_test/requests`)).json()) as {
        path: string;
        form: Record<string, string>;
      }[];
      const checkout = requests.find(
        (r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === workspace.id,
      );
      const customer = checkout?.form.customer;
      const seatUpdates = requests.filter(
        (r) => r.path.startsWith("/v1/subscription_items/") && r.form.quantity,
      );
      return customer ? seatUpdates.map((r) => [r.form.quantity, r.form.proration_behavior]) : [];
    })
    .toContainEqual(["2", "create_prorations"]);
});
