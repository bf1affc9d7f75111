/**
 * Reads an export archive back (lib/export/format.ts) and checks it before anything
 * is written: the format and its version, that every file the manifest lists exists,
 * and that each table's files hold exactly the rows the manifest counts (a truncated
 * or edited archive is refused, not half imported).
 */
import { strFromU8, unzipSync } from "fflate";
import { z } from "zod";
import {
  EXPORT_TABLES,
  FORMAT_NAME,
  FORMAT_VERSION,
  manifestSchema,
  type ExportRow,
  type Manifest,
} from "./format";

export class ArchiveError extends Error {}

export interface ExportArchive {
  manifest: Manifest;
  /** Rows per table, in the archive's order. */
  tables: Record<string, ExportRow[]>;
}

const rowsSchema = z.array(z.record(z.string(), z.unknown()));

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    throw new ArchiveError(`${what} is not valid JSON.`);
  }
}

export function readExportArchive(bytes: Uint8Array): ExportArchive {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new ArchiveError("This file is not a ZIP archive (a workspace export is one).");
  }
  const manifestFile = files["manifest.json"];
  if (!manifestFile)
    throw new ArchiveError("This archive has no manifest.json: it is not a workspace export.");
  const raw = parseJson(manifestFile, "manifest.json");
  const format = z.object({ format: z.string(), format_version: z.unknown() }).safeParse(raw);
  if (!format.success || format.data.format !== FORMAT_NAME)
    throw new ArchiveError("manifest.json does not describe a tenantkit workspace export.");
  if (format.data.format_version !== FORMAT_VERSION)
    throw new ArchiveError(
      `This archive has format version ${JSON.stringify(format.data.format_version)}; this version of tenantkit reads version ${FORMAT_VERSION} only.`,
    );
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    throw new ArchiveError(
      `manifest.json is malformed: ${parsed.error.issues[0]!.path.join(".")} ${parsed.error.issues[0]!.message}`,
    );
  const manifest = parsed.data;

  const tables: Record<string, ExportRow[]> = {};
  for (const { table } of EXPORT_TABLES) {
    const entry = manifest.tables[table];
    if (!entry) throw new ArchiveError(`The manifest lists no table ${table}.`);
    const rows: ExportRow[] = [];
    for (const path of entry.files.filter((file) => file.endsWith(".json"))) {
      const file = files[path];
      if (!file) throw new ArchiveError(`${path}, listed in the manifest, is missing.`);
      const content = rowsSchema.safeParse(parseJson(file, path));
      if (!content.success) throw new ArchiveError(`${path} is not a list of rows.`);
      rows.push(...content.data);
    }
    if (rows.length !== entry.rows)
      throw new ArchiveError(
        `${table}: the manifest counts ${entry.rows} rows, the archive holds ${rows.length}.`,
      );
    tables[table] = rows;
  }
  return { manifest, tables };
}
