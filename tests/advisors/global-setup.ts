/**
 * Migrates a fresh database on the real PostgreSQL server (through the local stack,
 * exactly as the integration run does), stops the stack before any API request, and
 * runs Supabase's linter on it:
 *   supabase db advisors --remote=<url> --type all --level info --fail-on warn
 * The findings go to advisors.test.ts; the database is dropped afterwards.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase, redact } from "../support/postgres-server";
import { runSql } from "../support/sql";
import { startTestStack } from "../support/test-stack";

export interface AdvisorFinding {
  name: string;
  title: string;
  level: "INFO" | "WARN" | "ERROR";
  detail: string;
  remediation: string;
  cache_key: string;
  metadata?: { schema?: string; name?: string; type?: string };
}

export interface AdvisorsRun {
  command: string;
  exitCode: number | null;
  findings: AdvisorFinding[];
  stderr: string;
  /** The stdout when it was not the expected JSON. */
  unparsed?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    advisors: AdvisorsRun;
  }
}

const projectRoot = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("tenantkit_advisors");
  try {
    const { info, stop } = await startTestStack({ driver: "postgres", dbUrl: database.url });
    try {
      // Mutation testing, as in tests/integration/global-setup.ts.
      if (process.env.TENANTKIT_TEST_EXTRA_SQL)
        await runSql(info, process.env.TENANTKIT_TEST_EXTRA_SQL);
    } finally {
      await stop();
    }

    const args = [
      "db",
      "advisors",
      `--remote=${database.url}`,
      "--type",
      "all",
      "--level",
      "info",
      "--fail-on",
      "warn",
      "--output-format",
      "json",
    ];
    const result = spawnSync(path.join(projectRoot, "node_modules/.bin/supabase"), args, {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 110_000,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    });
    const run: AdvisorsRun = {
      command: `supabase ${args.join(" ").replace(database.url, redact(database.url))}`,
      exitCode: result.status,
      findings: [],
      stderr: (result.stderr ?? "") + (result.error ? String(result.error) : ""),
    };
    try {
      run.findings = (JSON.parse(result.stdout) as { results: AdvisorFinding[] }).results;
    } catch {
      run.unparsed = result.stdout;
    }
    project.provide("advisors", run);
  } finally {
    await database.drop();
  }
}
