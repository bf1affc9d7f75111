import type { SupportGrant } from "@/lib/support/queries";
import { exactTime } from "@/lib/activity/describe";
import { supportDuration } from "@/lib/activity/describe";
import { expiresIn, grantStatus, type GrantStatus } from "@/lib/support/status";
import { Badge } from "@/components/ui/badge";
import type { ReactNode } from "react";

const when = (value: string) => exactTime(new Date(value.replace(" ", "T").replace(/\+00$/, "Z")));

/** The grant's time line after "Opened …", by status. */
function detail(grant: SupportGrant, status: GrantStatus, now: Date): string {
  switch (status) {
    case "pending":
      return `waiting for an owner's approval (asked for ${supportDuration(grant.minutes)})`;
    case "lapsed":
      return "nobody approved it within a day";
    case "open":
      return grant.expires_at ? expiresIn(grant.expires_at, now) : "";
    case "expired":
      return `expired ${when(grant.expires_at ?? grant.opened_at)}`;
    case "closed":
      return `closed ${when(grant.closed_at ?? grant.opened_at)} by ${grant.closed_by ?? "support"}`;
  }
}

/**
 * Support grants, newest first: who, why, when, until when. Shown to the operator in
 * the console and to a workspace's members in its settings; `actions` adds buttons
 * per open or pending grant (the console's Close, an owner's Approve and Revoke).
 */
export function GrantList({
  grants,
  actions,
  now = new Date(),
}: {
  grants: SupportGrant[];
  actions?: (grant: SupportGrant, status: "open" | "pending") => ReactNode;
  now?: Date;
}) {
  if (grants.length === 0)
    return <p className="text-sm text-zinc-600">No support access has ever been opened.</p>;
  return (
    <ul className="divide-y divide-zinc-100" data-testid="support-grants">
      {grants.map((grant) => {
        const status = grantStatus(grant, now);
        return (
          <li key={grant.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            <div className="min-w-0 space-y-1">
              <p className="text-sm text-zinc-900">
                <span className="font-medium">Support ({grant.operator_email})</span>:{" "}
                {grant.reason}
              </p>
              <p className="text-xs text-zinc-600">
                Opened {when(grant.opened_at)}
                {grant.approved_by && grant.approved_by !== "automatic"
                  ? `, approved by ${grant.approved_by}`
                  : ""}{" "}
                · {detail(grant, status, now)}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <Badge
                tone={status === "open" ? "active" : status === "pending" ? "archived" : "neutral"}
              >
                {status}
              </Badge>
              {(status === "open" || status === "pending") && actions?.(grant, status)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
