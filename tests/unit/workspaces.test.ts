import { describe, expect, it } from "vitest";
import { pickLandingWorkspace } from "@/lib/workspaces/resolve";
import { createWorkspaceSchema, slugSchema, suggestSlug } from "@/lib/workspaces/validation";

describe("suggestSlug", () => {
  it.each([
    ["Acme Inc", "acme-inc"],
    ["  Acme, Inc.  ", "acme-inc"],
    ["Café Zürich", "cafe-zurich"],
    ["ÉQUIPE 42 — Paris!", "equipe-42-paris"],
    ["---", ""],
    ["a".repeat(60), "a".repeat(48)],
    [`${"a".repeat(47)} b`, "a".repeat(47)],
  ])("%s → %s", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it("always suggests a slug the schema accepts when it is long enough", () => {
    for (const name of ["Acme Inc", "Globex Corporation", "Initech 2.0", "Umbrella (EU)"]) {
      expect(slugSchema.safeParse(suggestSlug(name)).success).toBe(true);
    }
  });
});

describe("slugSchema", () => {
  it.each(["acme", "acme-inc", "a1b", "team-42-eu", "x".repeat(48)])("accepts %s", (slug) => {
    expect(slugSchema.parse(slug)).toBe(slug);
  });

  it("lowercases and trims before checking", () => {
    expect(slugSchema.parse("  Acme-Inc ")).toBe("acme-inc");
  });

  it.each([
    ["ab", "at least 3"],
    ["x".repeat(49), "at most 48"],
    ["-acme", "hyphens"],
    ["acme-", "hyphens"],
    ["ac--me", "hyphens"],
    ["ac me", "hyphens"],
    ["acmé", "hyphens"],
    ["settings", "reserved"],
    ["onboarding", "reserved"],
  ])("rejects %s (%s)", (slug, reason) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message.toLowerCase()).toContain(reason);
  });
});

describe("createWorkspaceSchema", () => {
  it("requires a name", () => {
    const result = createWorkspaceSchema.safeParse({ name: "   ", slug: "acme" });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["name"]);
  });
});

describe("pickLandingWorkspace", () => {
  const workspaces = [{ slug: "acme" }, { slug: "globex" }];

  it("sends a user without workspaces to onboarding", () => {
    expect(pickLandingWorkspace([], "acme")).toEqual({ kind: "onboarding" });
  });

  it("uses the hint when the user is still a member", () => {
    expect(pickLandingWorkspace(workspaces, "globex")).toEqual({
      kind: "workspace",
      slug: "globex",
    });
  });

  it("ignores a hint for a workspace the user no longer belongs to", () => {
    expect(pickLandingWorkspace(workspaces, "initech")).toEqual({
      kind: "workspace",
      slug: "acme",
    });
  });

  it("falls back to the first workspace without a hint", () => {
    expect(pickLandingWorkspace(workspaces, undefined)).toEqual({
      kind: "workspace",
      slug: "acme",
    });
  });
});
