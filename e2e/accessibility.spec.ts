/**
 * axe-core on every page, in light and dark, on a desktop and a phone: no serious or
 * critical violation. Pages are visited by a signed-in owner (alice), by a new
 * workspace's owner who is also an operator, and signed out.
 *
 * One test per page: the page is loaded once and scanned in each combination by
 * resizing the viewport and switching the emulated colour scheme in place. Both are
 * CSS only here (media queries, and colours that are light-dark() pairs picked by
 * `color-scheme`: app/globals.css), so this sees what a fresh load in that combination
 * would, without four server renders per page.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { serviceClient } from "./support/helpers";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
/**
 * The rules whose outcome depends on colours. Dark mode changes colours and nothing
 * else (the markup and layout are the same), so in the dark only these run again;
 * each screen size gets every rule, since layout decides what is shown at all.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

const combinations = [
  { screen: "desktop", viewport: { width: 1280, height: 800 }, scheme: "light" },
  { screen: "desktop", viewport: { width: 1280, height: 800 }, scheme: "dark" },
  { screen: "mobile", viewport: { width: 390, height: 844 }, scheme: "light" },
  { screen: "mobile", viewport: { width: 390, height: 844 }, scheme: "dark" },
] as const;

interface Finding {
  in: string;
  rule: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** Serious and critical violations of the page as it is now, in every combination. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const { screen, viewport, scheme } of combinations) {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    // Legacy mode runs axe in the page itself. The default mode also opens a blank page
    // per scan to merge the results of cross-origin iframes, which these pages cannot
    // have (the CSP says frame-src 'none'): twice the time, for nothing.
    const axe = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode();
    if (scheme === "dark") axe.withRules(COLOUR_RULES);
    const { violations } = await axe.analyze();
    for (const violation of violations) {
      if (violation.impact !== "serious" && violation.impact !== "critical") continue;
      found.push({
        in: `${screen}, ${scheme}`,
        rule: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
      });
    }
  }
  return found;
}

test.describe("signed out", () => {
  for (const path of [
    "/",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/check-email?kind=reset&email=someone%40example.test",
    "/sign-in?error=link_invalid",
  ]) {
    test(path, async ({ page }) => {
      await page.goto(path);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

test.describe("signed in", () => {
  for (const path of [
    "/w/acme",
    "/w/acme/projects/:id",
    "/w/acme/activity",
    "/w/acme/settings",
    "/w/acme/settings/members",
    "/w/acme/settings/billing",
    "/onboarding",
    "/account",
    "/change-password",
    "/w/acme/no-such-page",
  ]) {
    test(path, async ({ tenantA }) => {
      let url = path;
      if (path.includes(":id")) {
        const { data: project } = await tenantA.api
          .from("projects")
          .select("id")
          .eq("organization_id", tenantA.workspace.id)
          .eq("name", "Website redesign")
          .single();
        url = path.replace(":id", project!.id);
      }
      await tenantA.page.goto(url);
      expect(await seriousViolations(tenantA.page)).toEqual([]);
    });
  }

  // Open menus are pages too.
  test("account menu and workspace switcher", async ({ tenantA }) => {
    const page = tenantA.page;
    await page.goto("/w/acme/settings/members");
    await page.getByRole("button", { name: /^Account menu/ }).click();
    await expect(page.getByRole("link", { name: "Account settings" })).toBeVisible();
    expect(await seriousViolations(page), "account menu").toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /switch workspace/ }).click();
    await expect(page.getByRole("list", { name: "Your workspaces" })).toBeVisible();
    expect(await seriousViolations(page), "workspace switcher").toEqual([]);
  });
});

test.describe("a new workspace and the operator console", () => {
  for (const path of [
    "/w/:slug",
    "/admin",
    "/admin/tenants/:id",
    "/admin/tenants/:id/support",
    "/admin/health",
  ]) {
    test(path, async ({ newTenant }) => {
      // A fresh workspace shows its onboarding checklist; its owner is made an operator.
      const operator = await newTenant({ userName: "Axel Audit" });
      const { error } = await serviceClient().rpc("add_platform_admin", {
        email: operator.email,
        added_by: "e2e accessibility",
      });
      if (error) throw error;
      await operator.page.goto(
        path.replace(":slug", operator.workspace.slug).replace(":id", operator.workspace.id),
      );
      expect(await seriousViolations(operator.page)).toEqual([]);
    });
  }
});
