import "server-only";
import { createClient } from "@supabase/supabase-js";
import { sendEmail } from "@/lib/email/send";
import { publicEnv } from "@/lib/env";
import { provisionWorkspace as provisionWorkspaceWith } from "@/lib/lifecycle/provision";
import { provisionSchema } from "@/lib/lifecycle/validation";
import type { Database, Json } from "./database.types";
import type { RateLimitCounter } from "@/lib/rate-limit/store";
import type { UsageRecorder } from "@/lib/quota/redis-meter";
import type { HourStats } from "@/lib/health/buffer";

/*
 * The web app's only use of the service-role key (SUPABASE_SECRET_KEY), which
 * bypasses RLS, for platform tasks: the auth rate-limit counters
 * (public.consume_rate_limit), the Redis usage meter's flush (public.record_usage), the
 * per-tenant health flush (public.record_request_stats), billing (the Stripe webhook
 * and the workspace's Stripe links) and the tenant lifecycle (the scheduled purge and
 * provisioning for signup flows), all below: RPCs no
 * user or anon may execute, and reads no user's request can steer. The client is not
 * exported, so nothing else can borrow it; another platform task gets its own narrow
 * function here, reviewed as such (docs/security.md, "Service-role rules").
 */
let client: ReturnType<typeof createClient<Database>> | undefined;

function serviceRoleClient() {
  const secretKey = process.env.SUPABASE_SECRET_KEY;
  if (!secretKey)
    throw new Error(
      "SUPABASE_SECRET_KEY is not set: the auth rate limits, the Redis usage meter and billing need it (.env.example)",
    );
  client ??= createClient<Database>(publicEnv().NEXT_PUBLIC_SUPABASE_URL, secretKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  return client;
}

/** The rate-limit counter store over the HTTP API (the Postgres engine of lib/rate-limit). */
export const consumeRateLimit: RateLimitCounter = async (key, points, durationMs) => {
  const { data, error } = await serviceRoleClient().rpc("consume_rate_limit", {
    key,
    points,
    duration_ms: durationMs,
  });
  if (error) throw new Error(`consume_rate_limit: ${error.message}`);
  const [row] = data ?? [];
  return row ? { consumed: row.consumed, expiresAtMs: row.expires_at_ms } : null;
};

/*
 * Billing (lib/billing): the platform side of Stripe. Each function is one RPC that
 * only the service role may execute (supabase/migrations/20261123000800_billing.sql).
 */

/** The workspace's Stripe customer and subscription, if it has them. */
export async function getBillingAccount(organizationId: string) {
  const { data, error } = await serviceRoleClient()
    .rpc("get_billing_account", { org: organizationId })
    .maybeSingle();
  if (error) throw new Error(`get_billing_account: ${error.message}`);
  return data
    ? { customerId: data.stripe_customer_id, subscriptionId: data.stripe_subscription_id }
    : null;
}

/** Records the customer created for a workspace; returns the one that is linked (a concurrent one wins). */
export async function linkBillingCustomer(organizationId: string, customerId: string) {
  const { data, error } = await serviceRoleClient().rpc("link_billing_customer", {
    org: organizationId,
    customer: customerId,
  });
  if (error) throw new Error(`link_billing_customer: ${error.message}`);
  return data;
}

/** Records a verified Stripe event once and applies it (the webhook's only write). */
export async function applyStripeEvent(event: Json, plan: string | null, graceDays: number) {
  const { data, error } = await serviceRoleClient().rpc("apply_stripe_event", {
    event,
    plan: plan ?? undefined,
    grace_days: graceDays,
  });
  if (error) throw new Error(`apply_stripe_event: ${error.message}`);
  return data;
}

/** The owners' email addresses, to tell them about a failed payment. */
export async function workspaceOwnerEmails(organizationId: string): Promise<string[]> {
  const admin = serviceRoleClient();
  const { data: owners, error } = await admin
    .from("organization_members")
    .select("user_id")
    .eq("organization_id", organizationId)
    .eq("role", "owner");
  if (error) throw new Error(`owners of ${organizationId}: ${error.message}`);
  if (owners.length === 0) return [];
  const { data: profiles, error: profileError } = await admin
    .from("profiles")
    .select("email")
    .in(
      "id",
      owners.map((owner) => owner.user_id),
    );
  if (profileError) throw new Error(`owner profiles: ${profileError.message}`);
  return profiles.map((profile) => profile.email);
}

/** A workspace's name and URL slug, for platform emails. */
export async function workspaceIdentity(organizationId: string) {
  const { data, error } = await serviceRoleClient()
    .from("organizations")
    .select("name, slug")
    .eq("id", organizationId)
    .maybeSingle();
  if (error) throw new Error(`workspace ${organizationId}: ${error.message}`);
  return data;
}

/** Seats in use, counted by the database's own rule (private.seats_used(), through get_workspace_usage()). */
export async function seatsInUse(organizationId: string): Promise<number> {
  const { data, error } = await serviceRoleClient().rpc("get_workspace_usage", {
    org: organizationId,
  });
  if (error) throw new Error(`seats of ${organizationId}: ${error.message}`);
  const seats = data.find((row) => row.metric === "seats");
  if (!seats) throw new Error(`seats of ${organizationId}: no such workspace`);
  return Number(seats.used);
}

/** Records metered usage counted in Redis in Postgres' monthly counter (lib/quota/redis-meter.ts). */
export const recordUsage: UsageRecorder = async ({ workspaceId, metric, periodStart, amount }) => {
  const { error } = await serviceRoleClient().rpc("record_usage", {
    org: workspaceId,
    metric,
    period_start: periodStart,
    amount,
  });
  if (error) throw new Error(`record_usage: ${error.message}`);
};

/** Writes a batch of per-tenant page-load stats (lib/health/recorder.ts); counts only, no tenant data. */
export async function recordRequestStats(batch: HourStats[]): Promise<void> {
  const { error } = await serviceRoleClient().rpc("record_request_stats", {
    stats: batch.map((stats) => ({ ...stats })),
  });
  if (error) throw new Error(`record_request_stats: ${error.message}`);
}

/*
 * Tenant lifecycle (lib/lifecycle, supabase/migrations/20261123001000_lifecycle.sql):
 * the scheduled purge and provisioning, both service-role-only RPCs that write the
 * platform log themselves.
 */

/** Deletes the workspaces whose deletion is due (the cron route); returns what went. */
export async function purgeDueWorkspaces(by: string) {
  const { data, error } = await serviceRoleClient().rpc("purge_due_workspaces", { by });
  if (error) throw new Error(`purge_due_workspaces: ${error.message}`);
  return data.map((row) => ({ id: row.id, slug: row.slug, rowCounts: row.row_counts }));
}

/**
 * Provisions a workspace for a signup flow, as `npm run tenant -- provision` does:
 * idempotent, validated, the owner added or invited by email.
 */
export async function provisionWorkspace(input: unknown, by: string) {
  const parsed = provisionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false as const, code: "invalid_input", message: parsed.error.issues[0]!.message };
  return provisionWorkspaceWith(parsed.data, {
    supabase: serviceRoleClient(),
    siteUrl: publicEnv().NEXT_PUBLIC_SITE_URL,
    by,
    sendEmail,
  });
}
