"use client";

import Form from "next/form";
import type { ReactNode } from "react";

/**
 * The activity filters: a GET form (the URL is the state, so filters survive reloads
 * and links), applied as soon as a select changes. The Filter button stays for
 * keyboard users who prefer to choose first, and for browsers without JavaScript.
 */
export function ActivityFiltersForm({ action, children }: { action: string; children: ReactNode }) {
  return (
    <Form
      action={action}
      onChange={(event) => event.currentTarget.requestSubmit()}
      className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-4 sm:items-end"
      aria-label="Filter activity"
    >
      {children}
    </Form>
  );
}
