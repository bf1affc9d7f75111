import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Logo } from "@/components/logo";
import { requirePlatformAdmin } from "@/lib/admin/guard";

export const metadata: Metadata = { title: "Operator console", robots: { index: false } };

/** The operator console's frame. Every page below also calls requirePlatformAdmin(). */
export default async function AdminLayout({ children }: LayoutProps<"/admin">) {
  const operator = await requirePlatformAdmin();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4">
          <div className="flex items-center gap-3">
            <Link href="/admin">
              <Logo />
            </Link>
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
              Operator console
            </span>
          </div>
          <nav aria-label="Console" className="flex items-center gap-4 text-sm">
            <Link href="/admin" className="text-zinc-700 hover:text-zinc-900">
              Tenants
            </Link>
            <Link href="/admin/health" className="text-zinc-700 hover:text-zinc-900">
              Health
            </Link>
            <span className="hidden truncate text-zinc-600 sm:inline">{operator.email}</span>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
