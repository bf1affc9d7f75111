"use client";

import { useEffect } from "react";
import { LAST_WORKSPACE_COOKIE } from "@/lib/workspaces/resolve";

/** Stores the current workspace as the landing hint for the next visit (re-validated then). */
export function RememberWorkspace({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${LAST_WORKSPACE_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
  }, [slug]);
  return null;
}
