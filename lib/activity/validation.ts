import { z } from "zod";

/** An audit entry to restore, sent as a hidden field. */
export const restoreSchema = z.object({ entryId: z.coerce.number().int().positive() });

/** A checkbox: present ("on") when checked, absent when not. */
export const activityVisibilitySchema = z.object({
  membersCanViewActivity: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});
