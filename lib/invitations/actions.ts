"use server";

import { fail, ok, redirectTo, userAction } from "@/lib/actions/safe-action";
import type { Supabase } from "@/lib/supabase/server";
import { acceptInvitationSchema, joinedWorkspaceSchema, proveEmailSchema } from "./validation";

async function accept(supabase: Supabase, token: string) {
  const { data: joined, error } = await supabase.rpc("accept_invitation", { token });
  if (error) return fail(error, "invitation_not_accepted");
  return redirectTo(`/w/${joinedWorkspaceSchema.parse(joined).slug}?notice=joined`);
}

/**
 * accept_invitation checks the token, its expiry and that it was sent to this user's
 * address, proven: confirmed, and not changed since (else proveEmailAndAccept).
 */
export const acceptInvitation = userAction(
  { schema: acceptInvitationSchema, revalidate: "everything" },
  async ({ data, supabase }) => accept(supabase, data.token),
);

/** The auth server mails a one-time code to the account's current address. */
export const sendEmailCode = userAction(
  { schema: acceptInvitationSchema },
  async ({ supabase, user }) => {
    const { error } = await supabase.auth.reauthenticate();
    if (error) return fail(error, "email_not_sent");
    return ok(`We sent a code to ${user.email}.`);
  },
);

/** prove_email checks the mailed code (and counts wrong ones); then the invitation is accepted. */
export const proveEmailAndAccept = userAction(
  { schema: proveEmailSchema, revalidate: "everything" },
  async ({ data, supabase }) => {
    const { data: proven, error } = await supabase.rpc("prove_email", { code: data.code });
    if (error) return fail(error, "invitation_not_accepted");
    if (!proven) return fail("invalid_code");
    return accept(supabase, data.token);
  },
);
