import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";
import type { Role } from "./validation";

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
  /** Owners may let plain members read the activity log. */
  membersCanViewActivity: boolean;
}

/**
 * The workspaces the signed-in user belongs to, with their role, by name.
 * Read under the user's JWT: RLS returns only their own memberships' workspaces.
 */
export const listMyWorkspaces = cache(async (userId: string): Promise<Workspace[]> => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("organization_members")
    .select("role, organizations(id, name, slug, members_can_view_activity)")
    .eq("user_id", userId);
  if (error) throw new Error(`Could not load your workspaces: ${error.message}`);
  return data
    .flatMap(({ role, organizations: org }) =>
      org
        ? [
            {
              id: org.id,
              name: org.name,
              slug: org.slug,
              role,
              membersCanViewActivity: org.members_can_view_activity,
            },
          ]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
});

/** The user's workspace with this slug, or null: not a member and not existing look the same. */
export async function findMyWorkspace(userId: string, slug: string): Promise<Workspace | null> {
  const workspaces = await listMyWorkspaces(userId);
  return workspaces.find((workspace) => workspace.slug === slug) ?? null;
}
