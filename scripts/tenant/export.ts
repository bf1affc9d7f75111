/**
 * `npm run tenant -- export --slug acme [--out file]`: the operator's export of a
 * workspace, the same archive an owner downloads from settings (lib/export), read with
 * the service role and an explicit workspace filter on every query, and recorded in
 * the workspace's activity feed and the platform log with who ran it.
 */
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  countWorkspaceRows,
  exportArchiveChunks,
  exportFileName,
  recordExport,
} from "../../lib/export/archive";
import type { Manifest } from "../../lib/export/format";
import { slugSchema } from "../../lib/workspaces/validation";
import { CommandError, UsageError, type TenantCommand } from "./context";
import { stringFlags } from "./args";

export const exportCommand: TenantCommand = {
  name: "export",
  summary: "write a workspace's data (every table, audit log included) to a ZIP archive",
  usage: [
    "npm run tenant -- export --slug <slug> [--out <file>]",
    "  --slug  the workspace to export",
    "  --out   where to write the archive (default ./<slug>-export-<date>.zip; never overwritten)",
  ].join("\n"),
  async run(args, { supabase, operator, print }) {
    const options = stringFlags(args, ["slug", "out"]);
    if (!options.slug) throw new UsageError("Say which workspace: --slug <slug>.");
    const slug = slugSchema.safeParse(options.slug);
    if (!slug.success) throw new UsageError(`--slug: ${slug.error.issues[0]!.message}`);
    const out = options.out ?? exportFileName(slug.data);

    const { data: workspace, error } = await supabase
      .from("organizations")
      .select("id, slug, name")
      .eq("slug", slug.data)
      .maybeSingle();
    if (error) throw new CommandError(`Could not look up the workspace: ${error.message}`);
    if (!workspace) throw new CommandError(`No workspace has the slug "${slug.data}".`);

    const counts = await countWorkspaceRows(supabase, workspace.id);
    // Before the first byte: an export that is not on the record does not happen.
    const recorded = await recordExport(supabase, workspace.id, counts, operator);
    if (recorded.error)
      throw new CommandError(`Could not record the export: ${recorded.error.message}`);

    let manifest: Manifest | undefined;
    try {
      await pipeline(
        Readable.from(
          exportArchiveChunks({
            client: supabase,
            workspace,
            exportedBy: "operator",
            onManifest: (written) => (manifest = written),
          }),
        ),
        // "wx": an existing file is an error, never overwritten.
        createWriteStream(out, { flags: "wx" }),
      );
    } catch (cause) {
      const exists = cause instanceof Error && "code" in cause && cause.code === "EEXIST";
      if (!exists) await rm(out, { force: true });
      throw new CommandError(
        exists
          ? `${out} already exists: choose another --out.`
          : `The export failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      );
    }
    const tables = Object.entries(manifest!.tables);
    const rows = tables.reduce((sum, [, table]) => sum + table.rows, 0);
    const { size } = await stat(out);
    print(
      `✓ Exported ${workspace.slug}: ${rows} rows in ${tables.length} tables → ${out} (${size} bytes)`,
    );
    print(tables.map(([name, table]) => `  ${name}: ${table.rows}`).join("\n"));
    return 0;
  },
};
