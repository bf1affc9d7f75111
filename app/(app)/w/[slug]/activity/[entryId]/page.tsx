import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { RestoreForm } from "@/components/activity/restore-form";
import { restoreProject } from "@/lib/activity/actions";
import {
  actionLabel,
  actorName,
  describeAction,
  exactTime,
  fieldChanges,
  isRestorable,
  personLabel,
  withDeletedAccounts,
  relativeTime,
  subjectLabel,
} from "@/lib/activity/describe";
import {
  getActivityEntry,
  getActivityRequest,
  listDeletedAccounts,
  projectExists,
} from "@/lib/activity/queries";
import { listMembers } from "@/lib/members/queries";
import { activityPermissions } from "@/lib/activity/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";

export const metadata: Metadata = { title: "Activity entry" };

const ACTOR_KINDS = {
  user: "a person",
  service: "the platform (billing, operators)",
  system: "the database itself",
} as const;

export default async function ActivityEntryPage({
  params,
}: PageProps<"/w/[slug]/activity/[entryId]">) {
  const { slug, entryId } = await params;
  const { workspace } = await requireWorkspace(slug);
  const can = activityPermissions(workspace);
  const id = Number(entryId);
  if (!can.canView || !Number.isSafeInteger(id) || id <= 0) notFound();
  const entry = (await getActivityEntry(workspace.id, id)) ?? notFound();
  const request = await getActivityRequest(entry.id);
  const [members, deletedAccounts] = await Promise.all([
    listMembers(workspace.id),
    listDeletedAccounts(workspace.id),
  ]);
  const people = withDeletedAccounts(
    new Map(members.map((member) => [member.userId, personLabel(member.fullName, member.email)])),
    deletedAccounts,
  );
  const changes = fieldChanges(entry, people);
  const at = new Date(entry.created_at);
  const restorable =
    can.canRestore &&
    isRestorable(entry) &&
    !(await projectExists(workspace.id, String(entry.old_data?.id)));

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={`/w/${workspace.slug}/activity`}
          className="text-zinc-600 underline-offset-4 hover:underline"
        >
          ← All activity
        </Link>
      </nav>
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">
          {actorName(entry, people)} {describeAction(entry, people)}
        </h1>
        <p className="text-sm text-zinc-600">
          <time dateTime={entry.created_at} title={exactTime(at)}>
            {relativeTime(at)}
          </time>{" "}
          · {exactTime(at)}
        </p>
      </div>

      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-zinc-500">Who</dt>
        <dd className="text-zinc-800">
          {actorName(entry, people)} ({ACTOR_KINDS[entry.actor_kind]})
        </dd>
        <dt className="text-zinc-500">What</dt>
        <dd className="text-zinc-800">
          {actionLabel(entry.action)} · {subjectLabel(entry, people)}
        </dd>
        <dt className="text-zinc-500">When</dt>
        <dd className="text-zinc-800">{exactTime(at)}</dd>
        {request?.ip && (
          <>
            <dt className="text-zinc-500">IP address (as reported)</dt>
            <dd className="text-zinc-800">{request.ip}</dd>
          </>
        )}
        {request?.user_agent && (
          <>
            <dt className="text-zinc-500">Client</dt>
            <dd className="truncate text-zinc-800">{request.user_agent}</dd>
          </>
        )}
      </dl>

      {changes.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Before and after</caption>
            <thead className="border-b border-zinc-200 bg-zinc-50 text-xs tracking-wide text-zinc-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Field
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Before
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  After
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100" data-testid="entry-diff">
              {changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row" className="px-4 py-2 font-normal text-zinc-600">
                    {change.field}
                  </th>
                  <td className="px-4 py-2 text-red-700">
                    {change.before || <span className="text-zinc-400">—</span>}
                  </td>
                  <td className="px-4 py-2 text-emerald-700">
                    {change.after || <span className="text-zinc-400">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}

      {restorable && (
        <Card className="space-y-3 p-6">
          <h2 className="text-base font-semibold text-zinc-900">Undo this deletion</h2>
          <p className="text-sm text-zinc-600">
            The project comes back as it was, in this workspace. The restore is recorded too.
          </p>
          <RestoreForm
            action={restoreProject.bind(null, workspace.slug)}
            entryId={entry.id}
            name={String(entry.old_data?.name ?? "")}
          />
        </Card>
      )}
    </div>
  );
}
