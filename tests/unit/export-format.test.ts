/**
 * The export archive's table list holds every table of a workspace: a new tenant table
 * (an entry in tests/access-specs.ts, which the attack matrix requires of every table
 * the API exposes) that is not exported fails here, naming it.
 */
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { csvField } from "@/lib/export/archive";
import { EXPORT_TABLES, FORMAT_NAME, NOT_EXPORTED, tableNames } from "@/lib/export/format";
import { ArchiveError, readExportArchive } from "@/lib/export/read";
import { exportPermissions } from "@/lib/export/permissions";
import { ROLES } from "@/lib/workspaces/validation";
import { IMPORTED_TABLES } from "../../scripts/tenant/import";
import { CATALOG_TABLES, RPCS, TABLES } from "../access-specs";

describe("the export's tables", () => {
  it("are every table of the access specs, except the plan catalog", () => {
    const exposed = [...Object.keys(TABLES), ...Object.keys(CATALOG_TABLES)].map((key) =>
      key.replace(/^public\./, ""),
    );
    const covered = [...EXPORT_TABLES.map((spec) => spec.table), ...NOT_EXPORTED];
    for (const table of exposed)
      expect(
        covered,
        `public.${table} is in no export: add it to EXPORT_TABLES (lib/export/format.ts) or NOT_EXPORTED`,
      ).toContain(table);
    expect([...covered].sort()).toEqual([...exposed].sort());
    expect(NOT_EXPORTED.every((table) => `public.${table}` in CATALOG_TABLES)).toBe(true);
  });

  it("are all carried by the import", () => {
    expect([...IMPORTED_TABLES].sort()).toEqual([...tableNames].sort());
  });

  it("never list a secret column", () => {
    const invitations = EXPORT_TABLES.find((spec) => spec.table === "invitations")!;
    expect(invitations.columns).not.toContain("token_hash");
    const audit = EXPORT_TABLES.find((spec) => spec.table === "audit_logs")!;
    expect(audit.columns).not.toContain("ip");
    expect(audit.columns).not.toContain("user_agent");
  });
});

describe("csvField", () => {
  it("quotes what CSV needs quoted, writes objects as JSON and null as nothing", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", twice\n')).toBe('"say ""hi"", twice\n"');
    expect(csvField(null)).toBe("");
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
    expect(csvField(42)).toBe("42");
  });
});

describe("readExportArchive", () => {
  const manifest = (overrides: Record<string, unknown> = {}) => ({
    format: FORMAT_NAME,
    format_version: 1,
    workspace: { id: "w", slug: "acme", name: "Acme" },
    exported_at: "2026-11-23T00:00:00Z",
    exported_by: "owner",
    tables: Object.fromEntries(
      EXPORT_TABLES.map((spec) => [
        spec.table,
        { columns: [...spec.columns], rows: 0, files: [] as string[] },
      ]),
    ),
    ...overrides,
  });
  const zip = (files: Record<string, unknown>) =>
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([name, value]) => [name, strToU8(JSON.stringify(value))]),
      ),
    );
  const refusal = (bytes: Uint8Array) => {
    try {
      readExportArchive(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ArchiveError);
      return (error as Error).message;
    }
    throw new Error("the archive was accepted");
  };

  it("reads an empty workspace", () => {
    expect(readExportArchive(zip({ "manifest.json": manifest() })).tables.projects).toEqual([]);
  });

  it("refuses what is not an export, another version, and counts that do not match", () => {
    expect(refusal(strToU8("not a zip"))).toMatch(/not a ZIP archive/);
    expect(refusal(zip({ "other.json": {} }))).toMatch(/no manifest\.json/);
    expect(refusal(zip({ "manifest.json": manifest({ format_version: 2 }) }))).toBe(
      "This archive has format version 2; this version of tenantkit reads version 1 only.",
    );
    const counted = manifest();
    counted.tables.projects = { columns: ["id"], rows: 2, files: ["projects/0001.json"] };
    expect(refusal(zip({ "manifest.json": counted, "projects/0001.json": [{ id: "p1" }] }))).toBe(
      "projects: the manifest counts 2 rows, the archive holds 1.",
    );
    expect(refusal(zip({ "manifest.json": counted }))).toBe(
      "projects/0001.json, listed in the manifest, is missing.",
    );
  });
});

describe("who may export", () => {
  it("is the same in the UI's table and the database's (the access spec of record_workspace_export)", () => {
    const spec = Object.entries(RPCS).find(([key]) =>
      key.startsWith("public.record_workspace_export("),
    );
    expect(spec?.[1].may).toBe("owner");
    expect(ROLES.filter((role) => exportPermissions(role).canExport)).toEqual(["owner"]);
  });
});
