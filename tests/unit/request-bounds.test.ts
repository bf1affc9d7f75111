/**
 * How the local stack reads the shape of a request (scripts/stack/request-bounds.ts):
 * the PostgREST select syntax an attacker can vary (aliases, hints, spreads, quotes)
 * must not hide an embed's depth or a cycle. The live refusals are in
 * tests/integration/request-bounds.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  checkBulkWrite,
  checkSelect,
  embedPaths,
  MAX_ROWS_PER_WRITE,
} from "../../scripts/stack/request-bounds";

describe("embedPaths", () => {
  it("names each embed by its relation, whatever the alias, hint or spread", () => {
    expect(
      embedPaths('id,org:organizations!projects_organization_id_fkey(id,...profiles(name)),"a(b"'),
    ).toEqual([["organizations"], ["organizations", "profiles"]]);
  });

  it("does not take a cast for an alias", () => {
    expect(embedPaths("id::text,organizations(id)")).toEqual([["organizations"]]);
  });
});

describe("checkSelect", () => {
  it("lets the app's embeds through", () => {
    expect(checkSelect("organization_members", "role, organizations(id, name, slug)")).toBeNull();
    expect(checkSelect("projects", "*,organizations(name,organization_members(role))")).toBeNull();
  });

  it("refuses depth beyond the limit", () => {
    expect(checkSelect("projects", "id,a(b(c(id)))")?.code).toBe("embed_too_deep");
  });

  it("refuses a return to a table on the path, under an alias too", () => {
    expect(checkSelect("projects", "id,organizations(id,p:projects(id))")?.code).toBe(
      "embed_cycle",
    );
    expect(checkSelect("organizations", "id,x:organizations!parent(id)")?.code).toBe("embed_cycle");
  });
});

describe("checkBulkWrite", () => {
  const rows = (count: number, columns = 2) =>
    Array.from({ length: count }, () =>
      Object.fromEntries(Array.from({ length: columns }, (_, c) => [`c${c}`, c])),
    );

  it("takes a batch at the row limit", () => {
    expect(checkBulkWrite(rows(MAX_ROWS_PER_WRITE))).toBeNull();
    expect(checkBulkWrite({ name: "one row" })).toBeNull();
  });

  it("refuses more rows, or too many values, with 413", () => {
    expect(checkBulkWrite(rows(MAX_ROWS_PER_WRITE + 1))?.status).toBe(413);
    expect(checkBulkWrite(rows(1000, 21))?.status).toBe(413);
  });
});
