import { describe, expect, it } from "vitest";
import {
  BUCKET_COUNT,
  bucketOf,
  emptyHistogram,
  median,
  percentile,
  tenantHealth,
  type TenantLoad,
} from "@/lib/health/stats";

/** A histogram from raw server times, as the recorder builds it. */
const histogramOf = (times: number[]) => {
  const histogram = emptyHistogram();
  for (const ms of times) histogram[bucketOf(ms)]! += 1;
  return histogram;
};

describe("server-time buckets", () => {
  it("puts each time in the first bucket whose bound holds it, the slowest in the last", () => {
    expect(BUCKET_COUNT).toBe(9);
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(25)).toBe(0);
    expect(bucketOf(26)).toBe(1);
    expect(bucketOf(3200)).toBe(7);
    expect(bucketOf(60_000)).toBe(8);
  });

  it("reads percentiles back within their bucket", () => {
    // 100 loads: 90 fast (≤ 25 ms), 10 between 400 and 800 ms.
    const histogram = histogramOf([...Array(90).fill(10), ...Array(10).fill(500)]);
    expect(percentile(histogram, 0.5)).toBeLessThanOrEqual(25);
    const p95 = percentile(histogram, 0.95)!;
    expect(p95).toBeGreaterThan(400);
    expect(p95).toBeLessThanOrEqual(800);
    expect(percentile(emptyHistogram(), 0.5)).toBeNull();
    expect(percentile(histogramOf([10_000]), 0.95)).toBeGreaterThan(3200);
  });

  it("takes the median of an even and an odd list", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("which tenants stand out", () => {
  const tenant = (name: string, times: number[], queriesEach = 4): TenantLoad => ({
    organizationId: name,
    name,
    slug: name,
    requests: times.length,
    queries: times.length * queriesEach,
    histogram: histogramOf(times),
  });

  it("flags a tenant whose p95 is far above the median of all tenants, first", () => {
    const { tenants, medianP95 } = tenantHealth([
      tenant("acme", Array(50).fill(40)),
      tenant("globex", Array(50).fill(45)),
      tenant("initech", Array(50).fill(30)),
      tenant("whale", [...Array(40).fill(40), ...Array(10).fill(2000)], 12),
    ]);
    expect(medianP95).toBeLessThanOrEqual(50);
    expect(tenants[0]).toMatchObject({ name: "whale", slow: true, queriesPerPage: 12 });
    expect(tenants.filter((t) => t.slow).map((t) => t.name)).toEqual(["whale"]);
  });

  it("does not flag small differences, nor a tenant with too few page loads", () => {
    const close = tenantHealth([
      tenant("a", Array(50).fill(10)),
      tenant("b", Array(50).fill(10)),
      tenant("c", Array(50).fill(60)),
    ]);
    expect(close.tenants.some((t) => t.slow)).toBe(false);
    const few = tenantHealth([
      tenant("a", Array(50).fill(20)),
      tenant("b", Array(50).fill(20)),
      tenant("rare", [3000, 3000]),
    ]);
    expect(few.tenants.find((t) => t.name === "rare")).toMatchObject({ slow: false });
  });
});
