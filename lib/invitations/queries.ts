import "server-only";
import { createClient } from "@/lib/supabase/server";
import { invitationPreviewSchema, tokenSchema, type InvitationPreview } from "./validation";

export type { InvitationPreview, InvitationStatus } from "./validation";

/** Invitation tokens are 64 hex characters; anything else is not worth a query. */
export const isWellFormedToken = (token: string) => tokenSchema.safeParse(token).success;

/** What the holder of `token`, signed in or not, may see of the invitation, or null if there is none. */
export async function getInvitation(token: string): Promise<InvitationPreview | null> {
  if (!isWellFormedToken(token)) return null;
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("get_invitation", { token });
  if (error) {
    if (error.message === "invitation_not_found") return null;
    throw new Error(`Could not load the invitation: ${error.message}`);
  }
  return invitationPreviewSchema.parse(data);
}

/**
 * The address a sign-up coming from an invitation page (`next=/invite/<token>`)
 * starts with: the invited one, while the invitation is pending. Only an invitation's
 * own page hands it over, never a query parameter of the sign-up URL.
 */
export async function invitedEmailFor(next: string): Promise<string | undefined> {
  const token = /^\/invite\/([^/?#]+)$/.exec(next)?.[1];
  if (!token) return undefined;
  const invitation = await getInvitation(token);
  return invitation?.status === "pending" ? invitation.email : undefined;
}
