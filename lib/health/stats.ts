/**
 * Per-tenant health, the pure part: which bucket a page load's server time falls
 * in, percentiles read back from a bucket histogram, and which tenants stand out.
 * Unit-tested; the recorder and the console use only these.
 */

/**
 * Upper bounds (ms) of the server-time buckets; one more bucket holds everything
 * slower. Fixed, because platform.tenant_request_stats stores counts per bucket
 * (its check holds the length: SERVER_MS_BOUNDS.length + 1 = 9).
 */
export const SERVER_MS_BOUNDS = [25, 50, 100, 200, 400, 800, 1600, 3200] as const;
export const BUCKET_COUNT = SERVER_MS_BOUNDS.length + 1;

export const emptyHistogram = (): number[] => new Array<number>(BUCKET_COUNT).fill(0);

export function bucketOf(serverMs: number): number {
  const index = SERVER_MS_BOUNDS.findIndex((bound) => serverMs <= bound);
  return index === -1 ? SERVER_MS_BOUNDS.length : index;
}

/**
 * The p-th percentile (0 < p ≤ 1) of a histogram, interpolated linearly inside its
 * bucket. The open-ended last bucket is read as ending at twice the last bound, so
 * a value there means "slower than 3.2 s". Null for an empty histogram.
 */
export function percentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = i === 0 ? 0 : SERVER_MS_BOUNDS[i - 1]!;
      const upper = SERVER_MS_BOUNDS[i] ?? SERVER_MS_BOUNDS.at(-1)! * 2;
      return Math.round(lower + ((rank - seen) / count) * (upper - lower));
    }
    seen += count;
  }
  return SERVER_MS_BOUNDS.at(-1)! * 2;
}

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * When a tenant's p95 is "far from the median" of all tenants' p95: at least
 * OUTLIER_FACTOR times it AND OUTLIER_MIN_GAP_MS above it (so 30 ms against 10 ms
 * is not news), on at least MIN_REQUESTS page loads (so one slow load is not either).
 */
export const OUTLIER_FACTOR = 3;
export const OUTLIER_MIN_GAP_MS = 200;
export const MIN_REQUESTS = 20;

export interface TenantLoad {
  organizationId: string;
  name: string;
  slug: string;
  requests: number;
  queries: number;
  histogram: number[];
}

export interface TenantHealth extends TenantLoad {
  p50: number | null;
  p95: number | null;
  queriesPerPage: number | null;
  slow: boolean;
}

export function tenantHealth(loads: readonly TenantLoad[]): {
  tenants: TenantHealth[];
  medianP95: number | null;
} {
  const withPercentiles = loads.map((load) => ({
    ...load,
    p50: percentile(load.histogram, 0.5),
    p95: percentile(load.histogram, 0.95),
    queriesPerPage: load.requests > 0 ? Math.round((load.queries / load.requests) * 10) / 10 : null,
  }));
  const medianP95 = median(
    withPercentiles.flatMap((tenant) => (tenant.p95 === null ? [] : [tenant.p95])),
  );
  const tenants = withPercentiles
    .map((tenant) => ({
      ...tenant,
      slow:
        medianP95 !== null &&
        tenant.p95 !== null &&
        tenant.requests >= MIN_REQUESTS &&
        tenant.p95 >= medianP95 * OUTLIER_FACTOR &&
        tenant.p95 - medianP95 >= OUTLIER_MIN_GAP_MS,
    }))
    .sort((a, b) => Number(b.slow) - Number(a.slow) || (b.p95 ?? 0) - (a.p95 ?? 0));
  return { tenants, medianP95 };
}
