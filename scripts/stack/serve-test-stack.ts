/**
 * A throwaway stack in its own process, for the test runners. PGlite is an
 * Emscripten build that writes process.exitCode as it runs (99, 100, then 0 on
 * close): inside Vitest's or Playwright's process that would overwrite the
 * runner's verdict, so the database lives here instead.
 *
 * Input (env): TEST_STACK_DRIVER, TEST_STACK_DB_URL, TEST_STACK_SITE_URL.
 * Output: one line `READY <json TestStackInfo>` on stdout; stops on SIGTERM.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLocalStack, type DbDriver } from "./local-stack";

const key = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;
process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = key("sb_publishable_");
process.env.SUPABASE_SECRET_KEY = key("sb_secret_");
process.env.SUPABASE_JWT_SECRET = randomBytes(48).toString("base64url");
const testSqlSecret = randomBytes(24).toString("base64url");

const driver = (process.env.TEST_STACK_DRIVER ?? "pglite") as DbDriver;
const dataDir =
  driver === "pglite" ? mkdtempSync(path.join(tmpdir(), "tenantkit-test-")) : undefined;

const stack = await startLocalStack({
  port: 0,
  driver,
  dbUrl: process.env.TEST_STACK_DB_URL || dataDir!,
  siteUrl: process.env.TEST_STACK_SITE_URL || "http://localhost:3000",
  mail: { smtp: 0, web: 0 },
  testSqlSecret,
  // A refused attack is what the tests expect: they assert on the API's answer.
  refusals: "silent",
});

process.stdout.write(
  `READY ${JSON.stringify({
    url: stack.url,
    publishableKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    secretKey: process.env.SUPABASE_SECRET_KEY,
    driver,
    mailUrl: stack.mail.webUrl,
    smtpPort: stack.mail.smtpPort,
    testSqlSecret,
  })}\n`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent went away without stopping us: do not linger.
process.on("disconnect", stop);
