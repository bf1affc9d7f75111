import "server-only";
import { z } from "zod";
import { createClient } from "@/lib/supabase/server";
import { activityCursorSchema, encodeActivityCursor } from "./cursor";
import { ACTION_FILTERS, auditEntrySchema, TABLE_FILTERS, type AuditEntry } from "./describe";

export const PAGE_SIZE = 30;

export const activityFiltersSchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  action: z.enum(ACTION_FILTERS).optional().catch(undefined),
  table: z.enum(TABLE_FILTERS).optional().catch(undefined),
  /** Cursor: show entries older than this one (lib/activity/cursor.ts). */
  before: activityCursorSchema.optional().catch(undefined),
});
export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

const COLUMNS =
  "id, actor_id, actor_kind, actor_label, action, table_name, record_id, old_data, new_data, created_at";

/**
 * A page of the workspace's activity, newest first, with keyset pagination on
 * (created_at, id): stable while new entries arrive, and served by the index
 * audit_logs_org_created_idx (tests/integration/query-plans.test.ts checks the plan).
 * RLS returns nothing to users who may not read the log.
 */
export async function listActivity(organizationId: string, filters: ActivityFilters) {
  const supabase = await createClient();
  let query = supabase.from("audit_logs").select(COLUMNS).eq("organization_id", organizationId);
  if (filters.actor) query = query.eq("actor_id", filters.actor);
  if (filters.action) query = query.eq("action", filters.action);
  if (filters.table) query = query.eq("table_name", filters.table);
  if (filters.before) {
    // (created_at, id) < cursor, spelled so that "created_at <=" bounds the index range.
    const { createdAt, id } = filters.before;
    query = query.lte("created_at", createdAt).or(`created_at.lt.${createdAt},id.lt.${id}`);
  }
  const { data, error } = await query
    .order("created_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(PAGE_SIZE + 1);
  if (error) throw new Error(`Could not load the activity: ${error.message}`);
  const entries = data.slice(0, PAGE_SIZE).map((row) => auditEntrySchema.parse(row));
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: data.length > PAGE_SIZE && last ? encodeActivityCursor(last) : undefined,
  };
}

export interface ActivityActor {
  actor_id: string;
  /** The name recorded on their latest entry. */
  actor_label: string | null;
}

/**
 * Everyone who ever acted in the workspace's log, former members included
 * (get_activity_actors, under the log's RLS policy: empty for non-readers).
 */
export async function listActivityActors(organizationId: string): Promise<ActivityActor[]> {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("get_activity_actors", { org: organizationId });
  if (error) throw new Error(`Could not load the people of the activity log: ${error.message}`);
  return data;
}

/**
 * The people of the log who deleted their account: delete_my_account() records
 * "account.deleted" on their membership of every workspace they were in. The log
 * keeps their ids and the labels it recorded; the views name them "Deleted user".
 */
export async function listDeletedAccounts(organizationId: string): Promise<string[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("audit_logs")
    .select("actor_id")
    .eq("organization_id", organizationId)
    .eq("action", "account.deleted")
    .eq("table_name", "organization_members");
  if (error) throw new Error(`Could not load the deleted accounts: ${error.message}`);
  return data.flatMap((row) => (row.actor_id ? [row.actor_id] : []));
}

export async function getActivityEntry(
  organizationId: string,
  id: number,
): Promise<AuditEntry | null> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("audit_logs")
    .select(COLUMNS)
    .eq("organization_id", organizationId)
    .eq("id", id)
    .maybeSingle();
  if (error) throw new Error(`Could not load the entry: ${error.message}`);
  return data && auditEntrySchema.parse(data);
}

export interface ActivityRequest {
  /** As reported by the client (docs/audit.md). */
  ip: string | null;
  user_agent: string | null;
}

/**
 * Where an entry's request came from: for owners and admins of the workspace
 * (get_activity_request); null for anyone else, members who read the log included.
 */
export async function getActivityRequest(auditLogId: number): Promise<ActivityRequest | null> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .rpc("get_activity_request", { audit_log_id: auditLogId })
    .maybeSingle();
  if (error) throw new Error(`Could not load the entry's request: ${error.message}`);
  return data;
}

/** Whether the deleted project of a restorable entry is back already. */
export async function projectExists(organizationId: string, projectId: string): Promise<boolean> {
  const supabase = await createClient();
  const { data } = await supabase
    .from("projects")
    .select("id")
    .eq("organization_id", organizationId)
    .eq("id", projectId)
    .maybeSingle();
  return data !== null;
}
