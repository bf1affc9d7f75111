import "server-only";
import Stripe from "stripe";
import { getBillingAccount, linkBillingCustomer } from "@/lib/supabase/admin";
import type { BillingConfig, PaidPlan } from "./config";

/*
 * The app's calls to Stripe (the official SDK, server-only). Every call is made for
 * a workspace the caller was already resolved into (the action wrapper) and checked
 * to own. Nothing here changes a plan: Stripe's signed webhook does
 * (lib/billing/webhook.ts), so a plan is never granted before payment.
 */

const clients = new Map<string, Stripe>();

export function stripeClient(config: BillingConfig): Stripe {
  const key = `${config.secretKey}|${config.apiUrl?.href ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    const api = config.apiUrl;
    client = new Stripe(config.secretKey, {
      maxNetworkRetries: 2,
      timeout: 15_000,
      appInfo: { name: "tenantkit" },
      ...(api
        ? {
            host: api.hostname,
            port: Number(api.port || (api.protocol === "https:" ? 443 : 80)),
            protocol: api.protocol === "https:" ? "https" : "http",
          }
        : {}),
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * The workspace's Stripe customer: created once (the idempotency key makes a retried
 * or concurrent creation return the same customer) and reused for every checkout.
 */
export async function ensureCustomer(
  config: BillingConfig,
  workspace: { id: string; name: string },
  email: string,
): Promise<{ customerId: string; subscriptionId: string | null }> {
  const existing = await getBillingAccount(workspace.id);
  if (existing) return existing;
  const customer = await stripeClient(config).customers.create(
    { name: workspace.name, email, metadata: { organization_id: workspace.id } },
    { idempotencyKey: `tenantkit-customer-${workspace.id}` },
  );
  const linked = await linkBillingCustomer(workspace.id, customer.id);
  return { customerId: linked, subscriptionId: null };
}

/** A Checkout session for a paid plan, in subscription mode, tied to the workspace. */
export async function createCheckout(
  config: BillingConfig,
  input: {
    workspace: { id: string; name: string; slug: string };
    email: string;
    plan: PaidPlan;
    seats: number;
    siteUrl: string;
  },
): Promise<string> {
  const { customerId } = await ensureCustomer(config, input.workspace, input.email);
  const billingUrl = `${input.siteUrl}/w/${input.workspace.slug}/settings/billing`;
  const session = await stripeClient(config).checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    client_reference_id: input.workspace.id,
    line_items: [{ price: config.prices[input.plan], quantity: Math.max(1, input.seats) }],
    subscription_data: { metadata: { organization_id: input.workspace.id } },
    metadata: { organization_id: input.workspace.id },
    success_url: `${billingUrl}?checkout=success`,
    cancel_url: `${billingUrl}?checkout=canceled`,
  });
  if (!session.url) throw new Error("Stripe returned a checkout session without a URL");
  return session.url;
}

/** The Customer Portal (payment method, invoices, cancellation) for the workspace's customer. */
export async function createPortal(
  config: BillingConfig,
  input: { customerId: string; returnUrl: string },
): Promise<string> {
  const session = await stripeClient(config).billingPortal.sessions.create({
    customer: input.customerId,
    return_url: input.returnUrl,
  });
  return session.url;
}

/** Moves a running subscription to another paid plan, prorated by Stripe. */
export async function switchSubscriptionPlan(
  config: BillingConfig,
  input: { subscriptionId: string; plan: PaidPlan },
): Promise<void> {
  const stripe = stripeClient(config);
  const subscription = await stripe.subscriptions.retrieve(input.subscriptionId);
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${input.subscriptionId} has no item`);
  await stripe.subscriptions.update(input.subscriptionId, {
    items: [{ id: item.id, price: config.prices[input.plan] }],
    proration_behavior: "create_prorations",
  });
}

/**
 * Sets the subscription's quantity to the seats in use (members + pending
 * invitations). An absolute value, so repeating it changes nothing; Stripe prorates.
 */
export async function syncSeatQuantity(
  config: BillingConfig,
  input: { subscriptionId: string; seats: number },
): Promise<void> {
  const stripe = stripeClient(config);
  const subscription = await stripe.subscriptions.retrieve(input.subscriptionId);
  const item = subscription.items.data[0];
  if (!item || item.quantity === input.seats) return;
  await stripe.subscriptionItems.update(item.id, {
    quantity: Math.max(1, input.seats),
    proration_behavior: "create_prorations",
  });
}
