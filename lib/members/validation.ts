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

/** Leaving needs no input: the workspace is the one of the URL. */
export const leaveSchema = z.object({});

/** What invite_member returns (a json value): the plaintext token to email, once. */
export const invitedSchema = z.object({ token: z.string().min(1), expires_at: z.string() });
