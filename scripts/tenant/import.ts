/**
 * `npm run tenant -- import --file x.zip --slug new [--owner email] [--name "Name"]`:
 * a workspace export (lib/export) becomes a NEW workspace, on this deployment or
 * another one: the escape hatch that moves a tenant to its own database.
 *
 * - Ids are new (uuids chosen here); references inside the workspace follow them.
 * - People are matched by email to accounts of this deployment: a member with an
 *   account keeps their role; one without is reported and left out (invite them).
 *   --owner makes a person with an account an owner (needed when no owner of the
 *   archive has an account here).
 * - The plan and its status are set; billing links (Stripe) stay with the old deployment.
 * - Invitations keep their state, with a new secret nobody holds: their old links
 *   do not work here; inviting the person again sends a working one.
 * - The audit history is carried over as it was, through the service-role-only
 *   import_audit_history() (export/import migration): only into a workspace whose
 *   import is running. The import's own writes are audited like any others.
 * A failure midway deletes the partial workspace (recorded in the platform log).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { describeError } from "../../lib/actions/errors";
import type { Json } from "../../lib/supabase/database.types";
import { ArchiveError, readExportArchive, type ExportArchive } from "../../lib/export/read";
import type { ExportRow } from "../../lib/export/format";
import { slugSchema, workspaceNameSchema } from "../../lib/workspaces/validation";
import { CommandError, UsageError, type TenantCommand, type TenantCommandContext } from "./context";
import { stringFlags } from "./args";

/**
 * The tables this import carries, each by its own lines below. An archive with rows of
 * any other table is refused rather than imported without them; a unit test
 * (tests/unit/export-format.test.ts) fails while an exported table is missing here.
 */
export const IMPORTED_TABLES = [
  "organizations",
  "workspace_subscriptions",
  "organization_members",
  // Not rows of the new workspace: they map members to accounts by email.
  "profiles",
  "invitations",
  "projects",
  "audit_logs",
] as const;

/** Rows per insert and entries per history call: under the API's write limits. */
const BATCH_ROWS = 500;
/** Bytes of JSON per history call: under the API's 1 MB body limit. */
const BATCH_BYTES = 600_000;

const email = z.email().transform((address) => address.toLowerCase());
const role = z.enum(["owner", "admin", "member"]);
const memberRow = z.object({ user_id: z.string(), role, created_at: z.string() });
const profileRow = z.object({ id: z.string(), email: z.string() });
const projectRow = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  created_by: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
const invitationRow = z.object({
  id: z.string(),
  email: z.string(),
  role,
  invited_by: z.string().nullable(),
  expires_at: z.string(),
  accepted_at: z.string().nullable(),
  accepted_by: z.string().nullable(),
  revoked_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
const subscriptionRow = z.object({
  plan_id: z.string(),
  status: z.enum(["active", "trialing", "past_due", "canceled"]),
});
const organizationRow = z.object({
  id: z.string(),
  name: z.string(),
  members_can_view_activity: z.boolean(),
  // Archives from before support access have no such column: no approval required.
  support_requires_approval: z.boolean().default(false),
});
const auditRow = z.object({
  actor_id: z.string().nullable(),
  actor_kind: z.string(),
  actor_label: z.string().nullable(),
  action: z.string(),
  table_name: z.string(),
  record_id: z.string().nullable(),
  old_data: z.unknown(),
  new_data: z.unknown(),
  created_at: z.string(),
});

function rowsOf<T>(archive: ExportArchive, table: string, schema: z.ZodType<T>): T[] {
  return (archive.tables[table] ?? []).map((row: ExportRow, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success)
      throw new CommandError(
        `The archive's ${table} row ${index + 1} is malformed: ${parsed.error.issues[0]!.path.join(".")} ${parsed.error.issues[0]!.message}`,
      );
    return parsed.data;
  });
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

export const importCommand: TenantCommand = {
  name: "import",
  summary: "create a new workspace from an export archive (ids remapped, history kept)",
  usage: [
    "npm run tenant -- import --file <archive.zip> --slug <new-slug> [--owner <email>] [--name <name>]",
    "  --file   an archive written by `export` or downloaded from a workspace's settings",
    "  --slug   the new workspace's URL (must be free)",
    "  --owner  make this person (an account here) an owner of the new workspace",
    "  --name   the new workspace's name (default: the archive's)",
  ].join("\n"),
  async run(args, context) {
    const options = stringFlags(args, ["file", "slug", "owner", "name"]);
    if (!options.file) throw new UsageError("Say which archive: --file <archive.zip>.");
    if (!options.slug) throw new UsageError("Say the new workspace's URL: --slug <slug>.");
    const slug = slugSchema.safeParse(options.slug);
    if (!slug.success) throw new UsageError(`--slug: ${slug.error.issues[0]!.message}`);
    const owner = options.owner === undefined ? undefined : email.safeParse(options.owner.trim());
    if (owner && !owner.success)
      throw new UsageError("--owner: give the person's email address, e.g. ops@example.com.");
    const name =
      options.name === undefined ? undefined : workspaceNameSchema.safeParse(options.name);
    if (name && !name.success) throw new UsageError(`--name: ${name.error.issues[0]!.message}`);

    let bytes: Uint8Array;
    try {
      bytes = await readFile(options.file);
    } catch {
      throw new CommandError(`Cannot read ${options.file}.`);
    }
    let archive: ExportArchive;
    try {
      archive = readExportArchive(bytes);
    } catch (error) {
      if (error instanceof ArchiveError)
        throw new CommandError(`${options.file} cannot be imported: ${error.message}`);
      throw error;
    }
    return importArchive(archive, {
      slug: slug.data,
      owner: owner?.data,
      name: name?.data,
      context,
    });
  },
};

async function importArchive(
  archive: ExportArchive,
  options: { slug: string; owner?: string; name?: string; context: TenantCommandContext },
): Promise<number> {
  const { supabase, operator, print } = options.context;
  const unknown = Object.entries(archive.manifest.tables).find(
    ([table, entry]) => entry.rows > 0 && !(IMPORTED_TABLES as readonly string[]).includes(table),
  );
  if (unknown)
    throw new CommandError(
      `The archive holds rows of ${unknown[0]}, which this version cannot import yet.`,
    );
  const [organization] = rowsOf(archive, "organizations", organizationRow);
  const [subscription] = rowsOf(archive, "workspace_subscriptions", subscriptionRow);
  if (!organization) throw new CommandError("The archive holds no workspace row.");
  const members = rowsOf(archive, "organization_members", memberRow);
  const profiles = rowsOf(archive, "profiles", profileRow);
  const projects = rowsOf(archive, "projects", projectRow);
  const invitations = rowsOf(archive, "invitations", invitationRow);
  const history = rowsOf(archive, "audit_logs", auditRow);

  // People: the archive's user ids → accounts of this deployment, by email.
  const emailOf = new Map(profiles.map((profile) => [profile.id, profile.email.toLowerCase()]));
  const wanted = [...new Set([...emailOf.values(), ...(options.owner ? [options.owner] : [])])];
  const accountOf = new Map<string, string>();
  for (const batch of chunks(wanted, 100)) {
    const { data, error } = await supabase.from("profiles").select("id, email").in("email", batch);
    if (error) throw new CommandError(`Could not look up accounts: ${error.message}`);
    for (const account of data) accountOf.set(account.email.toLowerCase(), account.id);
  }
  const userMap = new Map<string, string>();
  for (const [oldId, address] of emailOf) {
    const account = accountOf.get(address);
    if (account) userMap.set(oldId, account);
  }
  const mapUser = (id: string | null) => (id ? (userMap.get(id) ?? null) : null);

  const newMembers = new Map<string, { role: z.infer<typeof role>; created_at: string }>();
  const leftOut: string[] = [];
  for (const member of members) {
    const account = userMap.get(member.user_id);
    if (account) newMembers.set(account, { role: member.role, created_at: member.created_at });
    else leftOut.push(`${emailOf.get(member.user_id) ?? member.user_id} (${member.role})`);
  }
  if (options.owner) {
    const account = accountOf.get(options.owner);
    if (!account)
      throw new CommandError(
        `No account uses ${options.owner}: the owner must sign up on this deployment first.`,
      );
    newMembers.set(account, {
      role: "owner",
      created_at: newMembers.get(account)?.created_at ?? new Date().toISOString(),
    });
  }
  if (![...newMembers.values()].some((member) => member.role === "owner"))
    throw new CommandError(
      "No owner of the archive has an account on this deployment: pass --owner <email> of one who does.",
    );
  const plan = subscription?.plan_id ?? "free";
  const { data: knownPlan } = await supabase
    .from("plans")
    .select("id")
    .eq("id", plan)
    .maybeSingle();
  if (!knownPlan)
    throw new CommandError(`The archive's plan "${plan}" does not exist on this deployment.`);

  const { data: orgId, error: beginError } = await supabase.rpc("begin_workspace_import", {
    slug: options.slug,
    name: options.name ?? organization.name,
    requested_by: operator,
    source: {
      workspace: archive.manifest.workspace,
      exported_at: archive.manifest.exported_at,
      exported_by: archive.manifest.exported_by,
      format_version: archive.manifest.format_version,
      counts: Object.fromEntries(
        Object.entries(archive.manifest.tables).map(([table, entry]) => [table, entry.rows]),
      ),
    },
  });
  if (beginError) {
    // The form's sentence for the field (slug taken or reserved), else the general one.
    const described = describeError(beginError);
    throw new CommandError(Object.values(described.fieldErrors ?? {})[0] ?? described.message);
  }

  // Ids: new ones for every row; references inside the workspace follow them.
  const idMap = new Map<string, string>([[organization.id, orgId]]);
  try {
    const write = async (
      what: string,
      result: PromiseLike<{ error: { message: string } | null }>,
    ) => {
      const { error } = await result;
      if (error) throw new Error(`${what}: ${error.message}`);
    };
    if (subscription && (subscription.plan_id !== "free" || subscription.status !== "active"))
      await write(
        "plan",
        supabase.rpc("change_workspace_plan", {
          org: orgId,
          plan: subscription.plan_id,
          status: subscription.status,
        }),
      );
    if (organization.members_can_view_activity || organization.support_requires_approval)
      await write(
        "settings",
        supabase
          .from("organizations")
          .update({
            members_can_view_activity: organization.members_can_view_activity,
            support_requires_approval: organization.support_requires_approval,
          })
          .eq("id", orgId),
      );
    // Owners first: a workspace is never without one.
    const memberRows = [...newMembers]
      .sort(([, a], [, b]) => Number(b.role === "owner") - Number(a.role === "owner"))
      .map(([userId, member]) => ({
        organization_id: orgId,
        user_id: userId,
        role: member.role,
        created_at: member.created_at,
      }));
    for (const batch of chunks(memberRows, BATCH_ROWS))
      await write("members", supabase.from("organization_members").insert(batch));
    for (const batch of chunks(invitations, BATCH_ROWS))
      await write(
        "invitations",
        supabase.from("invitations").insert(
          batch.map((invitation) => {
            const id = randomUUID();
            idMap.set(invitation.id, id);
            return {
              ...invitation,
              id,
              organization_id: orgId,
              // A secret nobody holds: the old links stay dead (see above).
              token_hash: randomBytes(32).toString("hex"),
              invited_by: mapUser(invitation.invited_by),
              accepted_by: mapUser(invitation.accepted_by),
            };
          }),
        ),
      );
    for (const batch of chunks(projects, BATCH_ROWS))
      await write(
        "projects",
        supabase.from("projects").insert(
          batch.map((project) => {
            const id = randomUUID();
            idMap.set(project.id, id);
            return {
              ...project,
              id,
              organization_id: orgId,
              created_by: mapUser(project.created_by),
            };
          }),
        ),
      );
    // Entries keep what they recorded (their row images name the old ids); the record
    // and the actor point at the new workspace's where there is one.
    let batch: unknown[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await write(
        "audit history",
        supabase.rpc("import_audit_history", { org: orgId, entries: batch as Json }),
      );
      batch = [];
      batchBytes = 0;
    };
    for (const entry of history) {
      const carried = {
        ...entry,
        actor_id: mapUser(entry.actor_id),
        record_id: entry.record_id
          ? (idMap.get(entry.record_id) ?? userMap.get(entry.record_id) ?? entry.record_id)
          : null,
      };
      const size = JSON.stringify(carried).length;
      if (batch.length === BATCH_ROWS || batchBytes + size > BATCH_BYTES) await flush();
      batch.push(carried);
      batchBytes += size;
    }
    await flush();
    const summary = {
      members: memberRows.length,
      members_left_out: leftOut,
      invitations: invitations.length,
      projects: projects.length,
      audit_entries: history.length,
    };
    await write("finish", supabase.rpc("finish_workspace_import", { org: orgId, summary }));
    print(
      `✓ Imported ${archive.manifest.workspace.slug} as ${options.slug}: ${memberRows.length} members, ${invitations.length} invitations, ${projects.length} projects, ${history.length} audit entries.`,
    );
    if (leftOut.length > 0)
      print(`  Not added (no account on this deployment; invite them): ${leftOut.join(", ")}`);
    print(`  ${options.context.siteUrl}/w/${options.slug}`);
    return 0;
  } catch (cause) {
    // All or nothing: the partial workspace goes (its deletion is in the platform log).
    await supabase.from("organizations").delete().eq("id", orgId);
    throw new CommandError(
      `The import failed and was undone: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
