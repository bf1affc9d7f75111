/**
 * A support grant's state as people read it. Pure, unit-tested: the console and the
 * workspace's settings show the same words.
 */

export interface GrantTimes {
  opened_at: string;
  approved_at: string | null;
  expires_at: string | null;
  closed_at: string | null;
}

/** pending: waiting for an owner's approval; lapsed: nobody approved it within a day. */
export type GrantStatus = "pending" | "open" | "expired" | "lapsed" | "closed";

/** How long a request may wait for an owner (approve_support_grant()). */
const APPROVAL_WINDOW_MS = 24 * 3_600_000;

const parse = (value: string) => new Date(value.replace(" ", "T").replace(/\+00$/, "Z"));

export function grantStatus(grant: GrantTimes, now: Date = new Date()): GrantStatus {
  if (grant.closed_at) return "closed";
  if (!grant.approved_at || !grant.expires_at)
    return parse(grant.opened_at).getTime() + APPROVAL_WINDOW_MS > now.getTime()
      ? "pending"
      : "lapsed";
  return parse(grant.expires_at).getTime() > now.getTime() ? "open" : "expired";
}

/** "expires in 43 min", "expires in 2 h 5 min", "expires in less than a minute". */
export function expiresIn(expiresAt: string, now: Date = new Date()): string {
  const minutes = Math.floor((parse(expiresAt).getTime() - now.getTime()) / 60_000);
  if (minutes < 1) return "expires in less than a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `expires in ${rest} min`;
  return rest === 0 ? `expires in ${hours} h` : `expires in ${hours} h ${rest} min`;
}
