import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeError, ERRORS } from "@/lib/actions/errors";

describe("one code → message table for every action", () => {
  it("turns a database error's raised code into a sentence", () => {
    expect(
      describeError({ message: "last_owner", hint: "A workspace needs an owner: ..." }),
    ).toEqual({ message: expect.stringMatching(/needs an owner/) });
  });

  it("puts a code on its field, with the table's text or else the database's hint", () => {
    expect(describeError({ message: "slug_taken", code: "23505" })).toEqual({
      message: "That URL is taken.",
      fieldErrors: { slug: "Another workspace already uses this URL. Try another one." },
    });
    expect(describeError({ message: "invalid_slug", hint: "A slug has 3 to 48 ..." })).toEqual({
      message: "Check the URL.",
      fieldErrors: { slug: "A slug has 3 to 48 ..." },
    });
    expect(describeError("confirm_name_mismatch").fieldErrors).toHaveProperty("confirmName");
  });

  it("reads auth errors by their code, their message explaining the field", () => {
    const weak = { message: "Password should contain a digit.", code: "weak_password" };
    expect(describeError(weak)).toEqual({
      message: "Choose a stronger password.",
      fieldErrors: { password: "Password should contain a digit." },
    });
  });

  it("falls back to the action's own code, then the hint, then a generic sentence", () => {
    const unknown = { message: "something_new", code: "P0001" };
    expect(describeError(unknown, "project_not_created").message).toBe(
      ERRORS.project_not_created.message,
    );
    expect(describeError({ ...unknown, hint: "Try later." }).message).toBe("Try later.");
    expect(describeError(unknown).message).toBe("That did not work. Try again.");
  });

  it("has a message for every code the migrations raise", () => {
    // Raised only when someone writes to the API directly, never by the app's own calls.
    const notFromTheApp = new Set([
      "not_authenticated",
      "organization_id_immutable",
      "created_by_immutable",
      "audit_log_append_only",
    ]);
    const dir = path.resolve(import.meta.dirname, "../../supabase/migrations");
    const raised = new Set(
      readdirSync(dir)
        .filter((file) => file.endsWith(".sql"))
        .flatMap((file) =>
          [...readFileSync(path.join(dir, file), "utf8").matchAll(/raise exception '(\w+)'/g)].map(
            (match) => match[1]!,
          ),
        ),
    );
    expect(raised.size).toBeGreaterThan(10);
    const missing = [...raised].filter((code) => !(code in ERRORS) && !notFromTheApp.has(code));
    expect(missing, "add these codes to lib/actions/errors.ts").toEqual([]);
  });
});
