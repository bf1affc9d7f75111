import { requirePlatformAdmin } from "@/lib/admin/guard";

export default async function AdminHomePage() {
  await requirePlatformAdmin();
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold text-zinc-900">Tenants</h1>
      <p className="text-sm text-zinc-600">The tenant list arrives with the lifecycle work.</p>
    </div>
  );
}
