import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";

/** The signed-in user's own profile (the name they chose), read under RLS. Cached per request. */
export const getMyProfile = cache(async (userId: string) => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("profiles")
    .select("full_name, email")
    .eq("id", userId)
    .maybeSingle();
  if (error) throw new Error(`Could not load your profile: ${error.message}`);
  return { fullName: data?.full_name ?? null, email: data?.email ?? "" };
});

/**
 * The workspaces of which the user is the only owner: while there is one, their
 * account cannot be deleted (delete_my_account() refuses with last_owner_anywhere),
 * and the page names them. Read under RLS: members see their workspaces' memberships.
 */
export const getSoleOwnedWorkspaces = cache(async (userId: string) => {
  const supabase = await createClient();
  const { data: owned, error } = await supabase
    .from("organization_members")
    .select("organization_id, organizations(name, slug)")
    .eq("user_id", userId)
    .eq("role", "owner");
  if (error) throw new Error(`Could not load your workspaces: ${error.message}`);
  if (owned.length === 0) return [];
  const { data: owners, error: ownersError } = await supabase
    .from("organization_members")
    .select("organization_id")
    .eq("role", "owner")
    .neq("user_id", userId)
    .in(
      "organization_id",
      owned.map((row) => row.organization_id),
    );
  if (ownersError) throw new Error(`Could not load your workspaces: ${ownersError.message}`);
  const shared = new Set(owners.map((row) => row.organization_id));
  return owned
    .flatMap(({ organization_id, organizations: workspace }) =>
      workspace && !shared.has(organization_id)
        ? [{ name: workspace.name, slug: workspace.slug }]
        : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
});
