/**
 * lib/supabase/database.types.ts must be what the migrations generate today: a
 * migration that changes a table, column or RPC without regenerating the types fails
 * here (and would otherwise only surface as wrong types in the app).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DATABASE_TYPES_COMMAND,
  DATABASE_TYPES_FILE,
  generateDatabaseTypes,
} from "../../scripts/lib/database-types";

describe("generated Database types", () => {
  let generated = "";
  beforeAll(async () => {
    generated = await generateDatabaseTypes();
  });

  it(`lib/supabase/database.types.ts is up to date (fix: ${DATABASE_TYPES_COMMAND})`, () => {
    const committed = readFileSync(DATABASE_TYPES_FILE, "utf8");
    expect(
      committed,
      `lib/supabase/database.types.ts is stale: the migrations generate other types. Run \`${DATABASE_TYPES_COMMAND}\` and commit the result.`,
    ).toBe(generated);
  });
});
