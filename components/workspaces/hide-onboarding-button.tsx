"use client";

import { useRouter } from "next/navigation";
import { ONBOARDING_HIDDEN_COOKIE, withHiddenWorkspace } from "@/lib/workspaces/onboarding";

/** "Hide": remembered in this browser only; the checklist is a hint, not a setting. */
export function HideOnboardingButton({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={() => {
        const current = document.cookie
          .split("; ")
          .find((part) => part.startsWith(`${ONBOARDING_HIDDEN_COOKIE}=`))
          ?.split("=")[1];
        const value = withHiddenWorkspace(current, workspaceId);
        document.cookie = `${ONBOARDING_HIDDEN_COOKIE}=${value}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
      className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-zinc-900"
    >
      Hide
    </button>
  );
}
