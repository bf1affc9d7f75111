/**
 * An owner downloads the whole workspace from settings; the archive holds acme's data
 * and nothing of globex. Nobody else gets it: a member sees no button and the route
 * refuses them; an owner of another workspace gets the 404 of a missing page.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { expect, test } from "./support/fixtures";
import { personas } from "./support/personas";

test("alice downloads acme's export from settings: acme's projects, not a byte of globex", async ({
  tenantA,
  tenantB,
}) => {
  const { page } = tenantA;
  await page.goto("/w/acme/settings");
  const button = page.getByRole("button", { name: "Export workspace data" });
  await button.focus();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.keyboard.press("Enter"),
  ]);
  expect(download.suggestedFilename()).toMatch(/^acme-export-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole("status").filter({ hasText: /^Saved acme-export-/ })).toBeVisible();

  const files = unzipSync(readFileSync((await download.path())!));
  const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
    workspace: { slug: string };
    tables: Record<string, { rows: number }>;
  };
  expect(manifest.workspace.slug).toBe("acme");
  const projects = (JSON.parse(strFromU8(files["projects/0001.json"]!)) as { name: string }[]).map(
    (project) => project.name,
  );
  expect(projects).toEqual(expect.arrayContaining([...personas.tenantA.workspace.projects]));
  const everything = Object.values(files)
    .map((file) => strFromU8(file))
    .join("\n");
  for (const secret of [
    ...personas.tenantB.workspace.projects,
    tenantB.workspace.id,
    personas.tenantB.email,
  ])
    expect(everything).not.toContain(secret);

  // On the record, in acme's activity feed.
  const { data: entries } = await tenantA.api
    .from("audit_logs")
    .select("action, actor_kind")
    .eq("organization_id", tenantA.workspace.id)
    .eq("action", "workspace.exported")
    .limit(1);
  expect(entries).toEqual([{ action: "workspace.exported", actor_kind: "user" }]);
});

test("a member sees no export and is refused by the route; another tenant's owner gets 404", async ({
  member,
  tenantB,
}) => {
  await member.page.goto("/w/acme/settings");
  await expect(member.page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(member.page.getByRole("button", { name: "Export workspace data" })).toHaveCount(0);
  const refused = await member.page.request.get("/api/w/acme/export");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({
    error: "export_owner_only",
    message: "Only an owner can export this workspace.",
  });
  const hidden = await tenantB.page.request.get("/api/w/acme/export");
  expect(hidden.status()).toBe(404);
  expect(hidden.headers()["content-type"]).not.toContain("zip");
});
