import "server-only";
import { cache } from "react";
import { after } from "next/server";
import { recordRequestStats } from "@/lib/supabase/admin";
import { createStatsBuffer } from "./buffer";

/**
 * Per-tenant health, the app's side: each workspace page load's server time and
 * Supabase calls, buffered in memory and flushed through the service role every 50
 * page loads or 10 seconds (docs/operations-support.md, "Tenant health").
 */

const buffer = createStatsBuffer({
  flush: recordRequestStats,
  maxRequests: 50,
  maxAgeMs: 10_000,
  onError: (error) => console.error(`tenant health: ${String(error)}`),
});

/**
 * This request's counters: React's cache() gives one object per server render, so
 * every Supabase client the render creates counts into it. Started by the first
 * client the request creates (the session check), which is as early as app code runs.
 */
export const requestMetrics = cache(() => ({
  startedAt: performance.now(),
  supabaseCalls: 0,
  recordedFor: null as string | null,
}));

/** A fetch for the Supabase client that counts its calls into `metrics`. */
export function countingFetch(metrics: { supabaseCalls: number }): typeof fetch {
  return (input, init) => {
    metrics.supabaseCalls += 1;
    return fetch(input, init);
  };
}

/**
 * Records this page load for the workspace once the response is done (next/server
 * after()): the time until then, and the Supabase calls it made. Off the request's path.
 */
export function recordPageLoad(organizationId: string): void {
  const metrics = requestMetrics();
  if (metrics.recordedFor === organizationId) return;
  metrics.recordedFor = organizationId;
  after(() => {
    buffer.record(organizationId, performance.now() - metrics.startedAt, metrics.supabaseCalls);
  });
}
