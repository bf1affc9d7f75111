import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-zinc-100 text-zinc-700",
  owner: "bg-violet-100 text-violet-800",
  admin: "bg-sky-100 text-sky-800",
  member: "bg-zinc-100 text-zinc-700",
  archived: "bg-amber-100 text-amber-800",
  active: "bg-emerald-100 text-emerald-800",
};

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: keyof typeof tones;
  children: ReactNode;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize",
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}
