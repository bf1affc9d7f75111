/**
 * `npm run tenant -- suspend|resume --slug <slug>`: freeze a workspace (read-only
 * for its users, enforced by the database) and thaw it. Recorded in the platform
 * log and in the workspace's own activity feed.
 */
import { suspendSchema } from "../../lib/lifecycle/validation";
import { UsageError, type TenantCommand } from "./context";
import { flags, refusal, required, workspaceBySlug } from "./args";

export const suspendCommand: TenantCommand = {
  name: "suspend",
  summary: "make a workspace read-only for its users (with a reason they see)",
  usage: 'npm run tenant -- suspend --slug <slug> --reason "<why, shown to the owners>"',
  async run(args, { supabase, operator, print }) {
    const values = flags(args, { slug: { type: "string" }, reason: { type: "string" } });
    const slug = required(values.slug, "--slug");
    const reason = suspendSchema.safeParse({ reason: values.reason ?? "" });
    if (!reason.success) throw new UsageError(`--reason: ${reason.error.issues[0]!.message}`);
    const workspace = await workspaceBySlug(supabase, slug);
    const { data, error } = await supabase.rpc("admin_suspend_workspace", {
      org: workspace.id,
      reason: reason.data.reason,
      by: operator,
    });
    if (error) throw refusal(error);
    print(
      data
        ? `✓ ${workspace.slug} is suspended: read-only for its users until you resume it.`
        : `${workspace.slug} was already suspended: nothing changed.`,
    );
    return 0;
  },
};

export const resumeCommand: TenantCommand = {
  name: "resume",
  summary: "lift a suspension",
  usage: "npm run tenant -- resume --slug <slug>",
  async run(args, { supabase, operator, print }) {
    const values = flags(args, { slug: { type: "string" } });
    const workspace = await workspaceBySlug(supabase, required(values.slug, "--slug"));
    const { data, error } = await supabase.rpc("admin_resume_workspace", {
      org: workspace.id,
      by: operator,
    });
    if (error) throw refusal(error);
    print(
      data
        ? `✓ ${workspace.slug} is resumed: its users can write again.`
        : `${workspace.slug} was not suspended: nothing changed.`,
    );
    return 0;
  },
};
