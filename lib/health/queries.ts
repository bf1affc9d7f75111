import "server-only";
import { createClient } from "@/lib/supabase/server";
import { tenantHealth, type TenantLoad } from "./stats";

/** Every workspace's page loads over the last `hours`, with p50/p95 and the slow flag (operators only). */
export async function getTenantHealth(hours = 24) {
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("admin_tenant_health", { hours });
  if (error) throw new Error(`admin_tenant_health: ${error.message}`);
  const loads: TenantLoad[] = data.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    slug: row.slug,
    requests: row.requests,
    queries: row.queries,
    histogram: row.server_ms_histogram,
  }));
  return tenantHealth(loads);
}
