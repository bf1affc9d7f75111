import { afterAll, expect, it, vi } from "vitest";
import { logDeliberateRefusals } from "../../scripts/stack/refusal-logging";

const original = console.error;
const printed = vi.fn();
console.error = printed;
logDeliberateRefusals("line");
afterAll(() => {
  console.error = original;
});

const databaseError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: "ERROR" });

it("prints a deliberate refusal as one line, from the API and from auth", () => {
  printed.mockClear();
  console.error(databaseError("42501", "new row violates row-level security policy"));
  console.error("Auth error:", databaseError("22023", "invalid_name"));
  expect(printed.mock.calls).toEqual([
    ["supabase: refused 42501: new row violates row-level security policy"],
    ["supabase: refused 22023: invalid_name"],
  ]);
});

it("prints everything else in full", () => {
  printed.mockClear();
  const broken = databaseError("XX000", "internal error");
  const refusal = databaseError("23505", "duplicate key");
  console.error(broken);
  console.error("Auth error:", broken);
  console.error("two labels", "then", refusal);
  console.error(new Error("not from the database"));
  expect(printed.mock.calls).toEqual([
    [broken],
    ["Auth error:", broken],
    ["two labels", "then", refusal],
    [expect.any(Error)],
  ]);
});
