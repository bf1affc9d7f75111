import { handleStripeWebhook } from "@/lib/billing/webhook";

/**
 * Stripe's webhook endpoint. Signed by Stripe, not by a user: no session is read.
 * The raw body is what the signature covers, so it is read as text, never parsed first.
 */
export async function POST(request: Request) {
  const answer = await handleStripeWebhook(
    await request.text(),
    request.headers.get("stripe-signature"),
  );
  return Response.json(answer.body, { status: answer.status });
}
