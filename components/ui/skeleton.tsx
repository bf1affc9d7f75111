import { cn } from "./cn";

/** A grey placeholder bar while content loads. */
export function SkeletonBar({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded bg-zinc-100", className)} />;
}

/** Placeholder rows in the shape of the app's bordered lists. */
export function ListSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div
      className="space-y-px overflow-hidden rounded-lg border border-zinc-200 bg-white"
      role="status"
      aria-busy="true"
      aria-label={label}
    >
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex items-center justify-between px-4 py-3">
          <SkeletonBar className="h-4 w-48" />
          <SkeletonBar className="h-3 w-20" />
        </div>
      ))}
    </div>
  );
}
