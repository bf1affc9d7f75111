import { Link } from "@/components/ui/link";
import { z } from "zod";
import { TenantStatus } from "@/components/admin/tenant-status";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/field";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { listTenants, TENANTS_PER_PAGE } from "@/lib/lifecycle/admin-queries";

const querySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(0).max(10_000).catch(0),
});

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");
const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, count) => sum + count, 0);

/** The tenant list: search by name, slug or owner email; one bounded operator RPC per page. */
export default async function AdminHomePage({ searchParams }: PageProps<"/admin">) {
  await requirePlatformAdmin();
  const { q, page } = querySchema.parse(await searchParams);
  const { tenants, total: count } = await listTenants({ search: q, page });
  const pages = Math.max(1, Math.ceil(count / TENANTS_PER_PAGE));
  const link = (target: number) =>
    `/admin?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-zinc-900">Tenants</h1>
          <p className="text-sm text-zinc-600">
            {count} {count === 1 ? "workspace" : "workspaces"}
            {q ? ` matching “${q}”` : ""}.
          </p>
        </div>
        <form className="flex gap-2" role="search">
          <label htmlFor="tenant-search" className="sr-only">
            Search by name, slug or owner email
          </label>
          <input
            id="tenant-search"
            name="q"
            defaultValue={q}
            placeholder="Name, slug or owner email"
            className={`${inputClasses} w-72`}
          />
          <button type="submit" className="rounded-md bg-zinc-900 px-3 text-sm text-white">
            Search
          </button>
        </form>
      </div>
      <Card className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase">
            <tr>
              <th className="p-3">Workspace</th>
              <th className="p-3">Owner</th>
              <th className="p-3">Plan</th>
              <th className="p-3">Status</th>
              <th className="p-3 text-right">Members</th>
              <th className="p-3 text-right">Rows</th>
              <th className="p-3 text-right">API requests (month)</th>
              <th className="p-3">Last activity</th>
              <th className="p-3">Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {tenants.map((tenant) => (
              <tr key={tenant.id}>
                <td className="p-3">
                  <Link
                    href={`/admin/tenants/${tenant.id}`}
                    className="font-medium text-zinc-900 underline-offset-2 hover:underline"
                  >
                    {tenant.name}
                  </Link>
                  <div className="text-xs text-zinc-500">{tenant.slug}</div>
                </td>
                <td className="p-3">
                  {tenant.ownerEmails.join(", ") ||
                    (tenant.pendingOwnerEmail ? `${tenant.pendingOwnerEmail} (invited)` : "—")}
                </td>
                <td className="p-3">{tenant.planId ?? "—"}</td>
                <td className="p-3">
                  <TenantStatus status={tenant.status} />
                </td>
                <td className="p-3 text-right">{tenant.memberCount}</td>
                <td
                  className="p-3 text-right"
                  title={Object.entries(tenant.rowCounts)
                    .map(([table, rows]) => `${table}: ${rows}`)
                    .join("\n")}
                >
                  {total(tenant.rowCounts)}
                </td>
                <td className="p-3 text-right">{tenant.usage.api_requests ?? 0}</td>
                <td className="p-3">{day(tenant.lastActivityAt)}</td>
                <td className="p-3">{day(tenant.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {pages > 1 && (
        <nav className="flex gap-4 text-sm" aria-label="Pages">
          {page > 0 && <Link href={link(page - 1)}>← Previous</Link>}
          <span>
            Page {page + 1} of {pages}
          </span>
          {page + 1 < pages && <Link href={link(page + 1)}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
