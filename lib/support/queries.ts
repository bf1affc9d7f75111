import "server-only";
import { z } from "zod";
import { auditEntrySchema } from "@/lib/activity/describe";
import { createClient } from "@/lib/supabase/server";
import type { SupportSection } from "./validation";

/**
 * Support access, read as the signed-in user (their JWT): the operator's console
 * through the operator RPCs, a workspace's members through get_support_grants().
 * The RPCs return JSON; these schemas check its shape instead of casting it.
 */

const grantSchema = z.object({
  id: z.string(),
  operator_email: z.string(),
  reason: z.string(),
  opened_at: z.string(),
  minutes: z.number(),
  approved_at: z.string().nullable(),
  approved_by: z.string().nullable(),
  expires_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  closed_by: z.string().nullable(),
});
export type SupportGrant = z.infer<typeof grantSchema>;

const overviewSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
  requires_approval: z.boolean(),
  open_grant_id: z.string().nullable(),
  pending_grant_id: z.string().nullable(),
  grants: z.array(grantSchema),
});
export type SupportOverview = z.infer<typeof overviewSchema>;

/** The console's view of one workspace's support access; null for a workspace that does not exist. */
export async function getSupportOverview(organizationId: string): Promise<SupportOverview | null> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("admin_support_overview", { org: organizationId });
  if (error?.message === "workspace_not_found") return null;
  if (error) throw new Error(`admin_support_overview: ${error.message}`);
  return overviewSchema.parse(data);
}

const sectionSchemas = {
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      created_at: z.string(),
      updated_at: z.string(),
    }),
  ),
  members: z.array(
    z.object({
      user_id: z.string(),
      email: z.string().nullable(),
      full_name: z.string().nullable(),
      role: z.string(),
      joined_at: z.string(),
    }),
  ),
  activity: z.array(auditEntrySchema),
  settings: z.object({
    name: z.string(),
    slug: z.string(),
    created_at: z.string(),
    members_can_view_activity: z.boolean(),
    plan_id: z.string().nullable(),
    plan_status: z.string().nullable(),
  }),
} satisfies Record<SupportSection, z.ZodType>;

export type SupportSectionData = {
  [S in SupportSection]: { section: S; rows: z.infer<(typeof sectionSchemas)[S]> };
}[SupportSection];

/**
 * One section of the workspace through the dedicated read-only view. The database
 * checks the caller's open grant and logs the view; without a grant it refuses
 * (support_grant_required), returned here as null.
 */
export async function readSupportSection(
  organizationId: string,
  section: SupportSection,
): Promise<SupportSectionData | null> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("admin_support_read", {
    org: organizationId,
    section,
  });
  if (error?.message === "support_grant_required") return null;
  if (error) throw new Error(`admin_support_read: ${error.message}`);
  switch (section) {
    case "projects":
      return { section, rows: sectionSchemas.projects.parse(data) };
    case "members":
      return { section, rows: sectionSchemas.members.parse(data) };
    case "activity":
      return { section, rows: sectionSchemas.activity.parse(data) };
    case "settings":
      return { section, rows: sectionSchemas.settings.parse(data) };
  }
}

/** Whether support access to the workspace waits for an owner's approval. */
export async function supportRequiresApproval(organizationId: string): Promise<boolean> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("organizations")
    .select("support_requires_approval")
    .eq("id", organizationId)
    .maybeSingle();
  if (error) throw new Error(`support_requires_approval: ${error.message}`);
  return data?.support_requires_approval ?? false;
}

/** Who had support access to the workspace, for its members (empty for anyone else). */
export async function listWorkspaceSupportGrants(organizationId: string): Promise<SupportGrant[]> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("get_support_grants", { org: organizationId });
  if (error) throw new Error(`get_support_grants: ${error.message}`);
  return data.map((row) => grantSchema.parse(row));
}
