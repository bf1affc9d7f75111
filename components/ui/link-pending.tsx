"use client";

import { useLinkStatus } from "next/link";
import { cn } from "./cn";

/**
 * A small spinner for the inside of a next/link Link, turning while the page it
 * opens is loading: feedback for slow navigations without a route-level
 * loading.tsx (which would stream pages with status 200, even their 404s).
 */
export function LinkPendingIndicator({ className }: { className?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden
      data-pending={pending || undefined}
      className={cn(
        "inline-block size-3 shrink-0 rounded-full border-2 border-zinc-300 border-t-zinc-900",
        pending ? "animate-spin" : "invisible",
        className,
      )}
    />
  );
}
