"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "./cn";
import { ConfirmDialogPanel, type ConfirmDialogContent } from "./confirm-dialog";

export interface RowMenuItem extends ConfirmDialogContent {
  label: string;
  danger?: boolean;
}

/**
 * The "…" menu of a list row: actions that each confirm in a dialog. A menu button
 * in the WAI-ARIA pattern: Enter, Space or ArrowDown opens it on the first item,
 * arrows move, Escape or Tab closes it, and focus returns to the button.
 */
export function RowMenu({ label, items }: { label: string; items: RowMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<number | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuItems = () => [
    ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
  ];

  useEffect(() => {
    if (!open) return;
    menuItems()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current)
        setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="grid size-8 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900"
      >
        <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden>
          <path d="M4 10a1.5 1.5 0 103 0 1.5 1.5 0 00-3 0zm4.5 0a1.5 1.5 0 103 0 1.5 1.5 0 00-3 0zm4.5 0a1.5 1.5 0 103 0 1.5 1.5 0 00-3 0z" />
        </svg>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={label}
          className="absolute right-0 z-20 mt-1 w-52 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
          onKeyDown={(event) => {
            const all = menuItems();
            const at = all.indexOf(document.activeElement as HTMLButtonElement);
            const moves: Record<string, number> = {
              ArrowDown: (at + 1) % all.length,
              ArrowUp: (at - 1 + all.length) % all.length,
              Home: 0,
              End: all.length - 1,
            };
            if (event.key in moves) {
              event.preventDefault();
              all[moves[event.key]!]?.focus();
            } else if (event.key === "Escape") {
              event.preventDefault();
              close();
            } else if (event.key === "Tab") {
              setOpen(false);
            }
          }}
        >
          {items.map((item, index) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                setDialog(index);
              }}
              className={cn(
                "block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none",
                item.danger ? "text-red-700" : "text-zinc-800",
              )}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      {items.map(({ label: itemLabel, danger: _danger, ...content }, index) => (
        <ConfirmDialogPanel
          key={itemLabel}
          {...content}
          open={dialog === index}
          onClose={() => {
            setDialog(null);
            button.current?.focus();
          }}
        />
      ))}
    </div>
  );
}
