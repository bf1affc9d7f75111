import { describe, expect, it } from "vitest";
import { isAuthorizedCron } from "@/lib/lifecycle/cron";

describe("the purge route's cron secret", () => {
  const secret = "s3cret-of-the-deployment-0123456789";

  it("accepts exactly the bearer secret", () => {
    expect(isAuthorizedCron(`Bearer ${secret}`, secret)).toBe(true);
  });

  it("refuses anything else, and everything when no (or a too short) secret is configured", () => {
    for (const header of [
      null,
      "",
      secret,
      `Bearer ${secret} `,
      `Bearer ${secret.slice(0, -1)}`,
      "Bearer ",
    ])
      expect(isAuthorizedCron(header, secret)).toBe(false);
    expect(isAuthorizedCron("Bearer ", "")).toBe(false);
    expect(isAuthorizedCron("Bearer undefined", undefined)).toBe(false);
    expect(isAuthorizedCron("Bearer short", "short")).toBe(false);
  });
});
