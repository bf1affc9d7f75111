import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { getTenantHealth } from "@/lib/health/queries";
import { OUTLIER_FACTOR } from "@/lib/health/stats";

export const metadata: Metadata = { title: "Tenant health · Operator console" };

const ms = (value: number | null) =>
  value === null ? "—" : value > 3200 ? "> 3.2 s" : `${value} ms`;
const cell = "px-3 py-2 text-sm text-zinc-900";
const head = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500";

/**
 * Per-tenant health over the last 24 hours: server time of each workspace's page
 * loads (p50, p95, from hourly histograms) and Supabase calls per page; tenants whose
 * p95 is far above the median of all tenants are flagged and listed first.
 */
export default async function TenantHealthPage() {
  await requirePlatformAdmin();
  const { tenants, medianP95 } = await getTenantHealth(24);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Tenant health</h1>
        <p className="text-sm text-zinc-600">
          Workspace page loads over the last 24 hours. Median p95 of all tenants: {ms(medianP95)}.
          Slow: p95 at least {OUTLIER_FACTOR}× the median and 200 ms above it, on 20 page loads or
          more.
        </p>
      </div>
      <Card className="overflow-x-auto p-2">
        {tenants.length === 0 ? (
          <p className="p-4 text-sm text-zinc-600">No workspace page loads recorded yet.</p>
        ) : (
          <table className="w-full" data-testid="tenant-health">
            <thead>
              <tr>
                <th className={head}>Workspace</th>
                <th className={head}>Page loads</th>
                <th className={head}>p50</th>
                <th className={head}>p95</th>
                <th className={head}>Supabase calls / page</th>
                <th className={head}>Flag</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {tenants.map((tenant) => (
                <tr key={tenant.organizationId}>
                  <td className={cell}>
                    <Link
                      href={`/admin/tenants/${tenant.organizationId}`}
                      className="underline underline-offset-2"
                    >
                      {tenant.name}
                    </Link>{" "}
                    <span className="font-mono text-xs text-zinc-500">/w/{tenant.slug}</span>
                  </td>
                  <td className={cell}>{tenant.requests}</td>
                  <td className={cell}>{ms(tenant.p50)}</td>
                  <td className={cell}>{ms(tenant.p95)}</td>
                  <td className={cell}>{tenant.queriesPerPage ?? "—"}</td>
                  <td className={cell}>{tenant.slow && <Badge tone="archived">slow</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
