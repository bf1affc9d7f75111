/**
 * Signed-in tenants for browser tests, by name:
 *
 *   test("…", async ({ tenantA, tenantB }) => { … })
 *
 * Each fixture is a user with their own browser context (`page`) and a
 * supabase-js client (`api`) on the same session. The seeded personas
 * (e2e/support/personas.ts) signed in once per run through the real sign-in
 * form (e2e/auth.setup.ts); here every test gets a fresh context from that
 * stored state, so nothing a test does in one page leaks into the next test.
 * See e2e/README.md.
 */
import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { createServerClient } from "@supabase/ssr";
import type { SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "../../lib/supabase/database.types";
import { DEMO_PASSWORD, stackEnv, uniqueSuffix } from "./helpers";
import { personas, storageStatePath, type PersonaName } from "./personas";

export { expect };

export interface SignedInUser {
  email: string;
  name: string;
  password: string;
  /** A page in this user's own browser context, signed in, not yet navigated anywhere. */
  page: Page;
  /**
   * The Supabase API as this user, on the page's session: what they could call
   * from a script with their own token. Arrange data with it, or attack with it.
   */
  api: SupabaseClient<Database>;
}

export interface Tenant extends SignedInUser {
  /** The workspace this user owns. */
  workspace: { id: string; slug: string; name: string };
}

export interface NewTenantOptions {
  userName?: string;
  workspaceName?: string;
  slug?: string;
}

interface Fixtures {
  /** alice@acme.test, owner of acme. */
  tenantA: Tenant;
  /** bob@globex.test, owner of globex. */
  tenantB: Tenant;
  /** carol@example.test, a plain member of acme and of globex. */
  member: SignedInUser;
  /**
   * Signs up a brand-new user who owns a brand-new workspace, through the API.
   * For tests that would spoil a shared persona: signing out (which ends every
   * session of the user), changing a password, leaving or deleting a workspace.
   */
  newTenant: (options?: NewTenantOptions) => Promise<Tenant>;
}

/**
 * A supabase-js client whose session lives in `jar`, in the app's own cookie
 * format: @supabase/ssr is what the app's server uses to read these cookies.
 */
function cookieClient(jar: Map<string, string>) {
  return createServerClient<Database>(
    stackEnv("TENANTKIT_E2E_API_URL"),
    stackEnv("TENANTKIT_E2E_PUBLISHABLE_KEY"),
    {
      cookies: {
        getAll: () => [...jar].map(([name, value]) => ({ name, value })),
        setAll: (cookies) => {
          for (const { name, value } of cookies) {
            if (value) jar.set(name, value);
            else jar.delete(name);
          }
        },
      },
    },
  );
}

async function workspaceOf(
  api: SupabaseClient<Database>,
  slug: string,
): Promise<Tenant["workspace"]> {
  const { data, error } = await api
    .from("organizations")
    .select("id, slug, name")
    .eq("slug", slug)
    .single();
  if (error || !data)
    throw new Error(
      `workspace ${slug} is not visible to its owner (${error?.message ?? "no row"}): ` +
        "a stored sign-in from an earlier run? The setup project signs the personas in; do not skip it.",
    );
  return data;
}

/** A fresh context from the persona's stored sign-in, and an API client on the same session. */
async function openPersona(browser: Browser, persona: PersonaName) {
  const context = await browser.newContext({ storageState: storageStatePath(persona) });
  const jar = new Map((await context.cookies()).map((cookie) => [cookie.name, cookie.value]));
  const { email, name } = personas[persona];
  const user: SignedInUser = {
    email,
    name,
    password: DEMO_PASSWORD,
    page: await context.newPage(),
    api: cookieClient(jar),
  };
  return { context, user };
}

async function openTenant(browser: Browser, persona: "tenantA" | "tenantB") {
  const { context, user } = await openPersona(browser, persona);
  const tenant: Tenant = {
    ...user,
    workspace: await workspaceOf(user.api, personas[persona].workspace.slug),
  };
  return { context, tenant };
}

export const test = base.extend<Fixtures>({
  tenantA: async ({ browser }, use) => {
    const { context, tenant } = await openTenant(browser, "tenantA");
    await use(tenant);
    await context.close();
  },
  tenantB: async ({ browser }, use) => {
    const { context, tenant } = await openTenant(browser, "tenantB");
    await use(tenant);
    await context.close();
  },
  member: async ({ browser }, use) => {
    const { context, user } = await openPersona(browser, "member");
    await use(user);
    await context.close();
  },
  newTenant: async ({ browser, baseURL }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const suffix = uniqueSuffix();
      const name = options.userName ?? `New Tenant ${suffix}`;
      const email = `tenant-${suffix}@example.test`;
      const password = `password-${suffix}`;
      const jar = new Map<string, string>();
      const api = cookieClient(jar);
      const { error: signUpError } = await api.auth.signUp({
        email,
        password,
        options: { data: { full_name: name } },
      });
      if (signUpError) throw new Error(`sign-up ${email}: ${signUpError.message}`);
      const slug = options.slug ?? `tenant-${suffix}`;
      const { error } = await api.rpc("create_organization", {
        name: options.workspaceName ?? `Workspace ${suffix}`,
        slug,
      });
      if (error) throw new Error(`create workspace ${slug}: ${error.message}`);

      const context = await browser.newContext();
      contexts.push(context);
      await context.addCookies(
        [...jar].map(([cookieName, value]) => ({ name: cookieName, value, url: baseURL! })),
      );
      const page = await context.newPage();
      return { email, name, password, page, api, workspace: await workspaceOf(api, slug) };
    });
    for (const context of contexts) await context.close();
  },
});
