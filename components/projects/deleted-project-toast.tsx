"use client";

import { usePathname, useRouter } from "next/navigation";
import { startTransition, useEffect, useRef } from "react";
import { idleForm, type FormState } from "@/lib/forms";
import { useToast } from "@/components/ui/toast";

/**
 * "Deleted “X”." with Undo, once, after the delete redirected here. Undo is the
 * activity log's restore (restore_project), which brings the project back with its
 * id and opens it again. The `?deleted=` parameter leaves the address at once, so a
 * reload or a shared link shows nothing.
 */
export function DeletedProjectToast({
  entryId,
  name,
  restore,
}: {
  /** The deletion's audit entry, or null when there is nothing to restore from. */
  entryId: number | null;
  name: string | null;
  restore: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const toast = useToast();
  const router = useRouter();
  const pathname = usePathname();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    router.replace(pathname, { scroll: false });
    const undo = () =>
      startTransition(async () => {
        const formData = new FormData();
        formData.set("entryId", String(entryId));
        // A success redirects to the restored project; only a refusal comes back.
        const result = await restore(idleForm, formData);
        if (result.status === "error")
          toast({ message: result.message ?? "The project could not be restored.", tone: "error" });
      });
    toast({
      message: name ? `Deleted “${name}”.` : "Project deleted.",
      action: entryId ? { label: "Undo", onAction: undo } : undefined,
    });
  }, [entryId, name, pathname, restore, router, toast]);
  return null;
}
