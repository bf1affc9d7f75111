/**
 * `npm test`: every suite, in order: unit and integration (Vitest, against a
 * throwaway local stack), then the browser tests (Playwright + system Chromium).
 * Each suite runs even if an earlier one failed; the exit code is non-zero if any did.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./lib/local-env";

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);

const suites: Array<{ name: string; command: string; args: string[] }> = [
  { name: "unit + integration (Vitest)", command: bin("vitest"), args: ["run"] },
  { name: "browser (Playwright)", command: bin("playwright"), args: ["test"] },
];

const results = suites.map((suite) => {
  console.log(`\n━━ ${suite.name} ━━`);
  const started = Date.now();
  const { status } = spawnSync(suite.command, suite.args, { cwd: projectRoot, stdio: "inherit" });
  return { ...suite, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) };
});

console.log("\n━━ summary ━━");
for (const result of results)
  console.log(`${result.ok ? "✓" : "✗"} ${result.name} (${result.seconds}s)`);
const failed = results.filter((result) => !result.ok).length;
process.exit(failed === 0 ? 0 : 1);
