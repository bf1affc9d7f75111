import { describe, expect, it } from "vitest";
import { forwardedRequestMetadata, USER_AGENT_MAX } from "@/lib/supabase/request-metadata";

describe("request metadata the app forwards to the audit log", () => {
  it("forwards the first X-Forwarded-For address and the user agent", () => {
    const incoming = new Headers({
      "x-forwarded-for": "203.0.113.7, 10.0.0.1",
      "user-agent": "Mozilla/5.0",
    });
    expect(forwardedRequestMetadata(incoming)).toEqual({
      "x-forwarded-for": "203.0.113.7",
      "user-agent": "Mozilla/5.0",
    });
    expect(forwardedRequestMetadata(new Headers({ "x-real-ip": " 2001:db8::7 " }))).toEqual({
      "x-forwarded-for": "2001:db8::7",
    });
  });

  it("cuts a 6 KB user agent to 512 characters and drops what is not an address", () => {
    const forwarded = forwardedRequestMetadata(
      new Headers({
        "x-forwarded-for": `${"9".repeat(6 * 1024)}, 203.0.113.7`,
        "user-agent": "A".repeat(6 * 1024),
      }),
    );
    expect(forwarded["user-agent"]).toHaveLength(USER_AGENT_MAX);
    expect(forwarded).not.toHaveProperty("x-forwarded-for");
    for (const claimed of ["unknown", "<script>", "1.2.3.4.5", "999.1.1.1"])
      expect(
        forwardedRequestMetadata(new Headers({ "x-forwarded-for": claimed })),
        claimed,
      ).toEqual({});
  });
});
