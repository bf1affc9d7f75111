import { describe, expect, it } from "vitest";
import { expiresIn, grantStatus } from "@/lib/support/status";
import { openSupportGrantSchema } from "@/lib/support/validation";

const now = new Date("2026-11-23T10:00:00Z");

describe("a support grant's state", () => {
  const opened = {
    opened_at: "2026-11-23T09:00:00+00:00",
    approved_at: "2026-11-23T09:00:00+00:00",
  };
  it("is open until it expires, expired after, closed once closed whatever the time", () => {
    expect(
      grantStatus({ ...opened, expires_at: "2026-11-23T10:43:00+00:00", closed_at: null }, now),
    ).toBe("open");
    expect(
      grantStatus({ ...opened, expires_at: "2026-11-23 10:00:00+00", closed_at: null }, now),
    ).toBe("expired");
    expect(
      grantStatus(
        {
          ...opened,
          expires_at: "2026-11-23T11:00:00+00:00",
          closed_at: "2026-11-23T09:30:00+00:00",
        },
        now,
      ),
    ).toBe("closed");
  });

  it("waits for an owner's approval for a day at most", () => {
    const request = { approved_at: null, expires_at: null, closed_at: null };
    expect(grantStatus({ ...request, opened_at: "2026-11-23T09:00:00+00:00" }, now)).toBe(
      "pending",
    );
    expect(grantStatus({ ...request, opened_at: "2026-11-22T09:00:00+00:00" }, now)).toBe("lapsed");
    expect(
      grantStatus(
        {
          ...request,
          opened_at: "2026-11-23T09:00:00+00:00",
          closed_at: "2026-11-23T09:10:00+00:00",
        },
        now,
      ),
    ).toBe("closed");
  });

  it("says how long is left as people say it", () => {
    expect(expiresIn("2026-11-23T10:43:30+00:00", now)).toBe("expires in 43 min");
    expect(expiresIn("2026-11-23T12:05:00+00:00", now)).toBe("expires in 2 h 5 min");
    expect(expiresIn("2026-11-24T10:00:00+00:00", now)).toBe("expires in 24 h");
    expect(expiresIn("2026-11-23T10:00:20+00:00", now)).toBe("expires in less than a minute");
  });
});

describe("the open-grant form", () => {
  const id = "80bf0000-0000-4000-8000-000000000000";
  it("requires a reason the customer can read and a duration of at most 24 hours", () => {
    expect(openSupportGrantSchema.safeParse({ organizationId: id, reason: "x" }).success).toBe(
      false,
    );
    expect(
      openSupportGrantSchema.safeParse({
        organizationId: id,
        reason: "Ticket #1 check",
        minutes: "1441",
      }).success,
    ).toBe(false);
    expect(
      openSupportGrantSchema.parse({ organizationId: id, reason: "  Ticket #1: check  " }),
    ).toEqual({ organizationId: id, reason: "Ticket #1: check", minutes: 60 });
  });
});
