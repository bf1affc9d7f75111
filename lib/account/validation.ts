import { z } from "zod";
import { isPlainName, UNPLAIN_NAME_MESSAGE } from "@/lib/names";

/** The name co-members see; same rule as at sign-up (and profiles.full_name's check). */
export const profileSchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, "Enter your name.")
    .max(80, "Use at most 80 characters.")
    .refine(isPlainName, UNPLAIN_NAME_MESSAGE),
});

/** The new sign-in address; the auth server checks it again and mails it. */
export const emailChangeSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
});

/** The typed confirmation of an account deletion: the account's own address (checked again by the database). */
export const deleteAccountSchema = z.object({
  confirmName: z.string().trim().min(1, "Type your email address to confirm.").max(320),
});
