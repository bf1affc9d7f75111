import { describe, expect, it } from "vitest";
import {
  describeBlockers,
  describeLimit,
  meterState,
  percentUsed,
  planChangeBlockers,
  planDirection,
  quantity,
  toMeter,
  type MetricInfo,
} from "@/lib/billing/entitlements";

const projects: MetricInfo = {
  id: "projects",
  kind: "count",
  label: "Projects",
  unitSingular: "project",
  unitPlural: "projects",
};
const seats: MetricInfo = {
  ...projects,
  id: "seats",
  label: "Seats",
  unitSingular: "seat",
  unitPlural: "seats",
};
const requests: MetricInfo = {
  id: "api_requests",
  kind: "metered",
  label: "API requests per month",
  unitSingular: "API request",
  unitPlural: "API requests",
};
const feature: MetricInfo = { ...projects, id: "activity_log_for_members", kind: "feature" };

describe("meters", () => {
  it("warn from 80%, are at the limit at N and over it past N", () => {
    expect([0, 1, 2, 3, 4].map((used) => meterState(used, 5))).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
      "near",
    ]);
    expect(meterState(3999, 5000)).toBe("ok");
    expect(meterState(4000, 5000)).toBe("near");
    expect(meterState(2, 3)).toBe("ok"); // 67%
    expect(meterState(3, 3)).toBe("at");
    expect(meterState(4, 3)).toBe("over");
    expect(meterState(1_000_000, null)).toBe("ok");
  });

  it("show a percentage capped at 100, none when unlimited", () => {
    expect(percentUsed(2, 3)).toBe(67);
    expect(percentUsed(4200, 5000)).toBe(84);
    expect(percentUsed(7, 3)).toBe(100);
    expect(percentUsed(0, 0)).toBe(100);
    expect(percentUsed(5, null)).toBeNull();
  });

  it("turn a usage row into a meter, features without a percentage", () => {
    expect(
      toMeter(requests, { used: 4200, limit: 5000, resetsAt: "2026-12-01T00:00:00Z" }),
    ).toMatchObject({
      used: 4200,
      percent: 84,
      state: "near",
      resetsAt: new Date("2026-12-01T00:00:00Z"),
    });
    expect(toMeter(feature, { used: null, limit: 0, resetsAt: null })).toMatchObject({
      used: 0,
      percent: null,
      state: "ok",
    });
  });

  it("say quantities and limits as people read them", () => {
    expect(quantity(1, projects)).toBe("1 project");
    expect(quantity(5000, requests)).toBe("5,000 API requests");
    expect(describeLimit(null, projects)).toBe("Unlimited");
    expect(describeLimit(100, projects)).toBe("100 projects");
    expect(describeLimit(1, feature)).toBe("Included");
    expect(describeLimit(0, feature)).toBe("—");
  });
});

describe("plan changes", () => {
  const meters = [
    toMeter(projects, { used: 7, limit: 100, resetsAt: null }),
    toMeter(seats, { used: 4, limit: 25, resetsAt: null }),
    toMeter(requests, { used: 90_000, limit: 100_000, resetsAt: "2026-12-01T00:00:00Z" }),
  ];

  it("list each counted metric over the new plan's limit, with how many must go", () => {
    const free = new Map<string, number | null>([
      ["projects", 3],
      ["seats", 3],
      ["api_requests", 5000],
    ]);
    const blockers = planChangeBlockers(meters, free);
    expect(blockers).toEqual([
      { metric: "projects", used: 7, limit: 3, excess: 4 },
      { metric: "seats", used: 4, limit: 3, excess: 1 },
    ]);
    // Metered usage resets each month: never a reason to refuse a downgrade.
    expect(blockers.map((b) => b.metric)).not.toContain("api_requests");
    expect(describeBlockers(blockers, [projects, seats, requests])).toBe(
      "Remove 4 projects and 1 seat",
    );
  });

  it("find nothing to remove at exactly the limit, or on an unlimited plan", () => {
    const exact = new Map<string, number | null>([
      ["projects", 7],
      ["seats", 4],
    ]);
    expect(planChangeBlockers(meters, exact)).toEqual([]);
    const unlimited = new Map<string, number | null>([
      ["projects", null],
      ["seats", null],
    ]);
    expect(planChangeBlockers(meters, unlimited)).toEqual([]);
    expect(describeBlockers([], [projects])).toBeNull();
  });

  it("order plans by the catalog", () => {
    const free = { id: "free", sortOrder: 10 };
    const pro = { id: "pro", sortOrder: 20 };
    expect(planDirection(pro, free)).toBe("upgrade");
    expect(planDirection(free, pro)).toBe("downgrade");
    expect(planDirection(pro, pro)).toBe("current");
  });
});

describe("billing configuration", () => {
  it("is off without a Stripe key, and a half configuration fails with what is missing", async () => {
    const { billingConfig, planForPrice } = await import("@/lib/billing/config");
    expect(billingConfig({})).toBeNull();
    expect(() => billingConfig({ STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(
      /STRIPE_WEBHOOK_SECRET is not set/,
    );
    const config = billingConfig({
      STRIPE_SECRET_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
      STRIPE_PRICE_PRO: "price_pro",
      STRIPE_PRICE_BUSINESS: "price_biz",
    })!;
    expect(config.graceDays).toBe(7);
    expect(planForPrice(config, "price_biz")).toBe("business");
    expect(planForPrice(config, "price_unknown")).toBeNull();
    expect(() =>
      billingConfig({
        ...process.env,
        STRIPE_SECRET_KEY: "sk_test_abc",
        STRIPE_WEBHOOK_SECRET: "whsec_a",
        STRIPE_PRICE_PRO: "price_a",
        STRIPE_PRICE_BUSINESS: "price_b",
        BILLING_GRACE_DAYS: "90",
      }),
    ).toThrow();
  });
});
