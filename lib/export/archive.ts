/**
 * Builds a workspace's export archive (lib/export/format.ts) as a stream: the ONE code
 * path for both readers, the owner's route (their JWT: RLS decides what exists) and the
 * operator's command (the service role). Either way every query names the workspace
 * explicitly, and pages through the table in key order (keyset pagination: a page
 * costs the same at row 1 and at row 1,000,000).
 *
 * Consistency: the archive is read in many requests, not one snapshot; a row written
 * during an export may or may not be in it. The manifest counts what the archive holds.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { Zip, ZipDeflate, strToU8 } from "fflate";
import { z } from "zod";
import type { Database } from "../supabase/database.types";
import {
  EXPORT_TABLES,
  FORMAT_NAME,
  FORMAT_VERSION,
  PAGE_ROWS,
  PART_ROWS,
  partPath,
  type ExportRow,
  type ExportTable,
  type Manifest,
} from "./format";

type Client = SupabaseClient<Database>;

const rowsSchema = z.array(z.record(z.string(), z.unknown()));

export interface ExportWorkspace {
  id: string;
  slug: string;
  name: string;
}

export class ExportReadError extends Error {}

/** The workspace's rows of one table, page by page. */
async function* readTable(
  client: Client,
  spec: ExportTable,
  organizationId: string,
  memberIds: () => string[],
): AsyncGenerator<ExportRow[]> {
  const columns = spec.columns.join(", ");
  if (spec.scope === "members") {
    // Profiles have no workspace column: the members' ids are the filter, in
    // request-sized chunks (they travel in the URL).
    const ids = [...new Set(memberIds())].sort();
    for (let start = 0; start < ids.length; start += 100) {
      const { data, error } = await client
        .from(spec.table)
        .select(columns)
        .in("id", ids.slice(start, start + 100))
        .order(spec.key);
      if (error) throw new ExportReadError(`${spec.table}: ${error.message}`);
      yield rowsSchema.parse(data);
    }
    return;
  }
  let after: unknown = undefined;
  for (;;) {
    let query = client
      .from(spec.table)
      .select(columns)
      .eq(spec.scope.column, organizationId)
      .order(spec.key)
      .limit(PAGE_ROWS);
    if (after !== undefined) query = query.gt(spec.key, String(after));
    const { data, error } = await query;
    if (error) throw new ExportReadError(`${spec.table}: ${error.message}`);
    const rows = rowsSchema.parse(data);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE_ROWS) return;
    after = rows.at(-1)![spec.key];
  }
}

/** Rows per table as the reader sees them now, for progress and the export's record. */
export async function countWorkspaceRows(
  client: Client,
  organizationId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const spec of EXPORT_TABLES) {
    // Profiles: one per member. The key column only: `*` would name columns that a
    // user may not select (invitations.token_hash), and be refused.
    const { count, error } =
      spec.scope === "members"
        ? await client
            .from("organization_members")
            .select("id", { count: "exact", head: true })
            .eq("organization_id", organizationId)
        : await client
            .from(spec.table)
            .select(spec.key, { count: "exact", head: true })
            .eq(spec.scope.column, organizationId);
    // A count is a HEAD request: no body, so the code may be all there is.
    if (error) throw new ExportReadError(`${spec.table}: ${error.message || error.code}`);
    counts[spec.table] = count ?? 0;
  }
  return counts;
}

/** RFC 4180: quoted when it holds a comma, quote or line break; objects as JSON. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (values: unknown[]) => values.map(csvField).join(",") + "\r\n";

/**
 * The archive's bytes, produced as the consumer reads them (a page at a time).
 * `onManifest` receives the manifest once the last table is written.
 */
export async function* exportArchiveChunks(options: {
  client: Client;
  workspace: ExportWorkspace;
  exportedBy: Manifest["exported_by"];
  onManifest?: (manifest: Manifest) => void;
}): AsyncGenerator<Uint8Array> {
  const { client, workspace } = options;
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    const chunks = pending;
    pending = [];
    yield* chunks;
  };
  const manifest: Manifest = {
    format: FORMAT_NAME,
    format_version: FORMAT_VERSION,
    workspace,
    exported_at: new Date().toISOString(),
    exported_by: options.exportedBy,
    tables: {},
  };
  const memberIds: string[] = [];

  for (const spec of EXPORT_TABLES) {
    const entry = { columns: [...spec.columns], rows: 0, files: [] as string[] };
    manifest.tables[spec.table] = entry;
    let json: ZipDeflate | null = null;
    let csv: ZipDeflate | null = null;
    let rowsInPart = 0;
    const closePart = () => {
      json?.push(strToU8("\n]\n"), true);
      csv?.push(new Uint8Array(0), true);
      json = csv = null;
    };
    for await (const page of readTable(client, spec, workspace.id, () => memberIds)) {
      for (const row of page) {
        if (!json || !csv || rowsInPart === PART_ROWS) {
          closePart();
          const path = partPath(spec.table, entry.files.length / 2 + 1);
          json = new ZipDeflate(`${path}.json`, { level: 6 });
          csv = new ZipDeflate(`${path}.csv`, { level: 6 });
          zip.add(json);
          zip.add(csv);
          entry.files.push(`${path}.json`, `${path}.csv`);
          json.push(strToU8("["));
          csv.push(strToU8(csvLine([...spec.columns])));
          rowsInPart = 0;
        }
        const ordered = Object.fromEntries(spec.columns.map((column) => [column, row[column]]));
        json.push(strToU8(`${rowsInPart === 0 ? "\n" : ",\n"}${JSON.stringify(ordered)}`));
        csv.push(strToU8(csvLine(spec.columns.map((column) => row[column]))));
        rowsInPart += 1;
        entry.rows += 1;
        if (spec.table === "organization_members" && typeof row.user_id === "string")
          memberIds.push(row.user_id);
      }
      yield* drain();
    }
    closePart();
    yield* drain();
  }

  const manifestFile = new ZipDeflate("manifest.json", { level: 6 });
  zip.add(manifestFile);
  manifestFile.push(strToU8(JSON.stringify(manifest, null, 2) + "\n"), true);
  zip.end();
  yield* drain();
  options.onManifest?.(manifest);
}

/** The same bytes as a web stream (a route handler's body), pulled a page at a time. */
export function exportArchiveStream(
  options: Parameters<typeof exportArchiveChunks>[0] & { onError?: (error: unknown) => void },
): ReadableStream<Uint8Array> {
  const chunks = exportArchiveChunks(options);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        options.onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** The file name offered for a download: acme-export-2026-11-23.zip. */
export const exportFileName = (slug: string, at = new Date()) =>
  `${slug}-export-${at.toISOString().slice(0, 10)}.zip`;

/**
 * Records an export before its first byte leaves: the workspace's activity feed
 * ("workspace.exported") and the platform log. Under a user's JWT the database
 * allows it to owners only, so this is also the export's permission check.
 */
export async function recordExport(
  client: Client,
  organizationId: string,
  counts: Record<string, number>,
  requestedBy?: string,
) {
  const { data, error } = await client.rpc("record_workspace_export", {
    org: organizationId,
    format_version: FORMAT_VERSION,
    counts,
    requested_by: requestedBy,
  });
  return { exportId: data, error };
}
