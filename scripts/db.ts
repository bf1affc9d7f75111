/**
 * `npm run db:start`: serve the local Supabase API (migrated; seeded when new).
 * `npm run db:reset`: drop the local database, migrate and seed it again.
 * `npm run db:seed`: give the demo data to the local stack `.env.local` points at, for
 * the Supabase CLI's (`supabase db reset` migrates but cannot sign users up).
 */
import { rmSync } from "node:fs";
import {
  ensureEnvLocal,
  LOCAL_API_PORT,
  LOCAL_MAIL_WEB_PORT,
  LOCAL_SMTP_PORT,
  loadEnvLocal,
  requireEnv,
} from "./lib/local-env";
import { seedDemoData, seedDemoPlans } from "./seed";
import { defaultPgliteDir, startLocalStack, type LocalStack } from "./stack/local-stack";

const FIRST_MIGRATION = "20261123000100_private_schema.sql";
/** A database seeded before plans existed gets the demo plans when this one arrives. */
const PLANS_MIGRATION = "20261123000700_plans.sql";

/** The fixed local ports of `npm run dev` / `db:start` (0 everywhere: any free port). */
export const devPorts = {
  api: LOCAL_API_PORT,
  mail: { smtp: LOCAL_SMTP_PORT, web: LOCAL_MAIL_WEB_PORT },
};
const anyPorts = { api: 0, mail: { smtp: 0, web: 0 } };

export async function startDevStack(
  ports: typeof devPorts,
  onDatabaseLost?: (error: Error) => void,
): Promise<LocalStack> {
  ensureEnvLocal();
  loadEnvLocal();
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      port: ports.api,
      driver: "pglite",
      dbUrl: defaultPgliteDir,
      siteUrl: requireEnv("NEXT_PUBLIC_SITE_URL"),
      mail: ports.mail,
      refusals: "line",
      onDatabaseLost,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new Error(
        `Port ${ports.api}, ${ports.mail.smtp} or ${ports.mail.web} is in use: is another \`npm run dev\` or \`npm run db:start\` running?`,
      );
    }
    throw error;
  }
  for (const file of stack.appliedMigrations) console.log(`  ✓ applied migration ${file}`);
  // A database that just received the first migration is new: give it the demo data.
  if (stack.appliedMigrations.includes(FIRST_MIGRATION)) {
    await seedDemoData({
      url: stack.url,
      publishableKey: requireEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY"),
      secretKey: requireEnv("SUPABASE_SECRET_KEY"),
    });
    console.log("  ✓ seeded demo workspaces acme and globex (password: demo-password)");
  } else if (stack.appliedMigrations.includes(PLANS_MIGRATION)) {
    await seedDemoPlans({
      url: stack.url,
      publishableKey: requireEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY"),
      secretKey: requireEnv("SUPABASE_SECRET_KEY"),
    });
    console.log("  ✓ put the demo workspaces on their plans (acme: Pro, globex: Free)");
  }
  return stack;
}

export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, handler);
}

async function isListening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function main(command: string | undefined) {
  if (command === "start") {
    const stack = await startDevStack(devPorts);
    console.log(
      `\n  Supabase API  ${stack.url}\n  Mail inbox    ${stack.mail.webUrl}\n\n  Ctrl-C stops it.`,
    );
    stopOnSignal(() => stack.stop());
    return;
  }
  if (command === "reset") {
    if (await isListening(LOCAL_API_PORT)) {
      throw new Error(
        `The local stack is running on port ${LOCAL_API_PORT} (npm run dev or db:start). Stop it, then reset.`,
      );
    }
    console.log(`Deleting the local database at ${defaultPgliteDir}…`);
    rmSync(defaultPgliteDir, { recursive: true, force: true });
    const stack = await startDevStack(anyPorts);
    await stack.stop();
    console.log("Local database reset: migrated and seeded.");
    return;
  }
  if (command === "seed") {
    loadEnvLocal();
    const url = requireEnv("NEXT_PUBLIC_SUPABASE_URL");
    if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) {
      throw new Error(
        `db:seed creates demo users with a known password: local stacks only, not ${url}.`,
      );
    }
    await seedDemoData({
      url,
      publishableKey: requireEnv("NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY"),
      secretKey: requireEnv("SUPABASE_SECRET_KEY"),
    });
    console.log(`Seeded ${url}: workspaces acme and globex (password: demo-password).`);
    return;
  }
  console.error("usage: db.ts start|reset|seed");
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv[2]).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
