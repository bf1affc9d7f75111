/**
 * Advisor findings at WARN or ERROR that tenantkit accepts, each with its reason.
 * Every entry must also be explained in docs/security.md ("Supabase advisors").
 * An entry that no longer occurs fails the suite, so this list cannot rot.
 *
 * `cache_key` is the advisor's own identifier of the finding (printed by the failing test).
 */
export interface AcceptedException {
  cacheKey: string;
  reason: string;
}

export const ACCEPTED_EXCEPTIONS: AcceptedException[] = [];
