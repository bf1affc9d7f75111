/**
 * A support grant's state as people read it. Pure, unit-tested: the console and the
 * workspace's settings show the same words.
 */

export interface GrantTimes {
  expires_at: string;
  closed_at: string | null;
}

export type GrantStatus = "open" | "expired" | "closed";

const parse = (value: string) => new Date(value.replace(" ", "T").replace(/\+00$/, "Z"));

export function grantStatus(grant: GrantTimes, now: Date = new Date()): GrantStatus {
  if (grant.closed_at) return "closed";
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
