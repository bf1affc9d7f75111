"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { switchTarget } from "@/lib/workspaces/switch-target";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LinkPendingIndicator } from "@/components/ui/link-pending";
import type { Role } from "@/lib/workspaces/validation";

interface SwitcherWorkspace {
  slug: string;
  name: string;
  role: Role;
}

/**
 * Lists every workspace of the user with their role; Escape, a click outside or
 * tabbing out of it closes it.
 */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: SwitcherWorkspace;
  workspaces: SwitcherWorkspace[];
}) {
  // Open "on" the page it was opened on: it stays open, its spinner turning, while
  // the chosen workspace loads, and closes by itself once the URL has changed.
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpenOn(null);
        trigger.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  return (
    <div
      ref={container}
      className="relative"
      onBlur={(event) => {
        // Only when focus lands elsewhere on the page: a click on a link inside does
        // not focus it in every browser (relatedTarget null), and must still navigate.
        const next = event.relatedTarget as Node | null;
        if (next && !container.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls="workspace-switcher-menu"
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        <span
          className="grid size-6 place-items-center rounded bg-zinc-900 text-xs text-white"
          aria-hidden
        >
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span data-testid="current-workspace">{current.name}</span>
        <span className="sr-only">, switch workspace</span>
        <svg className="size-4 text-zinc-500" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
          <path d="M5.23 7.21a.75.75 0 011.06.02L10 11.17l3.71-3.94a.75.75 0 111.08 1.04l-4.25 4.5a.75.75 0 01-1.08 0l-4.25-4.5a.75.75 0 01.02-1.06z" />
        </svg>
      </button>
      {open && (
        <div
          id="workspace-switcher-menu"
          className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          <p className="px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500">
            Your workspaces
          </p>
          <ul aria-label="Your workspaces">
            {workspaces.map((workspace) => {
              const isCurrent = workspace.slug === current.slug;
              return (
                <li key={workspace.slug}>
                  <Link
                    href={switchTarget(pathname, current.slug, workspace.slug)}
                    aria-current={isCurrent ? "page" : undefined}
                    onClick={isCurrent ? () => setOpen(false) : undefined}
                    className={cn(
                      "flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900",
                      isCurrent && "bg-zinc-50 font-medium",
                    )}
                  >
                    <span className="flex items-center gap-2 truncate">
                      <span
                        className={cn(
                          "size-1.5 rounded-full",
                          isCurrent ? "bg-emerald-500" : "bg-transparent",
                        )}
                        aria-hidden
                      />
                      {workspace.name}
                    </span>
                    <span className="flex items-center gap-2">
                      <LinkPendingIndicator />
                      <Badge tone={workspace.role}>{workspace.role}</Badge>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-zinc-100 pt-1">
            <Link
              href="/onboarding"
              className="block rounded-md px-3 py-2 text-sm text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
            >
              + Create workspace
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
