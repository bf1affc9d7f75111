/**
 * A throwaway local stack for one test run: fresh keys, a fresh PGlite directory
 * (or a PostgreSQL URL), an ephemeral port. Nothing is shared with `npm run dev`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startLocalStack, type DbDriver, type LocalStack } from "../../scripts/stack/local-stack";

export interface TestStackInfo {
  url: string;
  publishableKey: string;
  secretKey: string;
  driver: DbDriver;
  /** The mail catcher's web inbox; its REST API is under /api. */
  mailUrl: string;
  /** Its SMTP port, for the app's own outgoing mail. */
  smtpPort: number;
}

export async function startTestStack(options: {
  driver?: DbDriver;
  dbUrl?: string;
  port?: number;
  siteUrl?: string;
}): Promise<{ info: TestStackInfo; stack: LocalStack; stop: () => Promise<void> }> {
  const key = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;
  process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY = key("sb_publishable_");
  process.env.SUPABASE_SECRET_KEY = key("sb_secret_");
  process.env.SUPABASE_JWT_SECRET = randomBytes(48).toString("base64url");

  const driver = options.driver ?? "pglite";
  const dataDir =
    driver === "pglite" ? mkdtempSync(path.join(tmpdir(), "tenantkit-test-")) : undefined;
  const stack = await startLocalStack({
    port: options.port ?? 0,
    driver,
    dbUrl: options.dbUrl ?? dataDir!,
    siteUrl: options.siteUrl ?? "http://localhost:3000",
    mail: { smtp: 0, web: 0 },
  });
  return {
    info: {
      url: stack.url,
      publishableKey: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
      secretKey: process.env.SUPABASE_SECRET_KEY,
      driver,
      mailUrl: stack.mail.webUrl,
      smtpPort: stack.mail.smtpPort,
    },
    stack,
    async stop() {
      await stack.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
