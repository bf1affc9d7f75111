/**
 * `npm run tenant -- purge`: the scheduled job. Deletes every workspace whose
 * deletion is due and prints what went; each deletion is in the platform log with
 * its row counts. Run it from cron (docs/operations-lifecycle.md).
 */
import { z } from "zod";
import { UsageError, type TenantCommand } from "./context";
import { refusal } from "./args";

const rowCounts = z.record(z.string(), z.number());

export const purgeCommand: TenantCommand = {
  name: "purge",
  summary: "delete the workspaces whose deletion is due (the scheduled job)",
  usage: "npm run tenant -- purge",
  async run(args, { supabase, operator, print }) {
    if (args.length > 0) throw new UsageError(`Unexpected argument: ${args[0]}`);
    const { data, error } = await supabase.rpc("purge_due_workspaces", { by: operator });
    if (error) throw refusal(error);
    if (data.length === 0) print("No workspace is due for deletion: nothing changed.");
    for (const deleted of data) {
      const counts = Object.entries(rowCounts.parse(deleted.row_counts))
        .filter(([, count]) => count > 0)
        .map(([table, count]) => `${table} ${count}`)
        .join(", ");
      print(`✓ Deleted ${deleted.slug} (${counts || "no rows"}).`);
    }
    return 0;
  },
};
