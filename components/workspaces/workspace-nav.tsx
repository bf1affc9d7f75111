"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { LinkPendingIndicator } from "@/components/ui/link-pending";

export function WorkspaceNav({ slug, showActivity }: { slug: string; showActivity: boolean }) {
  const pathname = usePathname();
  const base = `/w/${slug}`;
  const items = [
    {
      href: base,
      label: "Projects",
      active: pathname === base || pathname.startsWith(`${base}/projects`),
    },
    ...(showActivity
      ? [
          {
            href: `${base}/activity`,
            label: "Activity",
            active: pathname.startsWith(`${base}/activity`),
          },
        ]
      : []),
    {
      href: `${base}/settings/members`,
      label: "Members",
      active: pathname.startsWith(`${base}/settings/members`),
    },
    { href: `${base}/settings`, label: "Settings", active: pathname === `${base}/settings` },
  ];
  return (
    // Scrolls sideways inside itself on a narrow screen instead of widening the page.
    <nav
      aria-label="Workspace"
      className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-2 [scrollbar-width:none] sm:px-4"
    >
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={cn(
            "-mb-px flex shrink-0 items-center gap-1.5 border-b-2 py-2.5 pr-1.5 pl-2 text-sm sm:pl-3 font-medium focus-visible:outline-2 focus-visible:outline-zinc-900",
            item.active
              ? "border-zinc-900 text-zinc-900"
              : "border-transparent text-zinc-600 hover:text-zinc-900",
          )}
        >
          {item.label}
          <LinkPendingIndicator />
        </Link>
      ))}
    </nav>
  );
}
