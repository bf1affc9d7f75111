/**
 * axe-core on every page, in light and dark, on a desktop and a phone: no serious or
 * critical violation. Pages are visited by a signed-in owner (alice) and signed out.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { serviceClient } from "./support/helpers";

const screens = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "mobile", viewport: { width: 390, height: 844 } },
] as const;
const schemes = ["light", "dark"] as const;

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
}

type Found = { path: string; violations: Awaited<ReturnType<typeof seriousViolations>> };

for (const screen of screens) {
  for (const scheme of schemes) {
    test.describe(`${screen.name}, ${scheme}`, () => {
      test.use({ viewport: screen.viewport, colorScheme: scheme });

      test("signed-out pages", async ({ page }) => {
        test.slow();
        const found: Found[] = [];
        for (const path of [
          "/",
          "/sign-in",
          "/sign-up",
          "/forgot-password",
          "/check-email?kind=reset&email=someone%40example.test",
          "/sign-in?error=link_invalid",
        ]) {
          await page.goto(path);
          found.push({ path, violations: await seriousViolations(page) });
        }
        expect(found.filter((page) => page.violations.length > 0)).toEqual([]);
      });

      test("signed-in pages", async ({ tenantA }) => {
        // Ten full scans: room for a loaded machine.
        test.slow();
        const found: Found[] = [];
        const page = tenantA.page;
        const { data: project } = await tenantA.api
          .from("projects")
          .select("id")
          .eq("organization_id", tenantA.workspace.id)
          .eq("name", "Website redesign")
          .single();
        for (const path of [
          "/w/acme",
          `/w/acme/projects/${project!.id}`,
          "/w/acme/activity",
          "/w/acme/settings",
          "/w/acme/settings/members",
          "/w/acme/settings/billing",
          "/onboarding",
          "/account",
          "/change-password",
          "/w/acme/no-such-page",
        ]) {
          await page.goto(path);
          found.push({ path, violations: await seriousViolations(page) });
        }
        // Open menus are pages too.
        await page.goto("/w/acme/settings/members");
        await page.getByRole("button", { name: /^Account menu/ }).click();
        found.push({ path: "account menu", violations: await seriousViolations(page) });
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: /switch workspace/ }).click();
        found.push({ path: "workspace switcher", violations: await seriousViolations(page) });
        expect(found.filter((page) => page.violations.length > 0)).toEqual([]);
      });

      test("a new workspace and the operator console", async ({ newTenant }) => {
        test.slow();
        const found: Found[] = [];
        // A fresh workspace shows its onboarding checklist; its owner is made an operator.
        const operator = await newTenant({ userName: "Axel Audit" });
        const { error } = await serviceClient().rpc("add_platform_admin", {
          email: operator.email,
          added_by: "e2e accessibility",
        });
        if (error) throw error;
        const page = operator.page;
        const id = operator.workspace.id;
        for (const path of [
          `/w/${operator.workspace.slug}`,
          "/admin",
          `/admin/tenants/${id}`,
          `/admin/tenants/${id}/support`,
          "/admin/health",
        ]) {
          await page.goto(path);
          found.push({ path, violations: await seriousViolations(page) });
        }
        expect(found.filter((page) => page.violations.length > 0)).toEqual([]);
      });
    });
  }
}
