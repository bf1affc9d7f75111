import { afterEach, describe, expect, it, vi } from "vitest";
import { createStatsBuffer, type HourStats } from "@/lib/health/buffer";

afterEach(() => vi.useRealTimers());

describe("the health buffer", () => {
  it("adds page loads up per workspace and hour, and writes them in one batch when enough wait", async () => {
    const batches: HourStats[][] = [];
    let clock = Date.parse("2026-11-23T10:59:59Z");
    const buffer = createStatsBuffer({
      flush: async (batch) => void batches.push(batch),
      maxRequests: 4,
      maxAgeMs: 60_000,
      now: () => clock,
    });
    buffer.record("acme", 10, 3);
    buffer.record("acme", 500, 5);
    buffer.record("globex", 30, 2);
    expect(batches).toEqual([]);
    clock += 2_000; // the next hour
    buffer.record("acme", 10, 4);
    await buffer.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([
      {
        org: "acme",
        hour: "2026-11-23T10:00:00.000Z",
        requests: 2,
        queries: 8,
        histogram: [1, 0, 0, 0, 0, 1, 0, 0, 0],
      },
      {
        org: "globex",
        hour: "2026-11-23T10:00:00.000Z",
        requests: 1,
        queries: 2,
        histogram: [0, 1, 0, 0, 0, 0, 0, 0, 0],
      },
      {
        org: "acme",
        hour: "2026-11-23T11:00:00.000Z",
        requests: 1,
        queries: 4,
        histogram: [1, 0, 0, 0, 0, 0, 0, 0, 0],
      },
    ]);
    expect(buffer.waiting()).toBe(0);
  });

  it("flushes a quiet server after maxAgeMs, and a failed write is reported, not thrown", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const flush = vi.fn(async () => {
      throw new Error("database down");
    });
    const buffer = createStatsBuffer({
      flush,
      maxRequests: 100,
      maxAgeMs: 10_000,
      onError: (error) => errors.push(error),
    });
    buffer.record("acme", 10, 1);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(buffer.waiting()).toBe(0);
  });
});
