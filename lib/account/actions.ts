"use server";

import { buttonOnlySchema, fail, ok, redirectTo, userAction } from "@/lib/actions/safe-action";
import { profileSchema } from "./validation";

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

/** Ends every session of the account, this one included (a lost laptop, a shared computer). */
export const signOutEverywhere = userAction({ schema: buttonOnlySchema }, async ({ supabase }) => {
  const { error } = await supabase.auth.signOut({ scope: "global" });
  if (error) return fail(error, "unexpected");
  return redirectTo("/sign-in?notice=signed_out_everywhere");
});
