import "server-only";
import { z } from "zod";
import { createClient } from "@/lib/supabase/server";

/** The console's tenant list page size. */
export const TENANTS_PER_PAGE = 50;

const rowCounts = z.record(z.string(), z.number());
const usage = z.record(z.string(), z.number());

/**
 * Tenants as the operator sees them, from public.admin_list_workspaces() under the
 * operator's JWT (the function checks the platform-admin table itself).
 */
export async function listTenants({
  search,
  workspace,
  page = 0,
}: {
  search?: string;
  workspace?: string;
  page?: number;
}) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("admin_list_workspaces", {
    search: search || undefined,
    workspace,
    max_rows: TENANTS_PER_PAGE,
    skip: page * TENANTS_PER_PAGE,
  });
  if (error) throw new Error(`admin_list_workspaces: ${error.message}`);
  return {
    total: Number(data[0]?.total_count ?? 0),
    tenants: data.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      planId: row.plan_id,
      subscriptionStatus: row.subscription_status,
      status: row.status,
      suspendedAt: row.suspended_at,
      suspensionReason: row.suspension_reason,
      deletionDueAt: row.deletion_due_at,
      ownerEmails: row.owner_emails,
      pendingOwnerEmail: row.pending_owner_email,
      memberCount: Number(row.member_count),
      rowCounts: rowCounts.parse(row.row_counts),
      usage: usage.parse(row.usage),
      lastActivityAt: row.last_activity_at,
      createdAt: row.created_at,
    })),
  };
}
export type Tenant = Awaited<ReturnType<typeof listTenants>>["tenants"][number];

/** One tenant for the overview page, or null (a missing id is the console's 404). */
export async function getTenant(id: string): Promise<Tenant | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const { tenants } = await listTenants({ workspace: id });
  return tenants[0] ?? null;
}

/** The plans an operator may move a workspace to (every plan, hidden ones too). */
export async function listAllPlans() {
  const supabase = await createClient();
  const { data, error } = await supabase.from("plans").select("id, name").order("sort_order");
  if (error) throw new Error(`plans: ${error.message}`);
  return data;
}
