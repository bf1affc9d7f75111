/**
 * `npm run tenant -- offboard --slug <slug> [--grace-days N] [--cancel]`: schedule a
 * workspace's deletion (read-only from now, deleted by the purge job once the grace
 * period is over) or cancel it. `purge` runs the job.
 */
import { z } from "zod";
import { deletionGraceDays } from "../../lib/lifecycle/validation";
import { UsageError, type TenantCommand } from "./context";
import { flags, refusal, required, workspaceBySlug } from "./args";

const graceDays = z.coerce.number().int().min(1).max(365);
const day = (iso: string) => iso.slice(0, 16).replace("T", " ") + " UTC";

export const offboardCommand: TenantCommand = {
  name: "offboard",
  summary: "schedule a workspace's deletion after a grace period, or --cancel it",
  usage: [
    "npm run tenant -- offboard --slug <slug> [--grace-days N]   schedule (default WORKSPACE_DELETION_GRACE_DAYS or 30)",
    "npm run tenant -- offboard --slug <slug> --cancel           cancel a scheduled deletion",
  ].join("\n"),
  async run(args, { supabase, operator, print }) {
    const values = flags(args, {
      slug: { type: "string" },
      "grace-days": { type: "string" },
      cancel: { type: "boolean" },
    });
    const workspace = await workspaceBySlug(supabase, required(values.slug, "--slug"));
    if (values.cancel) {
      if (values["grace-days"] !== undefined)
        throw new UsageError("--cancel takes no --grace-days.");
      const { data, error } = await supabase.rpc("admin_cancel_workspace_deletion", {
        org: workspace.id,
        by: operator,
      });
      if (error) throw refusal(error);
      print(
        data
          ? `✓ The deletion of ${workspace.slug} is cancelled.`
          : `${workspace.slug} was not scheduled for deletion: nothing changed.`,
      );
      return 0;
    }
    const days = graceDays.safeParse(values["grace-days"] ?? deletionGraceDays());
    if (!days.success) throw new UsageError("--grace-days: a whole number of days, 1 to 365.");
    const { data, error } = await supabase.rpc("admin_schedule_workspace_deletion", {
      org: workspace.id,
      grace_days: days.data,
      by: operator,
    });
    if (error) throw refusal(error);
    print(
      workspace.deletion_due_at
        ? `${workspace.slug} was already scheduled for deletion on ${day(data)}: nothing changed.`
        : `✓ ${workspace.slug} is read-only and will be deleted on ${day(data)} (cancel: --cancel).`,
    );
    return 0;
  },
};
