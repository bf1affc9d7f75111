import { caughtEmails } from "../scripts/stack/mail-api";
import { expect, test } from "./support/fixtures";
import { emailLink, serviceClient, stackEnv, uniqueSuffix } from "./support/helpers";

/*
 * The account page's own flows, each on a brand-new user (newTenant): deleting the
 * account or changing its address would spoil a shared persona's session.
 */

test("deleting the account is blocked while the only owner, then allowed as a plain member, who then cannot sign in", async ({
  newTenant,
  page: signedOut,
}) => {
  const leaver = await newTenant({ workspaceName: `Solo ${uniqueSuffix()}` });
  const page = leaver.page;
  await page.goto("/account");
  const blocked = page.locator("#delete-account-blocked");
  await expect(blocked).toContainText("You can’t delete your account yet");
  await expect(blocked.getByRole("link", { name: leaver.workspace.name })).toHaveAttribute(
    "href",
    `/w/${leaver.workspace.slug}/settings`,
  );
  await expect(page.getByRole("button", { name: "Delete my account" })).toHaveCount(0);
  // Even past the page, the database refuses.
  const { error: refused } = await leaver.api.rpc("delete_my_account", {
    confirm_email: leaver.email,
  });
  expect(refused?.message).toBe("last_owner_anywhere");

  // They hand their workspace over (here: another owner joins it) and belong to one more as a member.
  const keeper = await newTenant();
  const service = serviceClient();
  const { data: leaverProfile } = await service
    .from("profiles")
    .select("id")
    .eq("email", leaver.email)
    .single();
  const { data: keeperProfile } = await service
    .from("profiles")
    .select("id")
    .eq("email", keeper.email)
    .single();
  for (const [organization_id, user_id, role] of [
    [leaver.workspace.id, keeperProfile!.id, "owner"],
    [keeper.workspace.id, leaverProfile!.id, "member"],
  ] as const) {
    const { error } = await service
      .from("organization_members")
      .insert({ organization_id, user_id, role });
    expect(error).toBeNull();
  }

  await page.reload();
  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  const confirm = dialog.getByRole("button", { name: "Delete my account" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type “${leaver.email}” to confirm`).fill(leaver.email);
  await confirm.click();
  await expect(page).toHaveURL(/\/\?notice=account-deleted$/);
  await expect(page.getByText("Your account was deleted, and you are signed out.")).toBeVisible();

  // Both workspaces stay, without them.
  const { data: memberships } = await service
    .from("organization_members")
    .select("organization_id, user_id, role")
    .in("organization_id", [leaver.workspace.id, keeper.workspace.id])
    .order("organization_id");
  expect(memberships).toEqual(
    [leaver.workspace.id, keeper.workspace.id]
      .sort()
      .map((organization_id) => ({ organization_id, user_id: keeperProfile!.id, role: "owner" })),
  );

  // The workspace's history keeps what they did, and names them "Deleted user", not by their address.
  await keeper.page.goto(`/w/${keeper.workspace.slug}/activity`);
  const feed = keeper.page.getByRole("main");
  await expect(feed).toContainText("Deleted user deleted their account and left the workspace");
  await expect(feed).not.toContainText(leaver.email);

  await signedOut.goto("/sign-in");
  await signedOut.getByLabel("Email").fill(leaver.email);
  await signedOut.getByLabel("Password").fill(leaver.password);
  await signedOut.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(
    signedOut.getByText("That email and password do not match an account."),
  ).toBeVisible();
});

test("changing the email address: the confirmation link is mailed, and once opened the account shows the new address", async ({
  newTenant,
}) => {
  const tenant = await newTenant();
  const page = tenant.page;
  const newEmail = `moved-${uniqueSuffix()}@example.test`;
  await page.goto("/account");
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(
    page.getByText(`open the link we sent to your current address, ${tenant.email}`),
  ).toBeVisible();

  // Secure email change (double_confirm_changes): Supabase Lite mails the CURRENT address
  // only, and that link alone changes it; hosted Supabase mails both (docs/auth.md).
  const link = await emailLink(tenant.email, /Confirm your new tenantkit email address/);
  expect(
    (await caughtEmails(stackEnv("TENANTKIT_E2E_MAIL_URL"), newEmail)).map((mail) => mail.subject),
  ).toEqual([]);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm the new email address?" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm the new address" }).click();
  await expect(page).toHaveURL(/\/account\?notice=email-changed$/);
  await expect(page.getByText("Your email address was changed.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    `You sign in and get invitations at ${newEmail}`,
  );
});

test("a signed-out visitor's invitation page names the workspace and who invites, and sign-up starts with the invited address", async ({
  newTenant,
  page,
}) => {
  const inviter = await newTenant({ userName: "Ingrid Inviter" });
  const invited = `invited-${uniqueSuffix()}@example.test`;
  const { data, error } = await inviter.api.rpc("invite_member", {
    org: inviter.workspace.id,
    email: invited,
    role: "member",
  });
  expect(error).toBeNull();
  const token = (data as { token: string }).token;

  await page.goto(`/invite/${token}`);
  await expect(page.getByRole("heading", { name: `Join ${inviter.workspace.name}` })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    `Ingrid Inviter <${inviter.email}> invited you to join ${inviter.workspace.name} as a member`,
  );
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByLabel("Work email")).toHaveValue(invited);
  await expect(page.getByLabel("Work email")).toBeEditable();
});
