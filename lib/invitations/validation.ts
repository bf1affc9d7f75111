import { z } from "zod";
import { roleSchema } from "@/lib/workspaces/validation";

/** Invitation tokens are 64 hex characters; anything else is not worth a query. */
export const tokenSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const acceptInvitationSchema = z.object({ token: tokenSchema });

/** The code the auth server mailed to the account's address (reauthentication). */
export const proveEmailSchema = z.object({
  token: tokenSchema,
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6,10}$/, "Enter the code from the email."),
});

/** What accept_invitation returns (a json value). */
export const joinedWorkspaceSchema = z.object({ slug: z.string() });

export const INVITATION_STATUSES = ["pending", "expired", "revoked", "accepted"] as const;

/** What get_invitation returns (a json value), as the page uses it. */
export const invitationPreviewSchema = z
  .object({
    status: z.enum(INVITATION_STATUSES),
    workspace_name: z.string(),
    workspace_slug: z.string(),
    role: roleSchema,
    inviter: z.string().nullable(),
    expires_at: z.string(),
    email_matches: z.boolean().nullable(),
    email_proven: z.boolean(),
    email: z.string(),
  })
  .transform((row) => ({
    status: row.status,
    workspaceName: row.workspace_name,
    workspaceSlug: row.workspace_slug,
    role: row.role,
    inviter: row.inviter,
    expiresAt: row.expires_at,
    emailMatches: row.email_matches === true,
    /** False when the account's address changed since it was confirmed. */
    emailProven: row.email_proven,
    email: row.email,
  }));

export type InvitationPreview = z.output<typeof invitationPreviewSchema>;
export type InvitationStatus = InvitationPreview["status"];
