/**
 * `npm test`: every suite, in order: unit and integration (Vitest, against a
 * throwaway local stack), then the browser tests (Playwright + system Chromium).
 * Each suite runs even if an earlier one failed; the exit code is non-zero if any
 * did. The last line counts the tests of all suites: "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./lib/local-env";

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);
const reports = path.join(projectRoot, ".test-reports");

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Suite {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  report: string;
  count: (report: unknown) => Counts;
}

const suites: Suite[] = [
  {
    name: "unit + integration (Vitest)",
    command: bin("vitest"),
    args: [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${path.join(reports, "vitest.json")}`,
    ],
    report: "vitest.json",
    count: (report) => {
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
    },
  },
  {
    name: "browser (Playwright)",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
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

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const results = suites.map((suite) => {
  console.log(`\n━━ ${suite.name} ━━`);
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
  };
});

console.log("\n━━ summary ━━");
for (const result of results) {
  console.log(
    `${result.ok ? "✓" : "✗"} ${result.name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (${result.seconds}s)`,
  );
}
const total = (key: keyof Counts) => results.reduce((sum, result) => sum + result[key], 0);
console.log(`${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
