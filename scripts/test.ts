/**
 * `npm test`: every suite, in order: static checks (types, lint, formatting, the
 * lockfile), unit and integration (Vitest, against a throwaway local stack on
 * PGlite), the integration suites again on a real PostgreSQL server, Supabase's
 * advisors on the migrated schema, then the browser tests (Playwright + system
 * Chromium). Each suite runs even if an earlier one failed; the exit code is
 * non-zero if any did. The last line counts the tests of all suites (a static
 * check counts as one): "N passed, N failed, N skipped".
 *
 * Output is kept to a screen when everything passes: a line per check and per test
 * file, the runners' own summaries, then ours. What fails prints in full.
 *
 * The PostgreSQL suites need a server (tests/support/postgres-server.ts;
 * TENANTKIT_TEST_POSTGRES_URL). Without one they are skipped, loudly, and counted
 * as skipped; under CI (CI=true) a missing server is a failure instead.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_POSTGRES_URL,
  postgresServerProblem,
  redact,
} from "../tests/support/postgres-server";
import { projectRoot } from "./lib/local-env";

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);
const reports = path.join(projectRoot, ".test-reports");
const ci = process.env.CI === "true" || process.env.CI === "1";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Check {
  name: string;
  command: string;
  args: string[];
}

interface Suite {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  report: string;
  count: (report: unknown) => Counts;
  /** Needs the PostgreSQL server. */
  postgres?: boolean;
}

const countVitest = (report: unknown): Counts => {
  const r = report as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
};

const vitestArgs = (projects: string[], report: string) => [
  "run",
  ...projects.flatMap((project) => ["--project", project]),
  // One line per file; a test is listed by name only when it fails or takes over 10 s.
  "--reporter=default",
  "--slowTestThreshold=10000",
  // What a test logs is shown only when it fails.
  "--silent=passed-only",
  "--reporter=json",
  `--outputFile.json=${path.join(reports, report)}`,
];

const suites: Suite[] = [
  {
    name: "unit + integration on PGlite (Vitest)",
    command: bin("vitest"),
    args: vitestArgs(["unit", "integration"], "vitest.json"),
    report: "vitest.json",
    count: countVitest,
  },
  {
    name: "integration on PostgreSQL (Vitest)",
    command: bin("vitest"),
    args: vitestArgs(["integration"], "vitest-postgres.json"),
    env: { TENANTKIT_TEST_DRIVER: "postgres" },
    report: "vitest-postgres.json",
    count: countVitest,
    postgres: true,
  },
  {
    name: "Supabase advisors on PostgreSQL (supabase db advisors --fail-on warn)",
    command: bin("vitest"),
    args: vitestArgs(["advisors"], "vitest-advisors.json"),
    report: "vitest-advisors.json",
    count: countVitest,
    postgres: true,
  },
  {
    name: "browser (Playwright)",
    command: bin("playwright"),
    // Failures in full, then the summary; passing tests take one rewritten line in a
    // terminal (`line`), a dot each in CI logs (`dot`).
    args: ["test", `--reporter=${ci ? "dot" : "line"},json`],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, "playwright.json") },
    report: "playwright.json",
    count: (report) => {
      const { stats } = report as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      };
      return {
        passed: stats.expected + stats.flaky,
        failed: stats.unexpected,
        skipped: stats.skipped,
      };
    },
  },
];

/** What a reviewer runs before reading a change. Each counts as one test. */
const staticChecks: Check[] = [
  { name: "types (npm run typecheck)", command: "npm", args: ["run", "--silent", "typecheck"] },
  { name: "lint (npm run lint)", command: "npm", args: ["run", "--silent", "lint"] },
  { name: "formatting (prettier --check .)", command: bin("prettier"), args: ["--check", "."] },
  {
    name: "migrations lock safely (npm run lint:migrations: squawk)",
    command: "npm",
    args: ["run", "--silent", "lint:migrations"],
  },
  {
    name: "lockfile lists every platform's packages (npm ci accepts it)",
    command: process.execPath,
    args: [path.join(projectRoot, "scripts/lockfile-platforms.mjs")],
  },
];

function runStaticChecks() {
  console.log("\n━━ static checks ━━");
  const started = Date.now();
  let passed = 0;
  for (const check of staticChecks) {
    const checkStarted = Date.now();
    const { status, stdout, stderr, error } = spawnSync(check.command, check.args, {
      cwd: projectRoot,
      encoding: "utf8",
      env: process.env,
    });
    const seconds = Math.round((Date.now() - checkStarted) / 1000);
    if (status === 0) {
      passed += 1;
      console.log(`✓ ${check.name} (${seconds}s)`);
    } else {
      console.log(`✗ ${check.name} (${seconds}s): fix what it reports, then run it again:`);
      console.log([stdout, stderr, error ? String(error) : ""].join("").trimEnd());
    }
  }
  const failed = staticChecks.length - passed;
  return {
    name: "static checks",
    passed,
    failed,
    skipped: 0,
    ok: failed === 0,
    seconds: Math.round((Date.now() - started) / 1000),
    note: "",
  };
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const postgresProblem = suites.some((suite) => suite.postgres)
  ? await postgresServerProblem()
  : null;

function runSuite(suite: Suite) {
  console.log(`\n━━ ${suite.name} ━━`);
  if (suite.postgres && postgresProblem) {
    const message = `no usable PostgreSQL server (${postgresProblem}). Start one and point TENANTKIT_TEST_POSTGRES_URL at it (default ${redact(DEFAULT_POSTGRES_URL)}); see docs/local-stack.md.`;
    console.log(`${ci ? "FAILED (CI requires it)" : "SKIPPED"}: ${message}`);
    return {
      ...suite,
      passed: 0,
      failed: ci ? 1 : 0,
      skipped: ci ? 0 : 1,
      ok: !ci,
      seconds: 0,
      note: ci ? "failed: no PostgreSQL server" : "SKIPPED: no PostgreSQL server",
    };
  }
  const started = Date.now();
  const { status } = spawnSync(suite.command, suite.args, {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, ...suite.env },
  });
  const reportPath = path.join(reports, suite.report);
  const counts = existsSync(reportPath)
    ? suite.count(JSON.parse(readFileSync(reportPath, "utf8")))
    : { passed: 0, failed: 1, skipped: 0 }; // the suite died before reporting: count it as a failure
  return {
    ...suite,
    ...counts,
    // The exit status and the report must agree: a runner whose exit code got lost
    // (see scripts/stack/local-stack.ts) still fails here on its report.
    ok: status === 0 && counts.failed === 0 && counts.passed > 0,
    seconds: Math.round((Date.now() - started) / 1000),
    note: "",
  };
}

const results = [runStaticChecks()];
for (const suite of suites) results.push(runSuite(suite));

console.log("\n━━ summary ━━");
for (const result of results) {
  console.log(
    `${result.ok ? "✓" : "✗"} ${result.name}: ${result.note || `${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (${result.seconds}s)`}`,
  );
}
const total = (key: keyof Counts) => results.reduce((sum, result) => sum + result[key], 0);
console.log(`${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
