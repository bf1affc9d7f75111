import { bucketOf, emptyHistogram } from "./stats";

/** One workspace's page loads in one hour, as record_request_stats() takes them. */
export interface HourStats {
  org: string;
  hour: string;
  requests: number;
  queries: number;
  histogram: number[];
}

export interface StatsBufferOptions {
  /** Writes a batch (the service-role RPC). Its failure drops the batch: health is best effort. */
  flush: (batch: HourStats[]) => Promise<void>;
  /** Flush when this many page loads are waiting... */
  maxRequests: number;
  /** ...or when the oldest waiting one is this old. */
  maxAgeMs: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Page loads added up in memory per workspace and hour, written in batches: a page
 * load costs a few additions, never a database write of its own. Flushes when
 * enough are waiting or the oldest has waited long enough (a timer catches a quiet
 * server); one flush at a time.
 */
export function createStatsBuffer(options: StatsBufferOptions) {
  const now = options.now ?? Date.now;
  let pending = new Map<string, HourStats>();
  let waiting = 0;
  let oldest: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (waiting === 0 || flushing) return flushing ?? undefined;
    const batch = [...pending.values()];
    pending = new Map();
    waiting = 0;
    oldest = null;
    flushing = options
      .flush(batch)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        flushing = null;
      });
    return flushing;
  }

  function record(org: string, serverMs: number, queries: number): void {
    const at = now();
    const hour = new Date(Math.floor(at / 3_600_000) * 3_600_000).toISOString();
    const key = `${org}|${hour}`;
    const stats = pending.get(key) ?? {
      org,
      hour,
      requests: 0,
      queries: 0,
      histogram: emptyHistogram(),
    };
    stats.requests += 1;
    stats.queries += queries;
    stats.histogram[bucketOf(serverMs)]! += 1;
    pending.set(key, stats);
    waiting += 1;
    oldest ??= at;
    if (waiting >= options.maxRequests || at - oldest >= options.maxAgeMs) {
      void flush();
    } else if (!timer) {
      timer = setTimeout(() => void flush(), options.maxAgeMs);
      // A waiting flush never keeps the process alive.
      timer.unref?.();
    }
  }

  return { record, flush, waiting: () => waiting };
}
