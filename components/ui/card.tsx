import type { ReactNode } from "react";
import { cn } from "./cn";

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn("rounded-lg border border-zinc-200 bg-white shadow-xs", className)}>
      {children}
    </div>
  );
}
