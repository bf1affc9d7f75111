/** `npm run tenant -- list [--search text]`: the workspaces, as the console lists them. */
import type { TenantCommand } from "./context";
import { flags, refusal } from "./args";

export const listCommand: TenantCommand = {
  name: "list",
  summary: "list workspaces (search by name, slug or owner email)",
  usage: "npm run tenant -- list [--search <text>] [--limit N]",
  async run(args, { supabase, print }) {
    const values = flags(args, { search: { type: "string" }, limit: { type: "string" } });
    const limit = Number(values.limit ?? 50);
    const { data, error } = await supabase.rpc("admin_list_workspaces", {
      search: values.search ?? undefined,
      max_rows: Number.isInteger(limit) ? limit : 0,
    });
    if (error) throw refusal(error);
    if (data.length === 0) {
      print("No workspace matches.");
      return 0;
    }
    for (const row of data)
      print(
        [
          row.slug.padEnd(24),
          (row.plan_id ?? "-").padEnd(10),
          row.status.padEnd(18),
          `${row.member_count} members`.padEnd(12),
          row.owner_emails.join(", ") || `(invited: ${row.pending_owner_email ?? "none"})`,
        ].join(" "),
      );
    print(`${data.length} of ${data[0]!.total_count} workspaces.`);
    return 0;
  },
};
