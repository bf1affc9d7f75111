"use client";

import type { ReactNode } from "react";

/** A link to a field on the same page that puts the cursor in it (a plain #fragment only scrolls). */
export function FocusLink({
  target,
  className,
  children,
}: {
  target: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a
      href={`#${target}`}
      className={className}
      onClick={(event) => {
        const field = document.getElementById(target);
        if (!field) return;
        event.preventDefault();
        field.scrollIntoView({ block: "center" });
        field.focus();
      }}
    >
      {children}
    </a>
  );
}
