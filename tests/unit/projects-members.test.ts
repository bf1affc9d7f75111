import { describe, expect, it } from "vitest";
import { inviteSchema, memberRoleSchema } from "@/lib/members/validation";
import {
  createProjectSchema,
  projectStatusSchema,
  renameProjectSchema,
} from "@/lib/projects/validation";

const projectId = "6f1c2f8e-7a1b-4c3d-9e8f-0a1b2c3d4e5f";

describe("project schemas", () => {
  it("trims the name and refuses blank or overlong names with a sentence", () => {
    expect(createProjectSchema.parse({ name: "  Roadmap  " })).toEqual({ name: "Roadmap" });
    const blank = createProjectSchema.safeParse({ name: "   " });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.message).toBe("Give the project a name.");
    const long = createProjectSchema.safeParse({ name: "x".repeat(121) });
    expect(long.error?.issues[0]?.message).toBe("Use at most 120 characters.");
    expect(createProjectSchema.safeParse({ name: "x".repeat(120) }).success).toBe(true);
  });

  it("accepts only a project id that is a uuid and a known status", () => {
    expect(renameProjectSchema.safeParse({ projectId, name: "New" }).success).toBe(true);
    expect(renameProjectSchema.safeParse({ projectId: "1 or 1=1", name: "New" }).success).toBe(
      false,
    );
    expect(projectStatusSchema.safeParse({ projectId, status: "archived" }).success).toBe(true);
    expect(projectStatusSchema.safeParse({ projectId, status: "deleted" }).success).toBe(false);
  });
});

describe("member schemas", () => {
  it("normalises the invited address and explains a bad one", () => {
    expect(inviteSchema.parse({ email: "  Dave@Acme.TEST ", role: "member" })).toEqual({
      email: "dave@acme.test",
      role: "member",
    });
    expect(inviteSchema.safeParse({ email: "", role: "member" }).error?.issues[0]?.message).toBe(
      "Enter an email address.",
    );
    expect(
      inviteSchema.safeParse({ email: "not-an-address", role: "member" }).error?.issues[0]?.message,
    ).toBe("Enter a valid email address.");
  });

  it("knows only the three roles", () => {
    for (const role of ["owner", "admin", "member"])
      expect(memberRoleSchema.safeParse({ memberId: projectId, role }).success).toBe(true);
    const superuser = memberRoleSchema.safeParse({ memberId: projectId, role: "superuser" });
    expect(superuser.error?.issues[0]?.message).toBe("Choose a role.");
    expect(inviteSchema.safeParse({ email: "a@b.co", role: "root" }).success).toBe(false);
  });
});
