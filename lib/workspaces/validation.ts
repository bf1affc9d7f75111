import { z } from "zod";
import { Constants, type Database } from "@/lib/supabase/database.types";
import { isPlainName, UNPLAIN_NAME_MESSAGE } from "@/lib/names";

export const SLUG_MIN = 3;
export const SLUG_MAX = 48;
/** Same rule as the organizations.slug check constraint in the database. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Slugs that would read as app routes or be confusing in a URL. The database's list,
 * private.reserved_slugs() (workspaces migration), is the one that holds for every
 * path; this copy gives the form its message before a round trip, and
 * tests/integration/workspaces.test.ts fails when the two differ.
 */
export const RESERVED_SLUGS = new Set([
  "new",
  "create",
  "settings",
  "admin",
  "api",
  "app",
  "auth",
  "onboarding",
  "sign-in",
  "sign-up",
  "check-email",
  "forgot-password",
  "reset-password",
  "invite",
  "w",
  "www",
  "help",
  "support",
  "billing",
  "null",
  "undefined",
]);

/** The database enum public.org_role, highest first. */
export const ROLES = Constants.public.Enums.org_role;
export type Role = Database["public"]["Enums"]["org_role"];

/** "Acme, Inc." → "acme-inc": a suggestion the user can edit. */
export function suggestSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, "");
  return slug;
}

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, "Give the workspace a name.")
  .max(80, "Use at most 80 characters.")
  .refine(isPlainName, UNPLAIN_NAME_MESSAGE);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(SLUG_MIN, `Use at least ${SLUG_MIN} characters.`)
  .max(SLUG_MAX, `Use at most ${SLUG_MAX} characters.`)
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens, not at the start or end.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This URL is reserved. Pick another one.");

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema, slug: slugSchema });

export const updateWorkspaceSchema = z.object({ name: workspaceNameSchema, slug: slugSchema });

/** The name typed to confirm a deletion; compared with the workspace's name by the action. */
export const deleteWorkspaceSchema = z.object({ confirmName: z.string().trim() });

export const roleSchema = z.enum(ROLES);

/** "admin" → "Admin": how a role reads everywhere in the UI (badges, selects, lists). */
export const roleLabel = (role: Role) => role[0]!.toUpperCase() + role.slice(1);
