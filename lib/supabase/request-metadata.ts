import { z } from "zod";

/** The caps the audit trigger applies too (private.audit_tenant_change()). */
export const USER_AGENT_MAX = 512;

const address = z.union([z.ipv4(), z.ipv6()]);

/**
 * The browser's address and user agent, as headers to forward to the Supabase API for
 * the audit log's request metadata. They are claims, not proof: X-Forwarded-For is
 * whatever reached this server, which is trustworthy only behind a proxy that
 * overwrites it (Vercel does), and anyone calling the Supabase API directly sets their
 * own. The audit log shows them as reported (docs/audit.md).
 *
 * Bounded here as in the database: the first X-Forwarded-For entry only if it is an
 * address, the user agent cut to 512 characters. A browser cannot make the app
 * forward kilobytes on every call, and a malformed header is dropped, never an error.
 */
export function forwardedRequestMetadata(incoming: Headers): Record<string, string> {
  const forwarded: Record<string, string> = {};
  const claimed = (incoming.get("x-forwarded-for") ?? incoming.get("x-real-ip"))
    ?.split(",", 1)[0]
    ?.trim();
  const ip = address.safeParse(claimed);
  if (ip.success) forwarded["x-forwarded-for"] = ip.data;
  const userAgent = incoming.get("user-agent")?.slice(0, USER_AGENT_MAX);
  if (userAgent) forwarded["user-agent"] = userAgent;
  return forwarded;
}
