import { initials } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";

// Pairs from the palette that flips in dark mode (app/globals.css), each with the
// contrast of the role badges.
const tones = [
  "bg-violet-100 text-violet-800",
  "bg-sky-100 text-sky-800",
  "bg-emerald-100 text-emerald-800",
  "bg-amber-100 text-amber-800",
  "bg-zinc-200 text-zinc-800",
];

/** The same workspace gets the same colour everywhere: it follows the slug, which is stable. */
function toneOf(slug: string): string {
  let hash = 0;
  for (const char of slug) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return tones[hash % tones.length]!;
}

/** A workspace's mark: its initials ("Acme Inc" → "AI") on its colour. Decorative. */
export function WorkspaceAvatar({
  name,
  slug,
  className,
}: {
  name: string;
  slug: string;
  className?: string;
}) {
  return (
    <span
      aria-hidden
      data-testid="workspace-avatar"
      className={cn(
        "grid size-6 shrink-0 place-items-center rounded text-[0.65rem] font-semibold",
        toneOf(slug),
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
