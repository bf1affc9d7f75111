import { describe, expect, it } from "vitest";
import { inertName, invitationEmail } from "@/lib/email/templates";

const url = "http://localhost:3000/invite/" + "a".repeat(64);

/** What a mail client would turn into a link in plain text. */
const LINKABLE = /(https?:|www\.|[a-z0-9-]+[.。．｡][a-z]{2,}|[^\s]@[^\s])/i;

describe("invitation email", () => {
  const hostile = invitationEmail({
    workspaceName: "Claim your prize at https://evil.example/win now",
    inviterName: "IT support <helpdesk@evil.example>\n\nReset your password: www.evil。example",
    role: "admin",
    url,
    expiresAt: new Date("2027-01-01T00:00:00Z"),
  });

  it("puts no name in the subject", () => {
    expect(hostile.subject).toBe("You are invited to a workspace on tenantkit");
  });

  it("renders names so that no mail client links them, in the text and the HTML part", () => {
    const textWithoutAction = hostile.text.replace(url, "");
    expect(textWithoutAction).not.toMatch(LINKABLE);
    const htmlWithoutAction = hostile.html.replaceAll(url, "");
    expect(htmlWithoutAction).not.toMatch(LINKABLE);
    // The real link is still there, once per part.
    expect(hostile.text).toContain(`Join the workspace: ${url}`);
    expect(hostile.html).toContain(`href="${url}"`);
  });

  it("keeps a name on one line: it cannot fake lines of the message", () => {
    const line = hostile.text.split("\n").find((row) => row.includes("invited you"));
    expect(line).toContain("Reset your password");
    expect(hostile.text.split("\n").some((row) => row.startsWith("Reset your password"))).toBe(
      false,
    );
  });

  it("leaves ordinary names readable", () => {
    expect(inertName("Acme Inc.")).toBe("Acme Inc\u2024");
    expect(inertName("  Alice   Anderson ")).toBe("Alice Anderson");
    const plain = invitationEmail({
      workspaceName: "Acme",
      inviterName: "Alice",
      role: "member",
      url,
      expiresAt: new Date("2027-01-01T00:00:00Z"),
    });
    expect(plain.text).toContain(
      "“Alice” invited you to the “Acme” workspace on tenantkit as a member.",
    );
  });
});
