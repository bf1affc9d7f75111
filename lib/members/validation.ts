import { z } from "zod";
import { ROLES } from "@/lib/workspaces/validation";

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter an email address.")
    .max(254, "That email address is too long.")
    .pipe(z.email({ message: "Enter a valid email address." })),
  role: z.enum(ROLES, { message: "Choose a role." }),
});

export const invitationIdSchema = z.object({ invitationId: z.uuid() });
export const resendSchema = z.object({ email: z.email(), role: z.enum(ROLES) });
export const memberRoleSchema = z.object({
  memberId: z.uuid(),
  role: z.enum(ROLES, { message: "Choose a role." }),
});
export const memberIdSchema = z.object({ memberId: z.uuid() });

/** Database error codes of the team RPCs → sentences for people. */
const messages: Record<string, string> = {
  not_allowed: "Your role does not allow that in this workspace.",
  already_member: "This person is already a member of the workspace.",
  invalid_email: "Enter a valid email address.",
  invalid_role: "Choose a valid role.",
  invitation_not_found: "This invitation no longer exists.",
  invitation_used: "This invitation was already accepted.",
  member_not_found: "This person is no longer a member of the workspace.",
  last_owner: "A workspace needs an owner. Make someone else owner first, or delete the workspace.",
  invalid_member: "Choose another member.",
};

export function teamErrorMessage(error: { message: string; hint?: string | null }): string {
  return messages[error.message] ?? error.hint ?? "That did not work. Try again.";
}
