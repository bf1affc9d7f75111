import { z } from "zod";

/** The parts of a workspace the support view shows (public.admin_support_read's sections). */
export const SUPPORT_SECTIONS = ["projects", "members", "activity", "settings"] as const;
export type SupportSection = (typeof SUPPORT_SECTIONS)[number];
export const SUPPORT_SECTION_LABELS: Record<SupportSection, string> = {
  projects: "Projects",
  members: "Members",
  activity: "Activity",
  settings: "Settings",
};

/** The durations the console offers; the database accepts 1 minute to 24 hours. */
export const SUPPORT_DURATIONS = [15, 30, 60, 120, 240, 480, 1440] as const;
export const DEFAULT_SUPPORT_MINUTES = 60;

export const openSupportGrantSchema = z.object({
  organizationId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(10, "Say why, in at least 10 characters: the customer reads it.")
    .max(500, "Use at most 500 characters."),
  minutes: z.coerce.number().int().min(1).max(1440).default(DEFAULT_SUPPORT_MINUTES),
});

export const closeSupportGrantSchema = z.object({
  organizationId: z.uuid(),
  grantId: z.uuid(),
});

export const supportSectionSchema = z.enum(SUPPORT_SECTIONS);

/** The workspace owner's side: approve or revoke one grant, require approval or not. */
export const supportGrantIdSchema = z.object({ grantId: z.uuid() });
export const supportApprovalSchema = z.object({
  requireApproval: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});
