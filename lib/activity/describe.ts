/**
 * Audit entries as sentences people read: "Alice renamed project Roadmap → Roadmap 2027".
 * Pure functions, unit-tested; the page only renders what these return.
 */

import { z } from "zod";

const rowData = z.record(z.string(), z.unknown()).nullable();

/**
 * An audit_logs row as the app reads it. The columns are text and jsonb in the
 * database; this checks what the audit trigger writes (a kind of actor, row images
 * as objects) instead of casting. Without ip and user_agent, which no user may
 * select: owners and admins read them per entry (getActivityRequest).
 */
export const auditEntrySchema = z.object({
  id: z.number(),
  actor_id: z.string().nullable(),
  actor_kind: z.enum(["user", "service", "system"]),
  actor_label: z.string().nullable(),
  action: z.string(),
  table_name: z.string(),
  record_id: z.string().nullable(),
  old_data: rowData,
  new_data: rowData,
  created_at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * A person as audit views show them: the name they chose, which anyone can set to
 * "Alice Anderson", beside the email address, which they had to prove.
 */
export function personLabel(fullName: string | null, email: string): string {
  return fullName && fullName !== email ? `${fullName} <${email}>` : email;
}

/**
 * Who did it: a current member as `people` knows them (personLabel), else the label
 * the log recorded, which has the same "Name <email>" form (the audit trigger).
 */
export function actorName(
  entry: Pick<AuditEntry, "actor_kind" | "actor_label" | "actor_id">,
  people: Map<string, string> = new Map(),
): string {
  if (entry.actor_kind === "service") return "The platform";
  if (entry.actor_kind === "system") return "The system";
  return (entry.actor_id && people.get(entry.actor_id)) || entry.actor_label || "A former member";
}

const text = (value: unknown) =>
  typeof value === "string" ? value : value == null ? "" : JSON.stringify(value);

/** The row as it was before (old) and after (old merged with the changed columns). */
export function beforeAfter(entry: Pick<AuditEntry, "old_data" | "new_data" | "action">) {
  const before = entry.old_data;
  const after = entry.new_data === null ? null : { ...(entry.old_data ?? {}), ...entry.new_data };
  return { before, after };
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const HIDDEN_FIELDS = new Set(["updated_at"]);

/** Fields whose value differs between before and after (all fields for inserts and deletes). */
export function fieldChanges(
  entry: Pick<AuditEntry, "old_data" | "new_data" | "action">,
): FieldChange[] {
  const { before, after } = beforeAfter(entry);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields]
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => text(before?.[field]) !== text(after?.[field]))
    .sort()
    .map((field) => ({ field, before: text(before?.[field]), after: text(after?.[field]) }));
}

/** The person a membership or invitation entry is about, as the entry recorded them. */
function subject(entry: AuditEntry, people: Map<string, string>): string {
  const row = { ...(entry.old_data ?? {}), ...(entry.new_data ?? {}) };
  if (typeof row.email === "string") return row.email;
  const userId = typeof row.user_id === "string" ? row.user_id : undefined;
  return (userId && people.get(userId)) ?? "a former member";
}

/** One sentence without the actor, e.g. "renamed project Roadmap → Roadmap 2027". */
export function describeAction(entry: AuditEntry, people: Map<string, string> = new Map()): string {
  const before = entry.old_data ?? {};
  const changes = entry.new_data ?? {};
  const name = text(changes.name ?? before.name);
  switch (entry.action) {
    case "insert":
      return entry.table_name === "projects"
        ? `created project ${name}`
        : `created a ${entry.table_name} row`;
    case "update":
      if (entry.table_name === "projects") {
        if ("name" in changes)
          return `renamed project ${text(before.name)} → ${text(changes.name)}`;
        if (changes.status === "archived") return `archived project ${name}`;
        if (changes.status === "active") return `unarchived project ${name}`;
        return `updated project ${name}`;
      }
      return `updated a ${entry.table_name} row`;
    case "delete":
      return entry.table_name === "projects"
        ? `deleted project ${name}`
        : `deleted a ${entry.table_name} row`;
    case "project.restored":
      return `restored project ${name}`;
    case "member.invited":
      return `invited ${subject(entry, people)} as ${text(changes.role ?? before.role)}`;
    case "invitation.revoked":
      return `revoked the invitation of ${subject(entry, people)}`;
    case "invitation.accepted":
      return `accepted the invitation of ${subject(entry, people)}`;
    case "member.added":
      return changes.user_id === entry.actor_id
        ? `joined as ${text(changes.role)}`
        : `added ${subject(entry, people)} as ${text(changes.role)}`;
    case "member.role_changed":
      return `changed ${subject(entry, people)} from ${text(before.role)} to ${text(changes.role)}`;
    case "member.removed":
      return `removed ${subject(entry, people)}`;
    case "member.left":
      return "left the workspace";
    case "ownership.transferred":
      return `changed ${subject(entry, people)} to ${text(changes.role)} (ownership transfer)`;
    case "workspace.created":
      return `created the workspace ${name}`;
    case "workspace.renamed":
      return "slug" in changes
        ? `renamed the workspace ${text(before.name)} → ${text(changes.name)} and changed its URL /w/${text(before.slug)} → /w/${text(changes.slug)}`
        : `renamed the workspace ${text(before.name)} → ${text(changes.name)}`;
    case "workspace.url_changed":
      return `changed the workspace URL /w/${text(before.slug)} → /w/${text(changes.slug)}`;
    case "workspace.updated":
      if ("members_can_view_activity" in changes)
        return changes.members_can_view_activity === true
          ? "let members see the activity log"
          : "made the activity log visible to owners and admins only";
      return "updated the workspace settings";
    case "member.updated":
      return `updated the membership of ${subject(entry, people)}`;
    case "invitation.deleted":
      return `deleted the invitation of ${subject(entry, people)}`;
    case "billing.plan_started":
      return `started on the ${planLabel(changes.plan_id)} plan`;
    case "billing.plan_changed":
      if ("plan_id" in changes)
        return `changed the plan ${planLabel(before.plan_id)} → ${planLabel(changes.plan_id)}`;
      if ("status" in changes)
        return `changed the subscription status ${text(before.status).replace("_", " ")} → ${text(changes.status).replace("_", " ")}`;
      return "updated the subscription";
    default:
      return `${entry.action.replace(/[._]/g, " ")} (${entry.table_name})`;
  }
}

/** A plan id as people read it: "pro" → "Pro" (the catalog's names are the ids, capitalised). */
const planLabel = (planId: unknown) => {
  const id = text(planId);
  return id.charAt(0).toUpperCase() + id.slice(1);
};

/** Entries that can be undone from the feed: a deleted project. */
export const isRestorable = (entry: Pick<AuditEntry, "table_name" | "old_data" | "new_data">) =>
  entry.table_name === "projects" && entry.old_data !== null && entry.new_data === null;

export const ACTION_FILTERS = [
  "insert",
  "update",
  "delete",
  "project.restored",
  "member.invited",
  "invitation.revoked",
  "invitation.accepted",
  "member.added",
  "member.role_changed",
  "member.removed",
  "member.left",
  "ownership.transferred",
  "workspace.created",
  "billing.plan_changed",
  "workspace.renamed",
  "workspace.url_changed",
  "workspace.updated",
  "member.updated",
  "invitation.deleted",
] as const;

export const TABLE_FILTERS = [
  "projects",
  "organization_members",
  "invitations",
  "organizations",
  "workspace_subscriptions",
] as const;
