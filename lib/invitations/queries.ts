import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Role } from "@/lib/workspaces/validation";

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

export interface InvitationPreview {
  status: InvitationStatus;
  workspaceName: string;
  workspaceSlug: string;
  role: Role;
  inviter: string | null;
  expiresAt: string;
  emailMatches: boolean;
  email: string;
}

/** Invitation tokens are 64 hex characters; anything else is not worth a query. */
export const isWellFormedToken = (token: string) => /^[0-9a-f]{64}$/.test(token);

/** What the signed-in holder of `token` may see of the invitation, or null if there is none. */
export async function getInvitation(token: string): Promise<InvitationPreview | null> {
  if (!isWellFormedToken(token)) return null;
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("get_invitation", { token });
  if (error) {
    if (error.message === "invitation_not_found") return null;
    throw new Error(`Could not load the invitation: ${error.message}`);
  }
  const row = data as Record<string, unknown>;
  return {
    status: row.status as InvitationStatus,
    workspaceName: String(row.workspace_name),
    workspaceSlug: String(row.workspace_slug),
    role: row.role as Role,
    inviter: (row.inviter as string | null) ?? null,
    expiresAt: String(row.expires_at),
    emailMatches: Boolean(row.email_matches),
    email: String(row.email),
  };
}

const messages: Record<string, string> = {
  invitation_not_found: "This invitation does not exist.",
  invitation_revoked: "This invitation was revoked by the workspace.",
  invitation_used: "This invitation was already used.",
  invitation_expired: "This invitation has expired. Ask for a new one.",
  wrong_account: "This invitation was sent to another email address.",
};

export function invitationErrorMessage(code: string): string {
  return messages[code] ?? "The invitation could not be accepted. Try again.";
}
