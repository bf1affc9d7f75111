import { describe, expect, it } from "vitest";
import {
  actorName,
  DELETED_USER,
  describeAction,
  fieldChanges,
  isRestorable,
  personLabel,
  subjectLabel,
  withDeletedAccounts,
  type AuditEntry,
} from "@/lib/activity/describe";
import { signUpSchema } from "@/lib/auth/validation";
import { isPlainName } from "@/lib/names";
import { workspaceNameSchema } from "@/lib/workspaces/validation";
import { activityCursorSchema, encodeActivityCursor } from "@/lib/activity/cursor";

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  actor_id: "u1",
  actor_kind: "user",
  actor_label: "Alice",
  action: "insert",
  table_name: "projects",
  record_id: "p1",
  old_data: null,
  new_data: null,
  created_at: "2026-11-23 10:00:00+00",
  ...overrides,
});

describe("activity sentences", () => {
  it("names the actor, or says who acted when no user did", () => {
    expect(actorName(entry({}))).toBe("Alice");
    expect(actorName(entry({ actor_label: null }))).toBe("A former member");
    expect(actorName(entry({ actor_kind: "service", actor_label: null }))).toBe("The platform");
  });

  it("shows the email beside a name, so Carol named “Alice Anderson” is not Alice", () => {
    const people = new Map([["carol", personLabel("Alice Anderson", "carol@example.test")]]);
    expect(actorName(entry({ actor_id: "carol", actor_label: "Alice Anderson" }), people)).toBe(
      "Alice Anderson <carol@example.test>",
    );
    // A former member: the label the log recorded, which carries the email.
    expect(
      actorName(entry({ actor_id: "gone", actor_label: "Alice Anderson <carol@example.test>" })),
    ).toBe("Alice Anderson <carol@example.test>");
    expect(personLabel(null, "carol@example.test")).toBe("carol@example.test");
    expect(personLabel("carol@example.test", "carol@example.test")).toBe("carol@example.test");
    const removed = entry({
      action: "member.removed",
      table_name: "organization_members",
      old_data: { user_id: "carol", role: "member" },
    });
    expect(describeAction(removed, people)).toBe("removed Alice Anderson <carol@example.test>");
  });

  it("refuses names with control, invisible or text-direction characters", () => {
    for (const name of [
      "Alice\u202eAnderson", // right-to-left override
      "\u2066Acme\u2069", // isolate
      "Al\u200bice", // zero-width space
      "Ali\u200dce", // zero-width joiner
      "Alice\nAnderson",
      "Alice\u0085", // C1 next line
      "Al\ufeffice", // byte order mark (zod trims one at the ends)
    ]) {
      expect(isPlainName(name), JSON.stringify(name)).toBe(false);
      expect(workspaceNameSchema.safeParse(name).success).toBe(false);
      expect(
        signUpSchema.safeParse({
          fullName: name,
          email: "a@b.example",
          password: "long-password-1",
        }).success,
      ).toBe(false);
    }
    for (const name of ["Alice Anderson", "Zoë O'Brien-Łukasz", "株式会社アクメ", "עברית"]) {
      expect(isPlainName(name), name).toBe(true);
      expect(workspaceNameSchema.safeParse(name).success).toBe(true);
    }
  });

  it.each([
    [{ action: "insert", new_data: { name: "Roadmap" } }, "created project Roadmap"],
    [
      { action: "update", old_data: { name: "Roadmap" }, new_data: { name: "Roadmap 2027" } },
      "renamed project Roadmap → Roadmap 2027",
    ],
    [
      {
        action: "update",
        old_data: { name: "Roadmap", status: "active" },
        new_data: { status: "archived" },
      },
      "archived project Roadmap",
    ],
    [{ action: "delete", old_data: { name: "Roadmap" } }, "deleted project Roadmap"],
    [{ action: "project.restored", new_data: { name: "Roadmap" } }, "restored project Roadmap"],
    [
      {
        action: "member.invited",
        table_name: "invitations",
        new_data: { email: "dave@acme.test", role: "member" },
      },
      "invited dave@acme.test as member",
    ],
    [
      {
        action: "member.removed",
        table_name: "organization_members",
        old_data: { user_id: "u9", role: "member" },
      },
      "removed Carol",
    ],
    [
      {
        action: "member.role_changed",
        table_name: "organization_members",
        old_data: { user_id: "u9", role: "member" },
        new_data: { role: "admin" },
      },
      "changed Carol from member to admin",
    ],
    [
      {
        action: "workspace.renamed",
        table_name: "organizations",
        old_data: { name: "Acme" },
        new_data: { name: "Acme Inc" },
      },
      "renamed the workspace Acme → Acme Inc",
    ],
    [
      {
        action: "workspace.renamed",
        table_name: "organizations",
        old_data: { name: "Acme", slug: "acme" },
        new_data: { name: "Acme Inc", slug: "acme-inc" },
      },
      "renamed the workspace Acme → Acme Inc and changed its URL /w/acme → /w/acme-inc",
    ],
    [
      {
        action: "workspace.updated",
        table_name: "organizations",
        old_data: { members_can_view_activity: false },
        new_data: { members_can_view_activity: true },
      },
      "let members see the activity log",
    ],
  ] as const)("%o → %s", (overrides, sentence) => {
    expect(
      describeAction(entry(overrides as Partial<AuditEntry>), new Map([["u9", "Carol"]])),
    ).toBe(sentence);
  });

  it("says 'joined' when people add themselves (creating a workspace, accepting an invitation)", () => {
    const joined = entry({
      action: "member.added",
      table_name: "organization_members",
      actor_id: "u1",
      new_data: { user_id: "u1", role: "owner" },
    });
    expect(describeAction(joined)).toBe("joined as owner");
  });

  it("tells an account deletion from leaving, and says what it did to the workspace's rows", () => {
    const membership = entry({
      action: "account.deleted",
      table_name: "organization_members",
      old_data: { user_id: "u1", role: "member" },
    });
    expect(describeAction(membership)).toBe("deleted their account and left the workspace");
    const project = entry({
      action: "account.deleted",
      table_name: "projects",
      old_data: { name: "Roadmap", created_by: "u1" },
      new_data: { created_by: null },
    });
    expect(describeAction(project)).toBe(
      "deleted their account; project Roadmap stays, without its creator",
    );
    const invitation = entry({
      action: "account.deleted",
      table_name: "invitations",
      old_data: { email: "dana@example.test", revoked_at: null },
      new_data: { revoked_at: "2026-11-23 10:00:00+00" },
    });
    expect(describeAction(invitation)).toBe(
      "deleted their account, which revoked their invitation of dana@example.test",
    );
  });

  it("names a deleted account “Deleted user”, as actor and wherever its id appears", () => {
    const people = withDeletedAccounts(new Map([["u1", "Alice <alice@example.test>"]]), ["u1"]);
    const membership = entry({
      action: "account.deleted",
      table_name: "organization_members",
      actor_label: "Alice <alice@example.test>",
      old_data: { user_id: "u1", role: "member" },
    });
    expect(actorName(membership, people)).toBe(DELETED_USER);
    const deletedProject = entry({
      action: "delete",
      old_data: { name: "Roadmap", created_by: "u1" },
      new_data: null,
    });
    expect(fieldChanges(deletedProject, people)).toContainEqual({
      field: "Created by",
      before: DELETED_USER,
      after: "",
    });
  });

  it("says 'a former member' for someone no longer in the workspace", () => {
    expect(
      describeAction(
        entry({
          action: "member.removed",
          table_name: "organization_members",
          old_data: { user_id: "gone" },
        }),
      ),
    ).toBe("removed a former member");
  });
});

describe("fieldChanges", () => {
  it("lists what changed in an update, hiding updated_at", () => {
    const changes = fieldChanges(
      entry({
        action: "update",
        old_data: { name: "A", status: "active", updated_at: "t1" },
        new_data: { name: "B", updated_at: "t2" },
      }),
    );
    expect(changes).toEqual([{ field: "Name", before: "A", after: "B" }]);
  });

  it("shows every field of a deletion as removed", () => {
    const changes = fieldChanges(
      entry({ action: "delete", old_data: { name: "A", status: "active" } }),
    );
    expect(changes).toEqual([
      { field: "Name", before: "A", after: "" },
      { field: "Status", before: "Active", after: "" },
    ]);
  });
});

describe("isRestorable", () => {
  it("is true only for a deleted project", () => {
    expect(isRestorable(entry({ action: "delete", old_data: { id: "p1" } }))).toBe(true);
    expect(
      isRestorable(entry({ action: "update", old_data: { id: "p1" }, new_data: { name: "x" } })),
    ).toBe(false);
    expect(
      isRestorable(entry({ table_name: "invitations", action: "delete", old_data: { id: "i1" } })),
    ).toBe(false);
  });
});

describe("activity cursor", () => {
  it("round-trips the (created_at, id) of an entry as the API returns it", () => {
    const cursor = encodeActivityCursor({ created_at: "2026-11-23T10:00:00.123456+00:00", id: 42 });
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(activityCursorSchema.parse(cursor)).toEqual({
      createdAt: "2026-11-23T10:00:00.123456+00:00",
      id: 42,
    });
  });

  it("takes Postgres' text format (Supabase Lite) to ISO without losing microseconds", () => {
    const cursor = encodeActivityCursor({ created_at: "2026-11-23 10:00:00.123456+00", id: 7 });
    expect(activityCursorSchema.parse(cursor)).toEqual({
      createdAt: "2026-11-23T10:00:00.123456+00:00",
      id: 7,
    });
  });

  it("refuses anything else: garbage, a bare id, a forged timestamp", () => {
    const forged = Buffer.from("now()) or (true|1").toString("base64url");
    for (const value of ["", "42", "%%%", forged, encodeActivityCursor({ created_at: "x", id: 1 })])
      expect(activityCursorSchema.safeParse(value).success, value).toBe(false);
    expect(
      activityCursorSchema.safeParse(
        Buffer.from("2026-11-23T10:00:00+00:00|-3").toString("base64url"),
      ).success,
    ).toBe(false);
  });

  it("refuses values Postgres would reject, so a crafted cursor shows the first page, not an error", () => {
    const raw = (value: string) => Buffer.from(value).toString("base64url");
    // Past bigint (9223372036854775807) or past what a JS number holds exactly.
    for (const id of ["99999999999999999999", "9223372036854775808", "9007199254740993"])
      expect(
        activityCursorSchema.safeParse(raw(`2026-11-23T10:00:00+00:00|${id}`)).success,
        id,
      ).toBe(false);
    // Year 0 is out of range for timestamptz.
    expect(activityCursorSchema.safeParse(raw("0000-01-01T00:00:00+00:00|1")).success).toBe(false);
    expect(activityCursorSchema.parse(raw("2026-11-23T10:00:00+00:00|9007199254740991")).id).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });
});

describe("activity as people read it", () => {
  it("labels every action and kind of data of the filters, never the raw code", async () => {
    const { ACTION_FILTERS, ACTION_LABELS, TABLE_FILTERS, TABLE_LABELS, actionLabel } =
      await import("@/lib/activity/describe");
    for (const action of ACTION_FILTERS) {
      expect(ACTION_LABELS[action]).toMatch(/^[A-Z]/);
      expect(ACTION_LABELS[action]).not.toContain(".");
    }
    for (const table of TABLE_FILTERS) expect(TABLE_LABELS[table]).not.toContain("_");
    expect(actionLabel("member.role_changed")).toBe("Role changed");
    expect(actionLabel("something.new")).toBe("something new");
  });

  it("shows no ids, names people, and writes dates and booleans as words", () => {
    const people = new Map([["u-1", "Dana <dana@acme.test>"]]);
    const changes = fieldChanges(
      entry({
        action: "insert",
        table_name: "invitations",
        new_data: {
          id: "3f1c2a9e-0000-4000-8000-000000000000",
          organization_id: "80bf0000-0000-4000-8000-000000000000",
          email: "eve@acme.test",
          role: "member",
          invited_by: "u-1",
          accepted_by: "u-gone",
          expires_at: "2026-11-30T10:00:00+00:00",
          created_at: "2026-11-23T10:00:00+00:00",
        },
      }),
      people,
    );
    expect(changes).toEqual([
      { field: "Role", before: "", after: "Member" },
      { field: "Email", before: "", after: "eve@acme.test" },
      { field: "Invited by", before: "", after: "Dana <dana@acme.test>" },
      { field: "Accepted by", before: "", after: "a former member" },
      { field: "Expires", before: "", after: "Nov 30, 2026, 10:00 AM UTC" },
    ]);
    const flags = fieldChanges(
      entry({
        action: "update",
        table_name: "organizations",
        old_data: { members_can_view_activity: false },
        new_data: { members_can_view_activity: true },
      }),
    );
    expect(flags).toEqual([{ field: "Members see the activity log", before: "No", after: "Yes" }]);
  });

  it("says times relative to now and groups entries by day", async () => {
    const { groupByDay, relativeTime } = await import("@/lib/activity/describe");
    const now = new Date("2026-11-23T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(relativeTime(ago(10_000), now)).toBe("just now");
    expect(relativeTime(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(relativeTime(ago(2 * 3_600_000), now)).toBe("2 hours ago");
    expect(relativeTime(ago(30 * 3_600_000), now)).toBe("yesterday");
    expect(relativeTime(ago(3 * 86_400_000), now)).toBe("3 days ago");
    expect(relativeTime(new Date("2026-10-01T00:00:00Z"), now)).toBe("Oct 1, 2026");
    const groups = groupByDay(
      [
        { created_at: "2026-11-23 11:00:00+00" },
        { created_at: "2026-11-23T01:00:00+00:00" },
        { created_at: "2026-11-22 23:00:00+00" },
        { created_at: "2026-11-20T08:00:00+00:00" },
      ],
      now,
    );
    expect(groups.map((g) => [g.day, g.entries.length])).toEqual([
      ["Today", 2],
      ["Yesterday", 1],
      ["Friday, November 20", 1],
    ]);
  });
});

describe("exports and imports in the feed", () => {
  it("say who exported how much, and where an imported workspace came from", () => {
    expect(
      describeAction(
        entry({
          action: "workspace.exported",
          table_name: "workspace_exports",
          new_data: { counts: { projects: 1200, audit_logs: 3 } },
        }),
      ),
    ).toBe("exported the workspace's data (1,203 rows)");
    expect(
      describeAction(
        entry({
          action: "workspace.imported",
          table_name: "workspace_imports",
          new_data: { source: { workspace: { slug: "acme", id: "x", name: "Acme" } } },
        }),
      ),
    ).toBe("imported the workspace from an export of /w/acme");
    expect(
      subjectLabel(entry({ action: "workspace.exported", table_name: "workspace_exports" })),
    ).toBe("Export");
    expect(
      fieldChanges(
        entry({
          action: "workspace.exported",
          table_name: "workspace_exports",
          new_data: { counts: { projects: 2 }, format_version: 1 },
        }),
      ).map((change) => change.field),
    ).toEqual(["Rows per table", "Archive format"]);
    expect(describeAction(entry({ action: "workspace.exported", new_data: {} }))).toBe(
      "exported the workspace's data",
    );
  });
});

describe("support access in the activity feed", () => {
  const support = (action: string, new_data: Record<string, unknown>) =>
    entry({
      action,
      table_name: "support_grants",
      actor_id: "ops-1",
      actor_label: "Support (ops@platform.test)",
      new_data,
    });

  it("names the operator as Support, even when they are also a member", () => {
    const people = new Map([["ops-1", "Olga <ops@platform.test>"]]);
    expect(actorName(support("support.viewed", {}), people)).toBe("Support (ops@platform.test)");
    expect(actorName(entry({ actor_id: "ops-1" }), people)).toBe("Olga <ops@platform.test>");
  });

  it("says what support did and why, in the operator's words", () => {
    const reason = "Ticket #42: projects missing";
    expect(describeAction(support("support.opened", { reason, minutes: 90 }))).toBe(
      `opened support access for 1 h 30 min: ${reason}`,
    );
    expect(describeAction(support("support.viewed", { reason, section: "projects" }))).toBe(
      `viewed this workspace (projects): ${reason}`,
    );
    expect(describeAction(support("support.closed", { reason }))).toBe(
      `closed support access: ${reason}`,
    );
  });

  it("names the owner who approved or revoked access, not Support", () => {
    const people = new Map([["owner-1", "Alice <alice@acme.test>"]]);
    const approved = entry({
      action: "support.approved",
      table_name: "support_grants",
      actor_id: "owner-1",
      actor_label: "Alice <alice@acme.test>",
      new_data: { reason: "Ticket #9", minutes: 60 },
    });
    expect(actorName(approved, people)).toBe("Alice <alice@acme.test>");
    expect(describeAction(approved)).toBe("approved support access for 1 hour: Ticket #9");
    expect(describeAction(support("support.requested", { reason: "Ticket #9", minutes: 30 }))).toBe(
      "asked for support access for 30 minutes: Ticket #9",
    );
  });

  it("writes durations as people say them", async () => {
    const { supportDuration } = await import("@/lib/activity/describe");
    expect(supportDuration(60)).toBe("1 hour");
    expect(supportDuration(1440)).toBe("24 hours");
    expect(supportDuration(1)).toBe("1 minute");
    expect(supportDuration(45)).toBe("45 minutes");
    expect(supportDuration(null)).toBe("a while");
  });
});
