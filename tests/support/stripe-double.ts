/**
 * A Stripe test double: a local HTTP server that answers the few API calls the app
 * makes (customers, Checkout and portal sessions, subscriptions and their items) the
 * way Stripe does, so the real SDK runs against it with STRIPE_API_URL. No request
 * leaves the machine. It also builds the events Stripe would send, signed with the
 * webhook secret by the SDK's own generateTestHeaderString().
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export const TEST_WEBHOOK_SECRET = "whsec_testdouble";
export const TEST_PRICES = { pro: "price_pro_test", business: "price_business_test" } as const;

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;

export interface RecordedRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  idempotencyKey: string | null;
}

export interface DoubleSubscription {
  id: string;
  object: "subscription";
  customer: string;
  status: string;
  cancel_at_period_end: boolean;
  current_period_start: number;
  current_period_end: number;
  metadata: Record<string, string>;
  items: { object: "list"; data: { id: string; quantity: number; price: { id: string } }[] };
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  let body = "";
  for await (const chunk of request) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

/**
 * `webhookUrl`: where the double's test checkout page delivers the signed events of a
 * payment (the app's /api/webhooks/stripe), as Stripe would after a real Checkout.
 */
const signer = new Stripe("sk_test_double");

/** A Stripe event around `object`: its id, the body the webhook receives, and Stripe's signature of it. */
export function signedEvent(
  type: string,
  object: unknown,
  created = Math.floor(Date.now() / 1000),
  eventId = id("evt"),
) {
  const payload = JSON.stringify({
    id: eventId,
    object: "event",
    api_version: "2025-01-01",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  });
  const signature = signer.webhooks.generateTestHeaderString({
    payload,
    secret: TEST_WEBHOOK_SECRET,
  });
  return { id: eventId, payload, signature };
}

export async function startStripeDouble(options: { webhookUrl?: string } = {}) {
  const requests: RecordedRequest[] = [];
  const customers = new Map<string, { id: string; metadata: Record<string, string> }>();
  const sessions = new Map<string, Record<string, unknown>>();
  const subscriptions = new Map<string, DoubleSubscription>();
  const idempotent = new Map<string, unknown>();

  const server = createServer(async (request, response) => {
    const form = await readForm(request);
    const path = new URL(request.url ?? "/", "http://double").pathname;
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    requests.push({ method: request.method ?? "GET", path, form, idempotencyKey });
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
      response.end(JSON.stringify(body));
    };
    const notFound = () =>
      send(404, { error: { type: "invalid_request_error", message: `No such object: ${path}` } });
    // The SDK's automatic retries send their own key; the app's keys make creation idempotent.
    const remembered = idempotencyKey && idempotent.get(`${path}|${idempotencyKey}`);
    if (remembered) return send(200, remembered);
    const remember = (body: unknown) => {
      if (idempotencyKey) idempotent.set(`${path}|${idempotencyKey}`, body);
      send(200, body);
    };

    let match: RegExpMatchArray | null;
    // For browser tests, which run in other processes: what the app asked of "Stripe".
    if (request.method === "GET" && path === "/_test/requests") {
      requests.pop(); // not this one
      return send(200, requests);
    }
    // The hosted Checkout page: a button that pays, then Stripe's webhooks, then the
    // redirect to the app's success URL.
    if ((match = path.match(/^\/pay\/(cs_\w+)$/))) {
      const session = sessions.get(match[1]!);
      if (!session) return notFound();
      if (request.method === "GET") {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return response.end(
          `<!doctype html><html lang="en"><head><title>Stripe test checkout</title></head><body><main><h1>Stripe test checkout</h1><p>Test double: no card is charged.</p><form method="post"><button type="submit">Pay</button></form></main></body></html>`,
        );
      }
      const paid = double.pay(session.id as string);
      if (options.webhookUrl) {
        for (const event of [
          double.event("checkout.session.completed", paid.session),
          double.event("customer.subscription.created", paid.subscription),
        ]) {
          await fetch(options.webhookUrl, {
            method: "POST",
            headers: { "content-type": "application/json", "stripe-signature": event.signature },
            body: event.payload,
          });
        }
      }
      response.writeHead(303, { location: String(session.success_url) });
      return response.end();
    }
    if (request.method === "POST" && path === "/v1/customers") {
      const metadata = { organization_id: form["metadata[organization_id]"] ?? "" };
      const customer = {
        id: id("cus"),
        object: "customer",
        name: form.name,
        email: form.email,
        metadata,
      };
      customers.set(customer.id, customer);
      return remember(customer);
    }
    if (request.method === "POST" && path === "/v1/checkout/sessions") {
      const session = {
        id: id("cs"),
        object: "checkout.session",
        mode: form.mode,
        customer: form.customer,
        client_reference_id: form.client_reference_id,
        price: form["line_items[0][price]"],
        quantity: Number(form["line_items[0][quantity]"] ?? 1),
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        url: "",
      };
      session.url = `${double.url}/pay/${session.id}`;
      sessions.set(session.id, session);
      return remember(session);
    }
    if (request.method === "POST" && path === "/v1/billing_portal/sessions") {
      return remember({
        id: id("bps"),
        object: "billing_portal.session",
        customer: form.customer,
        url: `${double.url}/portal/${form.customer}`,
      });
    }
    if ((match = path.match(/^\/v1\/subscriptions\/(sub_\w+)$/))) {
      const subscription = subscriptions.get(match[1]!);
      if (!subscription) return notFound();
      if (request.method === "POST") {
        const price = form["items[0][price]"];
        if (price) subscription.items.data[0]!.price = { id: price };
      }
      return send(200, subscription);
    }
    if (request.method === "POST" && (match = path.match(/^\/v1\/subscription_items\/(si_\w+)$/))) {
      for (const subscription of subscriptions.values()) {
        const item = subscription.items.data.find((candidate) => candidate.id === match![1]);
        if (item) {
          if (form.quantity) item.quantity = Number(form.quantity);
          return send(200, { object: "subscription_item", ...item });
        }
      }
      return notFound();
    }
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const double = {
    url: `http://127.0.0.1:${port}`,
    requests,
    customers,
    sessions,
    subscriptions,
    /** Pays a Checkout session: its subscription now exists (status active). */
    pay(sessionId: string) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no checkout session ${sessionId}`);
      const now = Math.floor(Date.now() / 1000);
      const subscription: DoubleSubscription = {
        id: id("sub"),
        object: "subscription",
        customer: String(session.customer),
        status: "active",
        cancel_at_period_end: false,
        current_period_start: now,
        current_period_end: now + 30 * 86_400,
        metadata: {},
        items: {
          object: "list",
          data: [
            {
              id: id("si"),
              quantity: Number(session.quantity),
              price: { id: String(session.price) },
            },
          ],
        },
      };
      subscriptions.set(subscription.id, subscription);
      return {
        session: { ...session, subscription: subscription.id, status: "complete" },
        subscription,
      };
    },
    /** A signed event, as Stripe would send it (signedEvent()). */
    event: signedEvent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return double;
}

export type StripeDouble = Awaited<ReturnType<typeof startStripeDouble>>;
