/**
 * Stripe billing, offline: the real SDK against a local Stripe test double
 * (tests/support/stripe-double.ts), real webhook signatures, the real webhook handler
 * (lib/billing/webhook.ts) and the real database. Stories: checkout links a workspace
 * to its customer and Stripe's subscription drives its plan; duplicates, concurrent
 * duplicates and out-of-order events change nothing twice or backwards; a checkout of
 * one workspace never touches another; a failed payment gives a grace period, then a
 * read-only workspace, then recovery; seats follow the members.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createTeam, uniqueEmail, type TestTeam } from "../support/clients";
import { literal, runSql } from "../support/sql";
import {
  startStripeDouble,
  TEST_PRICES,
  TEST_WEBHOOK_SECRET,
  type DoubleSubscription,
  type StripeDouble,
} from "../support/stripe-double";

vi.mock("server-only", () => ({}));
// The email transport: what the webhook would send, captured instead of delivered.
const sent = vi.hoisted(() => [] as { to: string; subject: string }[]);
vi.mock("@/lib/email/send", () => ({
  sendEmail: async (message: { to: string; subject: string }) => {
    sent.push({ to: message.to, subject: message.subject });
  },
}));

const stack = inject("stack");
process.env.NEXT_PUBLIC_SUPABASE_URL = stack.url;
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = stack.publishableKey;
process.env.SUPABASE_SECRET_KEY = stack.secretKey;
process.env.NEXT_PUBLIC_SITE_URL = "http://localhost:3000";

const { billingConfig } = await import("@/lib/billing/config");
const { handleStripeWebhook } = await import("@/lib/billing/webhook");
const { seatsInUse } = await import("@/lib/supabase/admin");
const { createCheckout, createPortal, switchSubscriptionPlan, syncSeatQuantity } =
  await import("@/lib/billing/stripe");

let double: StripeDouble;
let config: NonNullable<ReturnType<typeof billingConfig>>;

beforeAll(async () => {
  double = await startStripeDouble();
  config = billingConfig({
    STRIPE_SECRET_KEY: "sk_test_tenantkit",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_PRICE_PRO: TEST_PRICES.pro,
    STRIPE_PRICE_BUSINESS: TEST_PRICES.business,
    STRIPE_API_URL: double.url,
    BILLING_GRACE_DAYS: "7",
  })!;
});
afterAll(() => double.close());

const deliver = (event: { payload: string; signature: string }) =>
  handleStripeWebhook(event.payload, event.signature, config);

const subscriptionOf = async (orgId: string) =>
  (
    await runSql<{
      plan_id: string;
      status: string;
      seat_quantity: number;
      grace_ends_at: string | null;
    }>(
      stack,
      `select plan_id, status, seat_quantity, grace_ends_at from public.workspace_subscriptions
       where organization_id = ${literal(orgId)}`,
    )
  )[0]!;

const ledger = (eventId: string) =>
  runSql<{ outcome: string }>(
    stack,
    `select outcome from platform.stripe_events where id = ${literal(eventId)}`,
  );

const planChanges = async (orgId: string) =>
  (
    await runSql(
      stack,
      `select 1 from public.audit_logs where organization_id = ${literal(orgId)}
       and action = 'billing.plan_changed'`,
    )
  ).length;

/** A workspace that went through Checkout for `plan`: its customer, session and subscription. */
async function subscribe(team: TestTeam, plan: "pro" | "business" = "pro") {
  const url = await createCheckout(config, {
    workspace: { id: team.orgId, name: "Team", slug: "team" },
    email: team.owner.email,
    plan,
    seats: 3,
    siteUrl: "http://localhost:3000",
  });
  const sessionId = url.split("/").pop()!;
  const { session, subscription } = double.pay(sessionId);
  expect((await deliver(double.event("checkout.session.completed", session))).status).toBe(200);
  const created = await deliver(double.event("customer.subscription.created", subscription));
  expect(created.body.outcome).toBe("applied");
  return { session, subscription };
}

const withStatus = (subscription: DoubleSubscription, status: string, price?: string) => ({
  ...subscription,
  status,
  items: {
    ...subscription.items,
    data: [
      {
        ...subscription.items.data[0]!,
        price: { id: price ?? subscription.items.data[0]!.price.id },
      },
    ],
  },
});

describe("checkout and the webhook", () => {
  it("upgrades a free workspace once Stripe's signed events arrive, with one customer per workspace", async () => {
    const team = await createTeam(stack, "billing-up", "free");
    await subscribe(team, "pro");
    expect(await subscriptionOf(team.orgId)).toMatchObject({
      plan_id: "pro",
      status: "active",
      seat_quantity: 3,
    });
    // A second checkout reuses the customer.
    await createCheckout(config, {
      workspace: { id: team.orgId, name: "Team", slug: "team" },
      email: team.owner.email,
      plan: "business",
      seats: 3,
      siteUrl: "http://localhost:3000",
    });
    const created = double.requests.filter(
      (r) => r.path === "/v1/customers" && r.form["metadata[organization_id]"] === team.orgId,
    );
    expect(created).toHaveLength(1);
    const sessions = double.requests.filter(
      (r) => r.path === "/v1/checkout/sessions" && r.form.client_reference_id === team.orgId,
    );
    expect(sessions.map((r) => r.form.mode)).toEqual(["subscription", "subscription"]);
    // The activity feed says who changed what.
    const { data: feed } = await team.owner.client
      .from("audit_logs")
      .select("action, actor_kind")
      .eq("organization_id", team.orgId)
      .eq("action", "billing.plan_changed");
    expect(feed).toEqual([{ action: "billing.plan_changed", actor_kind: "service" }]);
  });

  it("refuses a bad signature with 400 and writes nothing", async () => {
    const team = await createTeam(stack, "billing-sig", "free");
    const forged = double.event("customer.subscription.updated", { customer: "cus_x" });
    const before = await runSql(stack, "select count(*) as n from platform.stripe_events");
    const answers = await Promise.all([
      handleStripeWebhook(forged.payload, "t=1,v1=deadbeef", config),
      handleStripeWebhook(forged.payload.replace("cus_x", "cus_y"), forged.signature, config),
      handleStripeWebhook(forged.payload, null, config),
    ]);
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(await runSql(stack, "select count(*) as n from platform.stripe_events")).toEqual(before);
    expect(await ledger(forged.id)).toEqual([]);
    expect((await subscriptionOf(team.orgId)).plan_id).toBe("free");
  });

  it("applies an event delivered 10 times, and 5 times at once, exactly once", async () => {
    const team = await createTeam(stack, "billing-dup", "free");
    const { subscription } = await subscribe(team, "pro");
    const changesBefore = await planChanges(team.orgId);
    const upgrade = double.event(
      "customer.subscription.updated",
      withStatus(subscription, "active", TEST_PRICES.business),
      Math.floor(Date.now() / 1000) + 5,
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) outcomes.push((await deliver(upgrade)).body.outcome!);
    expect(outcomes).toEqual(["applied", ...Array(9).fill("duplicate")]);

    const again = double.event(
      "customer.subscription.updated",
      withStatus(subscription, "active", TEST_PRICES.pro),
      Math.floor(Date.now() / 1000) + 10,
    );
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliver(again)));
    expect(concurrent.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(concurrent.filter((a) => a.body.outcome === "applied")).toHaveLength(1);
    expect(concurrent.filter((a) => a.body.outcome === "duplicate")).toHaveLength(4);

    expect(await planChanges(team.orgId)).toBe(changesBefore + 2);
    expect((await subscriptionOf(team.orgId)).plan_id).toBe("pro");
    expect(await ledger(upgrade.id)).toEqual([{ outcome: "applied" }]);
  });

  it("never lets an older event overwrite a newer state: updated before created, deleted before the last updated", async () => {
    const team = await createTeam(stack, "billing-order", "free");
    const url = await createCheckout(config, {
      workspace: { id: team.orgId, name: "Team", slug: "team" },
      email: team.owner.email,
      plan: "pro",
      seats: 3,
      siteUrl: "http://localhost:3000",
    });
    const { session, subscription } = double.pay(url.split("/").pop()!);
    await deliver(double.event("checkout.session.completed", session));
    const t = Math.floor(Date.now() / 1000);
    // Stripe created the subscription (incomplete), then it became active on Business...
    const created = double.event(
      "customer.subscription.created",
      withStatus(subscription, "incomplete"),
      t,
    );
    const updated = double.event(
      "customer.subscription.updated",
      withStatus(subscription, "active", TEST_PRICES.business),
      t,
    );
    // ...delivered the other way round.
    expect((await deliver(updated)).body.outcome).toBe("applied");
    expect((await deliver(created)).body.outcome).toBe("stale");
    expect(await subscriptionOf(team.orgId)).toMatchObject({
      plan_id: "business",
      status: "active",
    });

    // Canceled at t+20; a last update of t+10 arrives after the deletion.
    const deleted = double.event(
      "customer.subscription.deleted",
      withStatus(subscription, "canceled"),
      t + 20,
    );
    const lateUpdate = double.event(
      "customer.subscription.updated",
      withStatus(subscription, "active", TEST_PRICES.pro),
      t + 10,
    );
    expect((await deliver(deleted)).body.outcome).toBe("applied");
    expect((await deliver(lateUpdate)).body.outcome).toBe("stale");
    expect((await subscriptionOf(team.orgId)).status).toBe("canceled");
    // Canceled falls back to Free's limits, deleting nothing.
    const usage = await team.owner.client.rpc("get_workspace_usage", { org: team.orgId });
    expect(usage.data?.find((row) => row.metric === "projects")?.usage_limit).toBe(3);
  });

  it("records and ignores an event for an unknown customer and an event type it does not handle", async () => {
    const stranger = double.event("customer.subscription.updated", {
      id: "sub_stranger",
      customer: "cus_nobody",
      status: "active",
      items: { data: [{ id: "si_x", quantity: 1, price: { id: TEST_PRICES.pro } }] },
    });
    expect(await deliver(stranger)).toEqual({
      status: 200,
      body: { received: true, outcome: "unknown_customer" },
    });
    const other = double.event("customer.tax_id.created", { id: "txi_1", customer: "cus_nobody" });
    expect((await deliver(other)).body.outcome).toBe("ignored");
    expect(await ledger(other.id)).toEqual([{ outcome: "ignored" }]);
  });

  it("never lets a checkout of workspace A change workspace B", async () => {
    const a = await createTeam(stack, "billing-a", "free");
    const b = await createTeam(stack, "billing-b", "free");
    const { session, subscription } = await subscribe(a, "pro");
    // A checkout completed with A's customer but naming B: rejected.
    const forged = double.event("checkout.session.completed", {
      ...session,
      client_reference_id: b.orgId,
    });
    expect((await deliver(forged)).body.outcome).toBe("rejected");
    // A's subscription events change A only, whatever their metadata says.
    await deliver(
      double.event(
        "customer.subscription.updated",
        {
          ...withStatus(subscription, "active", TEST_PRICES.business),
          metadata: { organization_id: b.orgId },
        },
        Math.floor(Date.now() / 1000) + 30,
      ),
    );
    expect((await subscriptionOf(a.orgId)).plan_id).toBe("business");
    expect(await subscriptionOf(b.orgId)).toMatchObject({ plan_id: "free", status: "active" });
    const bLinked = await runSql(
      stack,
      `select 1 from platform.billing_accounts where organization_id = ${literal(b.orgId)}`,
    );
    expect(bLinked).toEqual([]);
  });
});

describe("dunning: a failed payment", () => {
  it("gives a grace period and tells the owners once, then makes the workspace read-only, until it is paid", async () => {
    const team = await createTeam(stack, "billing-dunning", "free");
    const { subscription } = await subscribe(team, "pro");
    const invoice = {
      id: "in_1",
      object: "invoice",
      customer: subscription.customer,
      subscription: subscription.id,
    };
    const t = Math.floor(Date.now() / 1000) + 60;
    const failed = double.event("invoice.payment_failed", invoice, t);
    sent.length = 0;
    expect((await deliver(failed)).body.outcome).toBe("applied");
    expect((await deliver(failed)).body.outcome).toBe("duplicate");
    expect(sent).toEqual([
      { to: team.owner.email, subject: "A payment for your tenantkit workspace failed" },
    ]);

    const graced = await subscriptionOf(team.orgId);
    expect(graced.status).toBe("past_due");
    const days = (new Date(graced.grace_ends_at!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // During the grace period everything works.
    const during = await team.member.client
      .from("projects")
      .insert({ organization_id: team.orgId, name: "During grace" })
      .select("id")
      .single();
    expect(during.error).toBeNull();

    // The grace period ends.
    await runSql(
      stack,
      `update public.workspace_subscriptions set grace_ends_at = now() - interval '1 minute'
       where organization_id = ${literal(team.orgId)}`,
    );
    for (const user of [team.member, team.admin, team.owner]) {
      const refused = await user.client
        .from("projects")
        .insert({ organization_id: team.orgId, name: "Restricted" });
      expect(refused.error).toMatchObject({ code: "PT402", message: "billing_restricted" });
    }
    const rename = await team.owner.client
      .from("projects")
      .update({ name: "Renamed while restricted" })
      .eq("id", during.data!.id)
      .select("id");
    expect(rename.error?.message).toBe("billing_restricted");
    const invite = await team.owner.client.rpc("invite_member", {
      org: team.orgId,
      email: uniqueEmail("restricted-invite"),
      role: "member",
    });
    expect(invite.error?.message).toBe("billing_restricted");
    // Reads go on, and nothing was deleted; deleting stays possible.
    const { data: readable } = await team.member.client
      .from("projects")
      .select("id")
      .eq("organization_id", team.orgId);
    expect(readable).toHaveLength(1);
    const removed = await team.owner.client
      .from("projects")
      .delete()
      .eq("id", during.data!.id)
      .select("id");
    expect(removed.data).toHaveLength(1);

    // Paid: writable again.
    expect((await deliver(double.event("invoice.paid", invoice, t + 60))).body.outcome).toBe(
      "applied",
    );
    expect(await subscriptionOf(team.orgId)).toMatchObject({
      status: "active",
      grace_ends_at: null,
    });
    const after = await team.member.client
      .from("projects")
      .insert({ organization_id: team.orgId, name: "After payment" });
    expect(after.error).toBeNull();
  });
});

describe("seats", () => {
  it("sets the subscription's quantity to the seats in use, once per change", async () => {
    const team = await createTeam(stack, "billing-seats", "free");
    const { subscription } = await subscribe(team, "pro");
    const itemUpdates = () =>
      double.requests.filter(
        (r) => r.path === `/v1/subscription_items/${subscription.items.data[0]!.id}`,
      );
    await team.owner.client.rpc("invite_member", {
      org: team.orgId,
      email: uniqueEmail("seat-sync"),
      role: "member",
    });
    // The platform counts seats by the database's rule too (members + pending invitations).
    const seats = await seatsInUse(team.orgId);
    expect(seats).toBe(4);
    await syncSeatQuantity(config, { subscriptionId: subscription.id, seats });
    await syncSeatQuantity(config, { subscriptionId: subscription.id, seats }); // no change: no call
    expect(itemUpdates().map((r) => [r.form.quantity, r.form.proration_behavior])).toEqual([
      ["4", "create_prorations"],
    ]);
    expect(double.subscriptions.get(subscription.id)!.items.data[0]!.quantity).toBe(4);
    // Stripe then tells the app, which records the quantity.
    await deliver(
      double.event(
        "customer.subscription.updated",
        double.subscriptions.get(subscription.id),
        Math.floor(Date.now() / 1000) + 90,
      ),
    );
    expect((await subscriptionOf(team.orgId)).seat_quantity).toBe(4);
  });
});

describe("plan switches and the portal", () => {
  it("moves a running subscription to another price, and the webhook applies it", async () => {
    const team = await createTeam(stack, "billing-switch", "free");
    const { subscription } = await subscribe(team, "pro");
    await switchSubscriptionPlan(config, { subscriptionId: subscription.id, plan: "business" });
    const updates = double.requests.filter(
      (r) => r.method === "POST" && r.path === `/v1/subscriptions/${subscription.id}`,
    );
    expect(updates.map((r) => [r.form["items[0][price]"], r.form.proration_behavior])).toEqual([
      [TEST_PRICES.business, "create_prorations"],
    ]);
    expect((await subscriptionOf(team.orgId)).plan_id).toBe("pro"); // not before Stripe says so
    await deliver(
      double.event(
        "customer.subscription.updated",
        double.subscriptions.get(subscription.id),
        Math.floor(Date.now() / 1000) + 120,
      ),
    );
    expect((await subscriptionOf(team.orgId)).plan_id).toBe("business");
  });

  it("opens the Customer Portal for the workspace's own customer", async () => {
    const team = await createTeam(stack, "billing-portal", "free");
    await subscribe(team, "pro");
    const [account] = await runSql<{ stripe_customer_id: string }>(
      stack,
      `select stripe_customer_id from platform.billing_accounts where organization_id = ${literal(team.orgId)}`,
    );
    const url = await createPortal(config, {
      customerId: account!.stripe_customer_id,
      returnUrl: "http://localhost:3000/w/team/settings/billing",
    });
    expect(url).toBe(`${double.url}/portal/${account!.stripe_customer_id}`);
    const [request] = double.requests
      .filter((r) => r.path === "/v1/billing_portal/sessions")
      .slice(-1);
    expect(request!.form).toMatchObject({
      customer: account!.stripe_customer_id,
      return_url: "http://localhost:3000/w/team/settings/billing",
    });
  });
});
