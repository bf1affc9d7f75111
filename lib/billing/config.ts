import { z } from "zod";

/**
 * Stripe configuration (server-only environment, .env.example). Billing is optional:
 * without STRIPE_SECRET_KEY the app runs on the plans the platform sets and the billing
 * page says online billing is not configured. With it, the webhook secret and a price
 * per paid plan are required, and a half configuration fails loudly at first use.
 */
const billingEnvSchema = z.object({
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, "STRIPE_SECRET_KEY must be a Stripe secret key"),
  STRIPE_WEBHOOK_SECRET: z
    .string({ message: "STRIPE_WEBHOOK_SECRET is not set" })
    .regex(/^whsec_[A-Za-z0-9]+$/, "STRIPE_WEBHOOK_SECRET must start with whsec_"),
  STRIPE_PRICE_PRO: z
    .string()
    .regex(/^price_[A-Za-z0-9_]+$/, "STRIPE_PRICE_PRO must be a price id"),
  STRIPE_PRICE_BUSINESS: z
    .string()
    .regex(/^price_[A-Za-z0-9_]+$/, "STRIPE_PRICE_BUSINESS must be a price id"),
  // Only for tests and local development against a Stripe test double: every SDK
  // request goes to this base URL instead of api.stripe.com.
  STRIPE_API_URL: z.url().optional(),
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
});

export interface BillingConfig {
  secretKey: string;
  webhookSecret: string;
  /** Catalog plan id → Stripe price id, for the plans that are sold online. */
  prices: Record<"pro" | "business", string>;
  apiUrl: URL | null;
  graceDays: number;
}

export type PaidPlan = keyof BillingConfig["prices"];
export const PAID_PLANS: readonly PaidPlan[] = ["pro", "business"];
export const isPaidPlan = (plan: string): plan is PaidPlan =>
  (PAID_PLANS as readonly string[]).includes(plan);

/** The billing configuration, or null when Stripe is not configured at all. */
export function billingConfig(
  env: Record<string, string | undefined> = process.env,
): BillingConfig | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  const parsed = billingEnvSchema.safeParse({
    STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
    STRIPE_PRICE_PRO: env.STRIPE_PRICE_PRO,
    STRIPE_PRICE_BUSINESS: env.STRIPE_PRICE_BUSINESS,
    STRIPE_API_URL: env.STRIPE_API_URL || undefined,
    BILLING_GRACE_DAYS: env.BILLING_GRACE_DAYS || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid billing configuration (see .env.example, docs/billing.md): ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  }
  const data = parsed.data;
  return {
    secretKey: data.STRIPE_SECRET_KEY,
    webhookSecret: data.STRIPE_WEBHOOK_SECRET,
    prices: { pro: data.STRIPE_PRICE_PRO, business: data.STRIPE_PRICE_BUSINESS },
    apiUrl: data.STRIPE_API_URL ? new URL(data.STRIPE_API_URL) : null,
    graceDays: data.BILLING_GRACE_DAYS,
  };
}

/** The catalog plan sold at a Stripe price, or null for a price this deployment does not sell. */
export function planForPrice(config: BillingConfig, priceId: string | null | undefined) {
  if (!priceId) return null;
  return PAID_PLANS.find((plan) => config.prices[plan] === priceId) ?? null;
}
