/**
 * The workspace export archive (format version 1), shared by its writer
 * (lib/export/archive.ts: the owner's download and the operator's command) and its
 * reader (lib/export/import.ts). docs/operations-export.md describes it for people.
 *
 * A ZIP file:
 *   manifest.json               format, version, workspace, exported_at, per table:
 *                               its columns, row count and files (written last)
 *   <table>/0001.json, .csv     the table's rows in key order, PART_ROWS per part
 *
 * Parts, not one file per table: a ZIP writer can stream one entry at a time, so the
 * CSV twin of a JSON entry waits in memory (compressed) until the JSON is done. With
 * parts, that is one part's CSV, whatever the size of the workspace.
 */
import { z } from "zod";
import type { Database } from "../supabase/database.types";

export const FORMAT_NAME = "tenantkit-workspace-export";
export const FORMAT_VERSION = 1;
/** Rows per archive part (a JSON and a CSV file). */
export const PART_ROWS = 10_000;
/** Rows per API request: the keyset page (PostgREST caps a response's rows anyway). */
export const PAGE_ROWS = 1_000;

/** Response header of the owner's download: the rows it will hold (about), for progress. */
export const EXPORT_ROWS_HEADER = "X-Export-Rows";

type PublicTable = keyof Database["public"]["Tables"];

export interface ExportTable {
  table: PublicTable;
  /** The columns exported, in file order. Secrets are left out by not being listed. */
  columns: readonly string[];
  /** Unique, ordered column for keyset pagination. */
  key: string;
  /**
   * How the workspace's rows are found: a column equal to the workspace id, or
   * "members" (profiles: those of the workspace's members, read by their user ids).
   */
  scope: { column: string } | "members";
}

/**
 * Every table that holds a workspace's data, in import order (a row's references come
 * before it). tests/unit/export-format.test.ts fails when a table of
 * tests/access-specs.ts (every table the API exposes) is neither here nor in
 * NOT_EXPORTED; tests/integration/export.test.ts fails when a column is neither
 * exported nor in OMITTED_COLUMNS.
 */
export const EXPORT_TABLES: readonly ExportTable[] = [
  {
    table: "organizations",
    columns: [
      "id",
      "name",
      "slug",
      "members_can_view_activity",
      "support_requires_approval",
      "created_at",
      "updated_at",
    ],
    key: "id",
    scope: { column: "id" },
  },
  {
    table: "workspace_subscriptions",
    columns: [
      "organization_id",
      "plan_id",
      "status",
      "current_period_start",
      "current_period_end",
      "seat_quantity",
      "cancel_at_period_end",
      "grace_ends_at",
      "created_at",
      "updated_at",
    ],
    key: "organization_id",
    scope: { column: "organization_id" },
  },
  {
    table: "organization_members",
    columns: ["id", "organization_id", "user_id", "role", "created_at", "updated_at"],
    key: "id",
    scope: { column: "organization_id" },
  },
  {
    // Names and emails of the members, as their co-members see them.
    table: "profiles",
    columns: ["id", "email", "full_name", "created_at", "updated_at"],
    key: "id",
    scope: "members",
  },
  {
    table: "invitations",
    columns: [
      "id",
      "organization_id",
      "email",
      "role",
      "invited_by",
      "expires_at",
      "accepted_at",
      "accepted_by",
      "revoked_at",
      "created_at",
      "updated_at",
    ],
    key: "id",
    scope: { column: "organization_id" },
  },
  {
    table: "projects",
    columns: ["id", "organization_id", "name", "status", "created_by", "created_at", "updated_at"],
    key: "id",
    scope: { column: "organization_id" },
  },
  {
    table: "audit_logs",
    columns: [
      "id",
      "organization_id",
      "actor_id",
      "actor_kind",
      "actor_label",
      "action",
      "table_name",
      "record_id",
      "old_data",
      "new_data",
      "created_at",
    ],
    key: "id",
    scope: { column: "organization_id" },
  },
];

/** Tables the API exposes that are no workspace's data: the plan catalog. */
export const NOT_EXPORTED: readonly string[] = ["plan_metrics", "plans", "plan_limits"];

/**
 * Columns deliberately left out, and why: tests hold every other column to be exported.
 *   invitations.token_hash   the invitation's secret (a hash still lets someone test guesses)
 *   invitations.invited_by_platform   a platform flag of provisioning, not granted to users
 *   audit_logs.ip/user_agent request metadata, readable per entry only (not to owners in bulk)
 *   organizations.suspended_at, suspension_reason, deletion_*   the platform's lifecycle state
 *                            of this deployment (a suspension or a scheduled deletion), not the
 *                            workspace's data: an import must not arrive suspended or doomed
 */
export const OMITTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  organizations: [
    "suspended_at",
    "suspension_reason",
    "deletion_scheduled_at",
    "deletion_due_at",
    "deletion_requested_by",
  ],
  invitations: ["token_hash", "invited_by_platform"],
  audit_logs: ["ip", "user_agent"],
};

export const tableNames = EXPORT_TABLES.map((spec) => spec.table);

/** The archive path of a table's part (1-based), without extension. */
export const partPath = (table: string, part: number) =>
  `${table}/${String(part).padStart(4, "0")}`;

export const manifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  format_version: z.number().int(),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  exported_at: z.string(),
  /** "owner" (the settings page, under the owner's JWT) or "operator" (the command). */
  exported_by: z.enum(["owner", "operator"]),
  tables: z.record(
    z.string(),
    z.object({
      columns: z.array(z.string()),
      rows: z.number().int().nonnegative(),
      files: z.array(z.string()),
    }),
  ),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** A row as the archive holds it: column → JSON value. */
export type ExportRow = Record<string, unknown>;
