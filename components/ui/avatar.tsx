import { cn } from "./cn";

/** "Alice Anderson" → "AA", "bob@globex.test" → "B": a person's or workspace's mark without an image. */
export function initials(name: string): string {
  const words = name
    .split("@")[0]!
    .split(/[\s._-]+/)
    .filter(Boolean);
  const letters = words.length > 1 ? words[0]![0]! + words.at(-1)![0]! : (words[0]?.[0] ?? "?");
  return letters.toUpperCase();
}

export function Avatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        "grid size-7 shrink-0 place-items-center rounded-full bg-zinc-900 text-xs font-semibold text-white",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
