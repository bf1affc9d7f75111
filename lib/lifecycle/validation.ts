import { z } from "zod";

/** Arguments of a provisioning call (the command's flags, a signup flow's input). */
export const provisionSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "--slug: lowercase letters, digits and single hyphens")
    .min(3, "--slug: at least 3 characters")
    .max(48, "--slug: at most 48 characters"),
  name: z
    .string()
    .trim()
    .min(1, "--name: give the workspace's name")
    .max(80, "--name: at most 80 characters"),
  plan: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,30}$/, "--plan: a plan id such as free, pro, business"),
  owner: z
    .email({ message: "--owner: the owner's email address, e.g. ops@acme.com" })
    .transform((address) => address.toLowerCase()),
});
export type ProvisionInput = z.infer<typeof provisionSchema>;

export const provisionResultSchema = z.object({
  created: z.boolean(),
  id: z.uuid(),
  slug: z.string(),
  owner: z.enum(["member", "invited"]),
  token: z.string().nullish(),
});

export const suspendSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Give a reason (the workspace's owners see it).")
    .max(500, "At most 500 characters."),
});

/** Days between scheduling a deletion and the purge (WORKSPACE_DELETION_GRACE_DAYS, default 30). */
export function deletionGraceDays(env: Record<string, string | undefined> = process.env): number {
  const parsed = z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .safeParse(env.WORKSPACE_DELETION_GRACE_DAYS || undefined);
  if (!parsed.success)
    throw new Error("WORKSPACE_DELETION_GRACE_DAYS must be a whole number of days, 1 to 365.");
  return parsed.data;
}

/** The workspace's lifecycle state as its pages show it. */
export type LifecycleStatus = "active" | "suspended" | "deletion_scheduled";
