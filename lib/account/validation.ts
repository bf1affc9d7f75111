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
