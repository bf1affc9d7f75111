import "server-only";
import type Stripe from "stripe";
import { z } from "zod";
import { paymentFailedEmail } from "@/lib/email/templates";
import { sendEmail } from "@/lib/email/send";
import { publicEnv } from "@/lib/env";
import { applyStripeEvent, workspaceIdentity, workspaceOwnerEmails } from "@/lib/supabase/admin";
import { billingConfig, planForPrice, type BillingConfig } from "./config";
import { stripeClient } from "./stripe";

export interface WebhookAnswer {
  status: number;
  body: { received: boolean; outcome?: string; error?: string };
}

/** The price of the subscription an event is about (subscription events only). */
function priceOf(event: Stripe.Event): string | null {
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return event.data.object.items.data[0]?.price.id ?? null;
    default:
      return null;
  }
}

/** What apply_stripe_event() answers (jsonb: parsed, not cast). */
const outcomeSchema = z.object({
  outcome: z.string(),
  first: z.boolean(),
  organization_id: z.string().nullable().optional(),
});

/**
 * POST /api/webhooks/stripe. The signature is checked on the raw body with the
 * webhook secret (a bad one: 400, nothing written). The event then goes to
 * public.apply_stripe_event(), which records its id and applies it in one
 * transaction: duplicates and stale events change nothing. An error answers 500 so
 * that Stripe delivers the event again; a duplicate answers 200 so that it stops.
 */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  config: BillingConfig | null = billingConfig(),
): Promise<WebhookAnswer> {
  if (!config) return { status: 404, body: { received: false, error: "billing_not_configured" } };
  if (!signature) return { status: 400, body: { received: false, error: "missing_signature" } };
  let event: Stripe.Event;
  try {
    event = stripeClient(config).webhooks.constructEvent(rawBody, signature, config.webhookSecret);
  } catch {
    return { status: 400, body: { received: false, error: "invalid_signature" } };
  }

  const plan = planForPrice(config, priceOf(event));
  let result;
  try {
    result = await applyStripeEvent(JSON.parse(rawBody), plan, config.graceDays);
  } catch (error) {
    console.error(`stripe webhook ${event.id} (${event.type}): ${String(error)}`);
    return { status: 500, body: { received: false, error: "not_processed" } };
  }
  const outcome = outcomeSchema.parse(result);
  if (outcome.first && outcome.outcome === "applied" && event.type === "invoice.payment_failed")
    await tellOwnersPaymentFailed(outcome.organization_id ?? null, config);
  return { status: 200, body: { received: true, outcome: outcome.outcome } };
}

/** Once per failed payment (the first delivery of the event): an email to each owner. */
async function tellOwnersPaymentFailed(organizationId: string | null, config: BillingConfig) {
  if (!organizationId) return;
  try {
    const [emails, workspace] = await Promise.all([
      workspaceOwnerEmails(organizationId),
      workspaceIdentity(organizationId),
    ]);
    if (!workspace) return;
    const graceEndsAt = new Date(Date.now() + config.graceDays * 86_400_000);
    const message = paymentFailedEmail({
      workspaceName: workspace.name,
      graceEndsAt,
      url: `${publicEnv().NEXT_PUBLIC_SITE_URL}/w/${workspace.slug}/settings/billing`,
    });
    await Promise.all(emails.map((to) => sendEmail({ to, ...message })));
  } catch (error) {
    // The state change is committed; a lost email must not make Stripe redeliver.
    console.error(`payment-failed email for ${organizationId}: ${String(error)}`);
  }
}
