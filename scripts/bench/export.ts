/**
 * `npm run bench:export`: export throughput (rows/s) of a large workspace, on a
 * throwaway local stack. Fills one workspace with --rows rows (half projects, and
 * the audit entries their inserts write), then builds its archive exactly as the
 * owner's download does (lib/export: under the owner's JWT, keyset pages through the
 * HTTP API, ZIP of JSON and CSV) and as the operator's command does (service role),
 * and reports rows/s, archive size and the process's peak memory.
 *
 * Options: --rows <total> (default 10000; the figure is 100000),
 * --driver pglite|postgres and --db-url <postgres url> to measure on a real server.
 */
import { parseArgs } from "node:util";
import { countWorkspaceRows, exportArchiveChunks } from "../../lib/export/archive";
import type { Manifest } from "../../lib/export/format";
import { createWorkspace, serviceClient, setPlan, signUpUser } from "../../tests/support/clients";
import { literal, runSql } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    driver: { type: "string", default: "pglite" },
    "db-url": { type: "string" },
  },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 2) throw new Error("--rows: a whole number, at least 2");
const driver = values.driver === "postgres" ? "postgres" : "pglite";

console.log(`export throughput: a workspace of about ${rows} rows, on ${driver}`);
const { info, stop } = await startTestStack({ driver, dbUrl: values["db-url"] });
try {
  const suffix = Date.now().toString(36);
  const owner = await signUpUser(info, `bench-export-${suffix}@bench.test`);
  const workspace = await createWorkspace(owner, "Bench export", `bench-export-${suffix}`);
  await setPlan(info, workspace.id, "enterprise");
  const started = performance.now();
  // Each project's insert writes one audit entry: rows/2 projects make about `rows` rows.
  for (let done = 0; done < rows / 2; done += 10_000)
    await runSql(
      info,
      `insert into public.projects (organization_id, name)
       select ${literal(workspace.id)}, 'Bench project ' || g
       from generate_series(${done + 1}, ${Math.min(done + 10_000, Math.floor(rows / 2))}) g`,
    );
  console.log(`filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  for (const [label, client, exportedBy] of [
    ["owner (JWT, RLS)", owner.client, "owner"],
    ["operator (service role)", serviceClient(info), "operator"],
  ] as const) {
    const counts = await countWorkspaceRows(client, workspace.id);
    let manifest: Manifest | undefined;
    let bytes = 0;
    const begin = performance.now();
    for await (const chunk of exportArchiveChunks({
      client,
      workspace,
      exportedBy,
      onManifest: (written) => (manifest = written),
    }))
      bytes += chunk.length;
    const seconds = (performance.now() - begin) / 1000;
    const exported = Object.values(manifest!.tables).reduce((sum, table) => sum + table.rows, 0);
    const expected = Object.values(counts).reduce((sum, count) => sum + count, 0);
    if (exported !== expected) throw new Error(`exported ${exported} rows, counted ${expected}`);
    console.log(
      `${label}: ${exported} rows in ${seconds.toFixed(1)} s = ${Math.round(exported / seconds)} rows/s; archive ${(bytes / 1024 / 1024).toFixed(1)} MB; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  }
} finally {
  await stop();
}
