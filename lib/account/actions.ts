"use server";

import { buttonOnlySchema, fail, ok, redirectTo, userAction } from "@/lib/actions/safe-action";
import { endSession } from "@/lib/auth/session";
import { publicEnv } from "@/lib/env";
import { deleteAccountSchema, emailChangeSchema, profileSchema } from "./validation";

/*
 * The user's own account. The auth server owns these fields: the name lives in the
 * user's metadata, and private.sync_profile() copies it to public.profiles, where
 * co-members read it.
 */

export const updateProfile = userAction(
  { schema: profileSchema, revalidate: "everything" },
  async ({ data, supabase }) => {
    const { error } = await supabase.auth.updateUser({ data: { full_name: data.fullName } });
    if (error) return fail(error, "unexpected");
    return ok("Your name was saved.");
  },
);

/**
 * Asks the auth server to change the sign-in address. Nothing changes until the
 * emailed link is opened (supabase/templates/email_change.html → /auth/confirm,
 * type email_change). With secure email change on (double_confirm_changes), hosted
 * Supabase mails both the current and the new address and changes it once both
 * links are opened; Supabase Lite mails only the current address, and its link
 * alone changes it (docs/auth.md, "Changing the email address").
 */
export const changeEmail = userAction(
  { schema: emailChangeSchema },
  async ({ data, supabase, user }) => {
    if (data.email === user.email.toLowerCase()) return fail("same_email");
    const { error } = await supabase.auth.updateUser(
      { email: data.email },
      { emailRedirectTo: `${publicEnv().NEXT_PUBLIC_SITE_URL}/account` },
    );
    if (error) return fail(error, "unexpected");
    return ok(
      `Almost done: open the link we sent to your current address, ${user.email}. If one also arrives at ${data.email}, open it too. Your address changes once every link is opened.`,
    );
  },
);

/** Ends every session of the account, this one included (a lost laptop, a shared computer). */
export const signOutEverywhere = userAction({ schema: buttonOnlySchema }, async ({ supabase }) => {
  const { error } = await supabase.auth.signOut({ scope: "global" });
  if (error) return fail(error, "unexpected");
  return redirectTo("/sign-in?notice=signed_out_everywhere");
});

/**
 * Deletes the account (public.delete_my_account: refused while the user is the only
 * owner of a workspace; the typed address is checked there too), then clears this
 * browser's session: the account behind it no longer exists.
 */
export const deleteMyAccount = userAction(
  { schema: deleteAccountSchema },
  async ({ data, supabase }) => {
    const { error } = await supabase.rpc("delete_my_account", { confirm_email: data.confirmName });
    if (error) return fail(error, "unexpected");
    await endSession();
    return redirectTo("/?notice=account-deleted");
  },
);
