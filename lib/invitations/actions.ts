"use server";

import { fail, redirectTo, userAction } from "@/lib/actions/safe-action";
import { acceptInvitationSchema, joinedWorkspaceSchema } from "./validation";

/** accept_invitation checks the token, its expiry and that it was sent to this user's address. */
export const acceptInvitation = userAction(
  { schema: acceptInvitationSchema, revalidate: "everything" },
  async ({ data, supabase }) => {
    const { data: joined, error } = await supabase.rpc("accept_invitation", { token: data.token });
    if (error) return fail(error, "invitation_not_accepted");
    return redirectTo(`/w/${joinedWorkspaceSchema.parse(joined).slug}?notice=joined`);
  },
);
