import { Link } from "@/components/ui/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never prerendered: the CSP's script nonce is per request
  // (lib/security-headers.ts), and a prerendered page's scripts would carry none.
  await connection();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <Link
        href="/"
        className="mb-8 rounded focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        <Logo />
      </Link>
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-8 shadow-xs">
        {children}
      </div>
    </main>
  );
}
