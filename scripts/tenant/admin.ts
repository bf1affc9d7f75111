/**
 * `npm run tenant -- admin add|remove|list`: who may use the operator console
 * (/admin). The only way to make someone a platform admin: no user-settable flag.
 */
import { z } from "zod";
import { CommandError, UsageError, type TenantCommand } from "./context";

const email = z
  .email({ message: "Give the person's email address, e.g. ops@example.com." })
  .transform((address) => address.toLowerCase());

export const adminCommand: TenantCommand = {
  name: "admin",
  summary: "add, remove or list platform admins (operator console access)",
  usage: [
    "npm run tenant -- admin add <email>      make a signed-up user a platform admin",
    "npm run tenant -- admin remove <email>   take it away",
    "npm run tenant -- admin list             who has it",
  ].join("\n"),
  async run(args, { supabase, operator, print }) {
    const [action, address, ...extra] = args;
    if (extra.length > 0) throw new UsageError(`Unexpected argument: ${extra[0]}`);
    if (action === "list") {
      const { data, error } = await supabase.rpc("list_platform_admins");
      if (error) throw new CommandError(`Could not list platform admins: ${error.message}`);
      if (data.length === 0)
        print("No platform admins yet. Add one: npm run tenant -- admin add <email>");
      for (const admin of data)
        print(`${admin.email}  (added ${admin.added_at.slice(0, 10)} by ${admin.added_by})`);
      return 0;
    }
    if (action !== "add" && action !== "remove")
      throw new UsageError(action ? `Unknown admin action: ${action}` : "Say add, remove or list.");
    const parsed = email.safeParse(address?.trim());
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
    const { data, error } =
      action === "add"
        ? await supabase.rpc("add_platform_admin", { email: parsed.data, added_by: operator })
        : await supabase.rpc("remove_platform_admin", { email: parsed.data, removed_by: operator });
    if (error) throw new CommandError(error.hint ?? error.message);
    const changed = data;
    print(
      action === "add"
        ? changed
          ? `✓ ${parsed.data} is now a platform admin (the console is at /admin).`
          : `${parsed.data} is already a platform admin: nothing changed.`
        : changed
          ? `✓ ${parsed.data} is no longer a platform admin.`
          : `${parsed.data} was not a platform admin: nothing changed.`,
    );
    return 0;
  },
};
