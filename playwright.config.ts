import { defineConfig, devices } from "@playwright/test";
import { E2E_APP_PORT } from "./e2e/support/constants";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

/**
 * Browser tests run against a production build of the app (`next build` +
 * `next start`) backed by a fresh, seeded local stack, all started by
 * e2e/support/global-setup.ts. Chromium comes from the system (Debian's
 * `chromium`), never from a Playwright download.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two workers, any test beside any other: every spec keeps to rows it created or to a
  // workspace of its own (e2e/README.md, "Running side by side").
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${E2E_APP_PORT}`,
    // A trace records DOM snapshots and a screencast of every action, which costs the
    // browser more CPU than the test itself: in CI a failed test is retried with one,
    // locally (no retries) every test records one and keeps it if it fails.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs the seeded personas in once; the fixtures in e2e/support/fixtures.ts reuse the sessions.
    { name: "setup", testMatch: /\.setup\.ts$/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
});
