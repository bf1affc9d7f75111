import type { SupportGrant } from "@/lib/support/queries";
import { exactTime } from "@/lib/activity/describe";
import { expiresIn, grantStatus } from "@/lib/support/status";
import { Badge } from "@/components/ui/badge";
import type { ReactNode } from "react";

const when = (value: string) => exactTime(new Date(value.replace(" ", "T").replace(/\+00$/, "Z")));

/**
 * Support grants, newest first: who, why, when, until when. Shown to the operator in
 * the console and to a workspace's members in its settings; `actions` adds a button
 * per open grant (the console's Close).
 */
export function GrantList({
  grants,
  actions,
  now = new Date(),
}: {
  grants: SupportGrant[];
  actions?: (grant: SupportGrant) => ReactNode;
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
                Opened {when(grant.opened_at)} ·{" "}
                {status === "open"
                  ? expiresIn(grant.expires_at, now)
                  : status === "expired"
                    ? `expired ${when(grant.expires_at)}`
                    : `closed ${when(grant.closed_at ?? grant.expires_at)} by ${grant.closed_by ?? "support"}`}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <Badge tone={status === "open" ? "active" : "neutral"}>{status}</Badge>
              {status === "open" && actions?.(grant)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
