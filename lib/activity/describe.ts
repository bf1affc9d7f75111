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
  entry: Pick<AuditEntry, "actor_kind" | "actor_label" | "actor_id" | "action">,
  people: Map<string, string> = new Map(),
): string {
  // Support access (platform.support_grants): the operator is shown as Support, with
  // their address, even if they also happen to be a member; "The platform" when the
  // command line closed a grant.
  if (
    isSupportAction(entry.action) &&
    entry.actor_label &&
    !OWNER_SUPPORT_ACTIONS.has(entry.action)
  )
    return entry.actor_label;
  if (entry.actor_kind === "service") return "The platform";
  if (entry.actor_kind === "system") return "The system";
  return (entry.actor_id && people.get(entry.actor_id)) || entry.actor_label || "A former member";
}

/** How an account that was deleted is named, wherever its id appears. */
export const DELETED_USER = "Deleted user";

/** `people` with every deleted account named DELETED_USER, whatever the log recorded for it. */
export function withDeletedAccounts(
  people: Map<string, string>,
  deletedIds: Iterable<string>,
): Map<string, string> {
  const named = new Map(people);
  for (const id of deletedIds) named.set(id, DELETED_USER);
  return named;
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

/** Bookkeeping people do not read: ids, the workspace itself, timestamps the entry already shows. */
const HIDDEN_FIELDS = new Set(["id", "organization_id", "created_at", "updated_at", "token_hash"]);

/** Columns as people name them; a column not listed shows as "Other (column)". */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  status: "Status",
  role: "Role",
  email: "Email",
  slug: "URL",
  user_id: "Person",
  created_by: "Created by",
  invited_by: "Invited by",
  accepted_by: "Accepted by",
  expires_at: "Expires",
  accepted_at: "Accepted",
  revoked_at: "Revoked",
  members_can_view_activity: "Members see the activity log",
  plan_id: "Plan",
  seat_quantity: "Seats",
  current_period_start: "Period started",
  current_period_end: "Period ends",
  cancel_at_period_end: "Cancels at period end",
  grace_ends_at: "Grace period ends",
  // Exports and imports (platform.workspace_exports / workspace_imports rows).
  counts: "Rows per table",
  format_version: "Archive format",
  requested_by: "Run by (operator)",
  source: "Archive",
  started_at: "Started",
  reason: "Reason",
  minutes: "Duration (minutes)",
  section: "Page viewed",
  closed_by: "Closed by",
  approved_by: "Approved by",
  support_requires_approval: "Support access needs an owner's approval",
};
/** Columns that hold a person's id: shown as the person. */
const PERSON_FIELDS = new Set(["user_id", "created_by", "invited_by", "accepted_by"]);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const dateTimeFormat = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function displayValue(field: string, value: unknown, people: Map<string, string>): string {
  if (value === null || value === undefined || value === "") return "";
  if (PERSON_FIELDS.has(field) && typeof value === "string")
    return people.get(value) ?? "a former member";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (field === "plan_id") return planLabel(value);
  if (field === "role" || field === "status")
    return text(value).charAt(0).toUpperCase() + text(value).slice(1).replace("_", " ");
  if (typeof value === "string" && TIMESTAMP.test(value)) {
    const date = new Date(value.replace(" ", "T").replace(/\+00$/, "Z"));
    if (!Number.isNaN(date.getTime())) return `${dateTimeFormat.format(date)} UTC`;
  }
  return text(value);
}

/**
 * What changed, field by field, as people read it: labelled fields, people by name,
 * dates and yes/no instead of raw values, no ids (all fields for inserts and deletes).
 */
export function fieldChanges(
  entry: Pick<AuditEntry, "old_data" | "new_data" | "action">,
  people: Map<string, string> = new Map(),
): FieldChange[] {
  const { before, after } = beforeAfter(entry);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...fields]
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => text(before?.[field]) !== text(after?.[field]))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((field) => ({
      field: FIELD_LABELS[field] ?? `Other (${field})`,
      before: displayValue(field, before?.[field], people),
      after: displayValue(field, after?.[field], people),
    }));
}

/** What an entry is about, as people name it: `Project “Roadmap”`, `Invitation of a@b.c`. */
export function subjectLabel(entry: AuditEntry, people: Map<string, string> = new Map()): string {
  const row = { ...(entry.old_data ?? {}), ...(entry.new_data ?? {}) };
  const table = isTableFilter(entry.table_name) ? TABLE_LABELS[entry.table_name] : "Other data";
  if (entry.table_name === "projects" || entry.table_name === "organizations")
    return `${table}: “${text(row.name)}”`;
  if (entry.table_name === "organization_members" || entry.table_name === "invitations")
    return `${table}: ${subject(entry, people)}`;
  return table;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", else the date. */
export function relativeTime(date: Date, now: Date = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const ago = -seconds;
  if (ago < 45) return "just now";
  if (ago < 45 * 60) return relative.format(Math.round(seconds / 60), "minute");
  if (ago < 22 * 3600) return relative.format(Math.round(seconds / 3600), "hour");
  if (ago < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), "day");
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** The exact time, for a tooltip and the entry page: "Nov 23, 2026, 10:00 AM UTC". */
export const exactTime = (date: Date) => `${dateTimeFormat.format(date)} UTC`;

/** Entries by calendar day (UTC), newest first as given: "Today", "Yesterday", "Friday, November 20". */
export function groupByDay<T extends { created_at: string }>(
  entries: readonly T[],
  now: Date = new Date(),
): { day: string; entries: T[] }[] {
  const key = (date: Date) => date.toISOString().slice(0, 10);
  const today = key(now);
  const yesterday = key(new Date(now.getTime() - 86_400_000));
  const dayFormat = new Intl.DateTimeFormat("en", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  });
  const groups: { day: string; entries: T[] }[] = [];
  for (const entry of entries) {
    const date = new Date(entry.created_at.replace(" ", "T").replace(/\+00$/, "Z"));
    const day =
      key(date) === today
        ? "Today"
        : key(date) === yesterday
          ? "Yesterday"
          : dayFormat.format(date);
    const last = groups.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else groups.push({ day, entries: [entry] });
  }
  return groups;
}

/** The person a membership or invitation entry is about, as the entry recorded them. */
function subject(entry: AuditEntry, people: Map<string, string>): string {
  const row = { ...(entry.old_data ?? {}), ...(entry.new_data ?? {}) };
  if (typeof row.email === "string") return row.email;
  const userId = typeof row.user_id === "string" ? row.user_id : undefined;
  return (userId && people.get(userId)) ?? "a former member";
}

const exportedRow = z.object({ counts: z.record(z.string(), z.number()) });
const importedRow = z.object({ source: z.object({ workspace: z.object({ slug: z.string() }) }) });

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
      if ("support_requires_approval" in changes)
        return changes.support_requires_approval === true
          ? "required an owner's approval for support access"
          : "let support access open without an owner's approval";
      return "updated the workspace settings";
    case "member.updated":
      return `updated the membership of ${subject(entry, people)}`;
    case "invitation.deleted":
      return `deleted the invitation of ${subject(entry, people)}`;
    // The lifecycle (operators and owners; the reason is the operator's words).
    case "workspace.suspended":
      return `suspended the workspace (reason: ${text(changes.suspension_reason)})`;
    case "workspace.resumed":
      return "resumed the workspace";
    case "workspace.deletion_scheduled":
      return `scheduled the deletion of the workspace for ${text(changes.deletion_due_at).slice(0, 10)}`;
    case "workspace.deletion_cancelled":
      return "cancelled the deletion of the workspace";
    // delete_my_account(): the membership goes, and the person's ids on the
    // workspace's rows are set to null (their pending invitations are revoked first).
    case "account.deleted":
      if (entry.table_name === "organization_members")
        return "deleted their account and left the workspace";
      if (entry.table_name === "projects")
        return `deleted their account; project ${name} stays, without its creator`;
      if (entry.table_name === "invitations")
        return "revoked_at" in changes
          ? `deleted their account, which revoked their invitation of ${subject(entry, people)}`
          : `deleted their account; the invitation of ${subject(entry, people)} stays, without them`;
      return "deleted their account";
    case "billing.plan_started":
      return `started on the ${planLabel(changes.plan_id)} plan`;
    case "billing.plan_changed":
      if ("plan_id" in changes)
        return `changed the plan ${planLabel(before.plan_id)} → ${planLabel(changes.plan_id)}`;
      if ("status" in changes)
        return `changed the subscription status ${text(before.status).replace("_", " ")} → ${text(changes.status).replace("_", " ")}`;
      return "updated the subscription";
    case "workspace.exported": {
      // platform.workspace_exports' row: the rows per table when the export started.
      const exported = exportedRow.safeParse(changes);
      if (!exported.success) return "exported the workspace's data";
      const rows = Object.values(exported.data.counts).reduce((sum, count) => sum + count, 0);
      return `exported the workspace's data (${rows.toLocaleString("en")} rows)`;
    }
    case "workspace.imported": {
      // platform.workspace_imports' row: the archive's manifest, its workspace included.
      const imported = importedRow.safeParse(changes);
      return imported.success
        ? `imported the workspace from an export of /w/${imported.data.source.workspace.slug}`
        : "imported the workspace from an export";
    }
    // Support access: the reason is the operator's own words, shown as they wrote them.
    case "support.opened":
      return `opened support access for ${supportDuration(changes.minutes)}: ${text(changes.reason)}`;
    case "support.viewed":
      return `viewed this workspace (${text(changes.section)}): ${text(changes.reason)}`;
    case "support.closed":
      return `closed support access: ${text(changes.reason)}`;
    case "support.requested":
      return `asked for support access for ${supportDuration(changes.minutes)}: ${text(changes.reason)}`;
    case "support.approved":
      return `approved support access for ${supportDuration(changes.minutes)}: ${text(changes.reason)}`;
    case "support.revoked":
      return `revoked support access: ${text(changes.reason)}`;
    default:
      return `${entry.action.replace(/[._]/g, " ")} (${entry.table_name})`;
  }
}

const isSupportAction = (action: string) => action.startsWith("support.");
/** Support events an owner causes (approving, revoking): their actor is a member. */
const OWNER_SUPPORT_ACTIONS = new Set(["support.approved", "support.revoked"]);

/** 90 → "1 h 30 min", 60 → "1 hour", 30 → "30 minutes". */
export function supportDuration(minutes: unknown): string {
  const total = typeof minutes === "number" ? minutes : Number(minutes);
  if (!Number.isFinite(total) || total <= 0) return "a while";
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} minute${rest === 1 ? "" : "s"}`;
  if (rest === 0) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${hours} h ${rest} min`;
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
  "account.deleted",
  "ownership.transferred",
  "workspace.created",
  "billing.plan_changed",
  "workspace.renamed",
  "workspace.url_changed",
  "workspace.updated",
  "member.updated",
  "invitation.deleted",
  "workspace.exported",
  "workspace.imported",
  "support.opened",
  "support.viewed",
  "support.closed",
  "support.requested",
  "support.approved",
  "support.revoked",
  "workspace.suspended",
  "workspace.resumed",
  "workspace.deletion_scheduled",
  "workspace.deletion_cancelled",
] as const;

export const TABLE_FILTERS = [
  "projects",
  "organization_members",
  "invitations",
  "organizations",
  "workspace_subscriptions",
  "workspace_exports",
  "workspace_imports",
  "support_grants",
] as const;
export type TableFilter = (typeof TABLE_FILTERS)[number];

/** The kinds of data of the "Data" filter and the entry page, as people name them. */
export const TABLE_LABELS: Record<TableFilter, string> = {
  projects: "Project",
  organization_members: "Membership",
  invitations: "Invitation",
  organizations: "Workspace",
  workspace_subscriptions: "Plan",
  workspace_exports: "Export",
  workspace_imports: "Import",
  support_grants: "Support access",
};

export type ActionFilter = (typeof ACTION_FILTERS)[number];

/** The actions of the "Action" filter, as people name them. */
export const ACTION_LABELS: Record<ActionFilter, string> = {
  insert: "Created",
  update: "Changed",
  delete: "Deleted",
  "project.restored": "Project restored",
  "member.invited": "Invited someone",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "member.added": "Member added",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "account.deleted": "Account deleted",
  "ownership.transferred": "Ownership transferred",
  "workspace.created": "Workspace created",
  "billing.plan_changed": "Plan changed",
  "workspace.renamed": "Workspace renamed",
  "workspace.url_changed": "URL changed",
  "workspace.updated": "Workspace settings changed",
  "member.updated": "Membership changed",
  "invitation.deleted": "Invitation deleted",
  "workspace.exported": "Workspace exported",
  "workspace.imported": "Workspace imported",
  "support.opened": "Support access opened",
  "support.viewed": "Support viewed the workspace",
  "support.closed": "Support access closed",
  "support.requested": "Support access requested",
  "support.approved": "Support access approved",
  "support.revoked": "Support access revoked",
  "workspace.suspended": "Workspace suspended",
  "workspace.resumed": "Workspace resumed",
  "workspace.deletion_scheduled": "Deletion scheduled",
  "workspace.deletion_cancelled": "Deletion cancelled",
};

/** An entry's action as people name it (the filter's label, else the sentence's verb). */
export const actionLabel = (action: string) =>
  isActionFilter(action) ? ACTION_LABELS[action] : action.replace(/[._]/g, " ");

const isTableFilter = (table: string): table is TableFilter =>
  (TABLE_FILTERS as readonly string[]).includes(table);
const isActionFilter = (action: string): action is ActionFilter =>
  (ACTION_FILTERS as readonly string[]).includes(action);
