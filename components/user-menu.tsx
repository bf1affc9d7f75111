"use client";

import { Link } from "@/components/ui/link";
import { useEffect, useId, useRef, useState } from "react";
import { ThemeToggle } from "@/components/theme-toggle";
import type { Theme } from "@/lib/theme";
import { Avatar } from "@/components/ui/avatar";

/**
 * Who is signed in (always shown, on every screen size, as their initials) and
 * what they can do about it: account settings, theme, sign out. A disclosure, not
 * an ARIA menu: it holds a radio group and a form, which a menu role cannot.
 * Escape and a click outside close it.
 */
export function UserMenu({
  name,
  email,
  theme,
  signOut,
}: {
  name: string | null;
  email: string;
  theme: Theme;
  signOut: () => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-full p-0.5 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900 md:rounded-md md:py-1 md:pr-2 md:pl-1"
      >
        <Avatar name={name ?? email} />
        <span className="sr-only">Account menu for {email}</span>
        <span
          aria-hidden
          className="hidden max-w-48 truncate text-sm text-zinc-700 md:inline"
          data-testid="signed-in-as"
        >
          {email}
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-30 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
      >
        <div className="px-3 py-2">
          {name && <p className="truncate text-sm font-medium text-zinc-900">{name}</p>}
          <p className="truncate text-xs text-zinc-600">{email}</p>
        </div>
        <div className="border-t border-zinc-100 pt-1">
          <Link
            href="/account"
            onClick={() => setOpen(false)}
            className="block rounded-md px-3 py-2 text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
          >
            Account settings
          </Link>
        </div>
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <span className="text-sm text-zinc-800">Theme</span>
          <ThemeToggle initial={theme} />
        </div>
        <form action={signOut} className="border-t border-zinc-100 pt-1">
          <button
            type="submit"
            className="block w-full rounded-md px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-zinc-900"
          >
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
