"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { switchTarget } from "@/lib/workspaces/switch-target";
import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { LinkPendingIndicator } from "@/components/ui/link-pending";
import { WorkspaceAvatar } from "@/components/workspaces/workspace-avatar";
import { roleLabel, type Role } from "@/lib/workspaces/validation";

interface SwitcherWorkspace {
  slug: string;
  name: string;
  role: Role;
}

/** From this many workspaces on, the menu starts with a filter field. */
const FILTER_FROM = 6;

const matches = (workspace: SwitcherWorkspace, query: string) => {
  const needle = query.trim().toLowerCase();
  return (
    workspace.name.toLowerCase().includes(needle) || workspace.slug.toLowerCase().includes(needle)
  );
};

/**
 * Lists every workspace of the user with their role. Keyboard: ArrowDown on the
 * button opens it on the first entry; ArrowUp/ArrowDown/Home/End move between
 * entries; typing in the filter (long lists) narrows them and Enter opens the first
 * match; Escape, a click outside or tabbing out of it closes it.
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
  const menu = useRef<HTMLDivElement>(null);
  const filterField = useRef<HTMLInputElement>(null);
  // The filter belongs to one opening of the menu: reopening starts from the full list.
  const [filter, setFilter] = useState({ openOn: null as string | null, text: "" });
  const query = open && filter.openOn === openOn ? filter.text : "";
  const setQuery = (text: string) => setFilter({ openOn, text });
  // Opened with ArrowDown: focus goes to the first entry instead of the filter.
  const focusFirstEntry = useRef(false);
  const filterable = workspaces.length >= FILTER_FROM;
  const shown = query ? workspaces.filter((workspace) => matches(workspace, query)) : workspaces;

  const entries = () => [
    ...(menu.current?.querySelectorAll<HTMLElement>("[data-switcher-entry]") ?? []),
  ];
  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = entries();
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next =
      event.key === "ArrowDown"
        ? (at + 1) % list.length
        : event.key === "ArrowUp"
          ? at <= 0
            ? list.length - 1
            : at - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? list.length - 1
              : null;
    if (next === null) return;
    // In the filter field Home/End move the caret, as in any text field.
    if ((event.key === "Home" || event.key === "End") && at === -1) return;
    event.preventDefault();
    list[next]!.focus();
  };

  useEffect(() => {
    if (!open) return;
    if (focusFirstEntry.current) entries()[0]?.focus();
    else filterField.current?.focus();
    focusFirstEntry.current = false;
  }, [open]);

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
        onKeyDown={(event) => {
          if (event.key !== "ArrowDown") return;
          event.preventDefault();
          focusFirstEntry.current = true;
          setOpen(true);
        }}
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-zinc-900 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        <WorkspaceAvatar name={current.name} slug={current.slug} />
        <span data-testid="current-workspace">{current.name}</span>
        <span className="sr-only">, switch workspace</span>
        <svg className="size-4 text-zinc-500" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
          <path d="M5.23 7.21a.75.75 0 011.06.02L10 11.17l3.71-3.94a.75.75 0 111.08 1.04l-4.25 4.5a.75.75 0 01-1.08 0l-4.25-4.5a.75.75 0 01.02-1.06z" />
        </svg>
      </button>
      {open && (
        <div
          id="workspace-switcher-menu"
          ref={menu}
          onKeyDown={onMenuKey}
          className="absolute left-0 z-20 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          <p className="px-3 py-2 text-xs font-medium uppercase tracking-wide text-zinc-500">
            Your workspaces
          </p>
          {filterable && (
            <div className="px-1 pb-1">
              <input
                ref={filterField}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key !== "Enter") return;
                  event.preventDefault();
                  entries()[0]?.click();
                }}
                aria-label="Find a workspace"
                placeholder="Find a workspace…"
                className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-zinc-900"
              />
            </div>
          )}
          {shown.length === 0 && (
            <p className="px-3 py-2 text-sm text-zinc-600" role="status">
              No workspace matches “{query.trim()}”.
            </p>
          )}
          <ul aria-label="Your workspaces" className="max-h-80 overflow-y-auto">
            {shown.map((workspace) => {
              const isCurrent = workspace.slug === current.slug;
              return (
                <li key={workspace.slug}>
                  <Link
                    href={switchTarget(pathname, current.slug, workspace.slug)}
                    data-switcher-entry
                    aria-current={isCurrent ? "page" : undefined}
                    onClick={isCurrent ? () => setOpen(false) : undefined}
                    className={cn(
                      "flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900",
                      isCurrent && "bg-zinc-50 font-medium",
                    )}
                  >
                    <span className="flex min-w-0 items-center gap-2">
                      <WorkspaceAvatar name={workspace.name} slug={workspace.slug} />
                      <span className="truncate">{workspace.name}</span>
                      {isCurrent && (
                        <span
                          className="size-1.5 shrink-0 rounded-full bg-emerald-500"
                          aria-hidden
                        />
                      )}
                    </span>
                    <span className="flex items-center gap-2">
                      <LinkPendingIndicator />
                      <Badge tone={workspace.role}>{roleLabel(workspace.role)}</Badge>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
          <div className="mt-1 border-t border-zinc-100 pt-1">
            <Link
              href="/onboarding"
              data-switcher-entry
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
