/**
 * Supabase's own linter on the migrated schema, on a real PostgreSQL server:
 * `supabase db advisors --type all --fail-on warn` must be clean. INFO findings are
 * printed, not failed (see docs/security.md for the ones a fresh database always has).
 */
import { describe, expect, inject, it } from "vitest";
import { ACCEPTED_EXCEPTIONS } from "./accepted-exceptions";

const run = inject("advisors");
const serious = run.findings.filter((finding) => finding.level !== "INFO");
const accepted = new Set(ACCEPTED_EXCEPTIONS.map((exception) => exception.cacheKey));

describe(`Supabase advisors: ${run.command}`, () => {
  it("ran and answered JSON", () => {
    expect(run.unparsed, `stdout was not JSON; stderr: ${run.stderr}`).toBeUndefined();
    expect(run.exitCode, run.stderr).not.toBeNull();
    for (const finding of run.findings.filter((f) => f.level === "INFO"))
      console.log(`advisors INFO ${finding.name}: ${finding.detail}`);
  });

  it("reports no WARN or ERROR finding beyond the accepted exceptions", () => {
    const unexpected = serious
      .filter((finding) => !accepted.has(finding.cache_key))
      .map(
        (f) =>
          `${f.level} ${f.name}: ${f.detail}\n    fix: ${f.remediation}\n    cache_key: ${f.cache_key}`,
      );
    expect(
      unexpected,
      `Fix these in a migration, or accept one in tests/advisors/accepted-exceptions.ts with its reason (and in docs/security.md):\n${unexpected.join("\n")}`,
    ).toEqual([]);
  });

  it("the CLI's own --fail-on warn verdict agrees with the findings", () => {
    // Exit 0 exactly when there is no WARN/ERROR finding: the gate is the CLI's, not only ours.
    expect(run.exitCode, run.stderr).toBe(serious.length === 0 ? 0 : 1);
  });

  it("every accepted exception still occurs (no stale exceptions)", () => {
    const present = new Set(serious.map((finding) => finding.cache_key));
    expect(ACCEPTED_EXCEPTIONS.filter((e) => !present.has(e.cacheKey))).toEqual([]);
  });
});
