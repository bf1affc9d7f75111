/**
 * A throwaway local stack for one test run: fresh keys, a fresh PGlite directory
 * (or a PostgreSQL URL), ephemeral ports, its own mail catcher. It runs in a child
 * process (see scripts/stack/serve-test-stack.ts for why). Nothing is shared with
 * `npm run dev`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { DbDriver } from "../../scripts/stack/local-stack";

export interface TestStackInfo {
  url: string;
  publishableKey: string;
  secretKey: string;
  driver: DbDriver;
  /** The mail catcher's web inbox; its REST API is under /api. */
  mailUrl: string;
  /** Its SMTP port, for the app's own outgoing mail. */
  smtpPort: number;
  /** Secret for the harness-only POST /_test/sql endpoint (see tests/support/sql.ts). */
  testSqlSecret: string;
}

const projectRoot = path.resolve(import.meta.dirname, "../..");

export async function startTestStack(options: {
  driver?: DbDriver;
  dbUrl?: string;
  siteUrl?: string;
}): Promise<{ info: TestStackInfo; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "scripts/stack/serve-test-stack.ts")],
    {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit", "ipc"],
      env: {
        ...process.env,
        TEST_STACK_DRIVER: options.driver ?? "pglite",
        TEST_STACK_DB_URL: options.dbUrl ?? "",
        TEST_STACK_SITE_URL: options.siteUrl ?? "http://localhost:3000",
      },
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const info = await new Promise<TestStackInfo>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    // postgres.js logs every server NOTICE ("... already exists, skipping") as a
    // multi-line object dump: drop those, pass everything else on.
    let notice: string[] | null = null;
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) {
        resolve(JSON.parse(line.slice("READY ".length)) as TestStackInfo);
      } else if (notice) {
        notice.push(line);
        if (line === "}") {
          if (!notice.some((l) => l.includes("severity: 'NOTICE'"))) console.log(notice.join("\n"));
          notice = null;
        }
      } else if (line === "{") {
        notice = [line];
      } else {
        console.log(line);
      }
    });
    child.once("exit", (code) =>
      reject(new Error(`the test stack exited with code ${code} before it was ready`)),
    );
  });

  return {
    info,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
