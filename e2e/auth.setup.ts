/**
 * Signs each persona in once per run through the real sign-in form and keeps
 * the browser state (the session cookies) for the fixtures in
 * e2e/support/fixtures.ts. The local stack is fresh every run, so so are these.
 */
import { expect, test as setup } from "@playwright/test";
import { signIn } from "./support/helpers";
import { personas, storageStatePath, type PersonaName } from "./support/personas";

for (const persona of Object.keys(personas) as PersonaName[]) {
  const { email, workspace } = personas[persona];
  setup(`sign in as ${email}`, async ({ page }) => {
    await signIn(page, email);
    // An owner of one workspace lands in it.
    if (workspace) await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}$`));
    await page.context().storageState({ path: storageStatePath(persona) });
  });
}
