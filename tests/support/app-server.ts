/**
 * A production build of the app against a local stack: what the browser tests
 * (e2e/support/global-setup.ts) and the page benchmark (scripts/bench/pages.ts) serve.
 * Each passes its own `distDir` so neither disturbs `npm run dev`'s `.next` nor the other.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../scripts/lib/local-env";
import type { TestStackInfo } from "./test-stack";

const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");

/** The app's environment for a stack: its API (or `apiUrl`, e.g. a proxy in front of it), its mail. */
export function appEnv(
  info: TestStackInfo,
  options: { siteUrl: string; distDir: string; apiUrl?: string },
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_PUBLIC_SUPABASE_URL: options.apiUrl ?? info.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: info.publishableKey,
    NEXT_PUBLIC_SITE_URL: options.siteUrl,
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(info.smtpPort),
    EMAIL_FROM: "tenantkit <no-reply@tenantkit.local>",
    LOCAL_MAIL_INBOX_URL: info.mailUrl,
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // The web server's platform tasks (lib/supabase/admin.ts): rate limits, billing.
    SUPABASE_SECRET_KEY: info.secretKey,
  };
}

/** `next build` with `env`; throws when the build fails. `quiet` shows its output only then. */
export function buildApp(env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}) {
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: projectRoot,
    env,
    stdio: options.quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (build.status !== 0) {
    if (options.quiet) console.error(build.stdout, build.stderr);
    throw new Error("next build failed");
  }
}

async function answers(url: string) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(url: string, timeoutMs: number, server: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/**
 * `next start` on `port` (the build of `env`'s NEXT_DIST_DIR), once it answers. Its
 * output goes to the terminal, or with `logFile` to that file.
 */
export async function startApp(
  env: NodeJS.ProcessEnv,
  port: number,
  options: { logFile?: string } = {},
) {
  if (await answers(`http://localhost:${port}`))
    throw new Error(`port ${port} is taken: is an earlier run's next-server still running?`);
  const log = options.logFile ? openSync(options.logFile, "w") : "inherit";
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", log, log],
  });
  const url = `http://localhost:${port}`;
  try {
    await waitFor(`${url}/sign-in`, 60_000, server);
  } catch (error) {
    server.kill("SIGTERM");
    throw error;
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}
