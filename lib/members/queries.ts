import "server-only";
import { createClient } from "@/lib/supabase/server";
import type { Role } from "@/lib/workspaces/validation";

export interface Member {
  userId: string;
  email: string;
  fullName: string | null;
  role: Role;
  joinedAt: string;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  expired: boolean;
}

const roleOrder: Record<Role, number> = { owner: 0, admin: 1, member: 2 };

/** Members of the workspace with their names; RLS lets members see co-members only. */
export async function listMembers(organizationId: string): Promise<Member[]> {
  const supabase = await createClient();
  const { data: memberships, error } = await supabase
    .from("organization_members")
    .select("user_id, role, created_at")
    .eq("organization_id", organizationId);
  if (error) throw new Error(`Could not load members: ${error.message}`);
  const ids = memberships.map((membership) => membership.user_id);
  const { data: profiles, error: profileError } = await supabase
    .from("profiles")
    .select("id, email, full_name")
    .in("id", ids.length > 0 ? ids : ["00000000-0000-0000-0000-000000000000"]);
  if (profileError) throw new Error(`Could not load members: ${profileError.message}`);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return memberships
    .map((membership) => ({
      userId: membership.user_id,
      email: byId.get(membership.user_id)?.email ?? "",
      fullName: byId.get(membership.user_id)?.full_name ?? null,
      role: membership.role,
      joinedAt: membership.created_at,
    }))
    .sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.email.localeCompare(b.email));
}

/** Pending invitations (owners and admins only: RLS returns none to members). */
export async function listPendingInvitations(organizationId: string): Promise<PendingInvitation[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("invitations")
    .select("id, email, role, expires_at, created_at")
    .eq("organization_id", organizationId)
    .is("accepted_at", null)
    .is("revoked_at", null)
    .order("created_at", { ascending: false });
  if (error) throw new Error(`Could not load invitations: ${error.message}`);
  const now = Date.now();
  return data.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    expired: new Date(row.expires_at).getTime() < now,
  }));
}
