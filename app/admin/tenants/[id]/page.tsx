import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { TenantActions } from "@/components/admin/tenant-actions";
import { TenantStatus } from "@/components/admin/tenant-status";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { getTenant, listAllPlans } from "@/lib/lifecycle/admin-queries";
import { deletionGraceDays } from "@/lib/lifecycle/validation";

/** One tenant: its figures and the lifecycle actions (each audited by the database). */
export default async function TenantOverviewPage({ params }: PageProps<"/admin/tenants/[id]">) {
  await requirePlatformAdmin();
  const { id } = await params;
  const [tenant, plans] = await Promise.all([getTenant(id), listAllPlans()]);
  if (!tenant) notFound();
  const facts: [string, string][] = [
    ["Slug", tenant.slug],
    ["Owner", tenant.ownerEmails.join(", ") || `${tenant.pendingOwnerEmail ?? "—"} (invited)`],
    ["Plan", `${tenant.planId ?? "—"} (${tenant.subscriptionStatus ?? "no subscription"})`],
    ["Members", String(tenant.memberCount)],
    ["Created", tenant.createdAt.slice(0, 10)],
    ["Last activity", tenant.lastActivityAt?.slice(0, 16).replace("T", " ") ?? "—"],
  ];
  if (tenant.suspendedAt)
    facts.push(["Suspended", `${tenant.suspendedAt.slice(0, 10)}: ${tenant.suspensionReason}`]);
  if (tenant.deletionDueAt) facts.push(["Deletion due", tenant.deletionDueAt.slice(0, 10)]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin" className="text-sm text-zinc-600">
          ← Tenants
        </Link>
        <h1 className="mt-1 flex items-center gap-3 text-2xl font-semibold text-zinc-900">
          {tenant.name} <TenantStatus status={tenant.status} />
        </h1>
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <Card className="p-6">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-zinc-500">{label}</dt>
                <dd className="text-zinc-900">{value}</dd>
              </div>
            ))}
          </dl>
          <h2 className="mt-6 text-sm font-semibold text-zinc-900">Rows per table</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {Object.entries(tenant.rowCounts).map(([table, rows]) => (
              <div key={table} className="contents">
                <dt className="text-zinc-500">{table}</dt>
                <dd className="text-zinc-900">{rows}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card className="p-6">
          <TenantActions
            tenant={{
              id: tenant.id,
              name: tenant.name,
              slug: tenant.slug,
              planId: tenant.planId,
              suspended: tenant.suspendedAt !== null,
              deletionScheduled: tenant.deletionDueAt !== null,
              pendingOwnerEmail: tenant.pendingOwnerEmail,
            }}
            plans={plans}
            graceDays={deletionGraceDays()}
          />
        </Card>
      </div>
      <Card className="flex flex-wrap items-center justify-between gap-3 p-6">
        <div>
          <h2 className="text-base font-semibold text-zinc-900">Support access</h2>
          <p className="text-sm text-zinc-600">
            Reading {tenant.name}&apos;s data takes a grant with a reason and an expiry, which the
            customer sees in their activity log.
          </p>
        </div>
        <Link href={`/admin/tenants/${tenant.id}/support`} className={buttonClasses("secondary")}>
          Support access
        </Link>
      </Card>
    </div>
  );
}
