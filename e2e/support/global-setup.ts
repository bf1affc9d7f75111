/**
 * Starts what the browser tests need: a fresh local stack seeded with the demo
 * workspaces, a production build of the app pointed at it, and `next start`.
 * Everything is torn down afterwards. Stack details reach the tests through
 * process.env (TENANTKIT_E2E_*), which Playwright passes on to its workers.
 */
import { existsSync } from "node:fs";
import { seedDemoData } from "../../scripts/seed";
import { appEnv, buildApp, startApp } from "../../tests/support/app-server";
import {
  createTestDatabase,
  postgresServerProblem,
  redact,
  type TestDatabase,
} from "../../tests/support/postgres-server";
import {
  startStripeDouble,
  TEST_PRICES,
  TEST_WEBHOOK_SECRET,
} from "../../tests/support/stripe-double";
import { startTestStack } from "../../tests/support/test-stack";
import { E2E_APP_PORT, E2E_CRON_SECRET } from "./constants";

const appUrl = `http://localhost:${E2E_APP_PORT}`;
const distDir = ".next-test";

export default async function globalSetup() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(
      `Chromium not found at ${chromium}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }

  // On the PostgreSQL server when there is one (as in CI): the two workers' page loads
  // then run side by side instead of queueing on PGlite's single connection. TENANTKIT_E2E_DRIVER=pglite forces the embedded default.
  let database: TestDatabase | undefined;
  if (process.env.TENANTKIT_E2E_DRIVER !== "pglite" && !(await postgresServerProblem())) {
    database = await createTestDatabase("tenantkit_e2e");
    console.log(`e2e: local stack on PostgreSQL (${redact(database.url)})`);
  }
  const stack = await startTestStack({
    siteUrl: appUrl,
    driver: database ? "postgres" : "pglite",
    dbUrl: database?.url,
  });
  const { info } = stack;
  // Stripe: a local test double (no request leaves the machine) whose checkout page
  // delivers signed events to the app's webhook.
  const stripe = await startStripeDouble({ webhookUrl: `${appUrl}/api/webhooks/stripe` });
  const stop = async () => {
    await stripe.close();
    await stack.stop();
    await database?.drop();
  };
  await seedDemoData(info);

  const env: NodeJS.ProcessEnv = {
    ...appEnv(info, { siteUrl: appUrl, distDir }),
    STRIPE_SECRET_KEY: "sk_test_tenantkite2e",
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_PRICE_PRO: TEST_PRICES.pro,
    STRIPE_PRICE_BUSINESS: TEST_PRICES.business,
    STRIPE_API_URL: stripe.url,
    // The purge route's secret (app/api/cron/purge-workspaces, e2e/lifecycle.spec.ts).
    CRON_SECRET: E2E_CRON_SECRET,
  };
  let server: Awaited<ReturnType<typeof startApp>>;
  try {
    console.log("e2e: building the app (next build)…");
    buildApp(env);
    server = await startApp(env, E2E_APP_PORT);
  } catch (error) {
    await stop();
    throw error;
  }

  process.env.TENANTKIT_E2E_API_URL = info.url;
  process.env.TENANTKIT_E2E_PUBLISHABLE_KEY = info.publishableKey;
  process.env.TENANTKIT_E2E_SECRET_KEY = info.secretKey;
  process.env.TENANTKIT_E2E_MAIL_URL = info.mailUrl;
  process.env.TENANTKIT_E2E_STRIPE_URL = stripe.url;

  return async () => {
    await server.stop();
    await stop();
  };
}
