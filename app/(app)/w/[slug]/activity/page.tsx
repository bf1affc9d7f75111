import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { buttonClasses } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ListSkeleton } from "@/components/ui/skeleton";
import { ActivityFiltersForm } from "@/components/activity/activity-filters";
import {
  ACTION_FILTERS,
  ACTION_LABELS,
  TABLE_FILTERS,
  TABLE_LABELS,
  actorName,
  describeAction,
  exactTime,
  groupByDay,
  DELETED_USER,
  personLabel,
  withDeletedAccounts,
  relativeTime,
} from "@/lib/activity/describe";
import {
  type ActivityFilters,
  activityFiltersSchema,
  listActivity,
  listActivityActors,
  listDeletedAccounts,
} from "@/lib/activity/queries";
import { listMembers } from "@/lib/members/queries";
import { activityPermissions } from "@/lib/activity/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/activity">): Promise<Metadata> {
  const { workspace } = await requireWorkspace((await params).slug);
  return { title: `Activity · ${workspace.name}` };
}

export default async function ActivityPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/activity">) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const can = activityPermissions(workspace);
  const header = (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Activity</h1>
      <p className="text-sm text-zinc-600">
        Every change to {workspace.name}’s data: who, what and when.
      </p>
    </div>
  );
  if (!can.canView) {
    return (
      <div className="space-y-6">
        {header}
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-600">
          Only owners and admins can see the activity log of this workspace. An owner can open it to
          members in Settings.
        </p>
      </div>
    );
  }

  const query = await searchParams;
  const filters = activityFiltersSchema.parse({
    actor: query.actor || undefined,
    action: query.action || undefined,
    table: query.table || undefined,
    before: query.before || undefined,
  });
  const [members, actors, deletedAccounts] = await Promise.all([
    listMembers(workspace.id),
    listActivityActors(workspace.id),
    listDeletedAccounts(workspace.id),
  ]);
  // Current members by their current name and email; people who have left by the
  // label the log last recorded for them (a name and an email); deleted accounts
  // as "Deleted user".
  const current = new Map(
    members.map((member) => [member.userId, personLabel(member.fullName, member.email)]),
  );
  const formerMembers = actors.filter((actor) => !current.has(actor.actor_id));
  for (const actor of formerMembers) current.set(actor.actor_id, actor.actor_label ?? "Unknown");
  const people = withDeletedAccounts(current, deletedAccounts);
  const filtered = Boolean(filters.actor || filters.action || filters.table);

  return (
    <div className="space-y-6">
      {header}
      {/* Keyed: "Clear" and the back button must reset the selects too. */}
      <ActivityFiltersForm
        key={`${filters.actor}-${filters.action}-${filters.table}`}
        action={`/w/${workspace.slug}/activity`}
      >
        <SelectField
          name="actor"
          label="Person"
          defaultValue={filters.actor ?? ""}
          options={[
            { value: "", label: "Everyone" },
            ...members.map((member) => ({
              value: member.userId,
              label: personLabel(member.fullName, member.email),
            })),
            ...formerMembers.map((actor) => ({
              value: actor.actor_id,
              label: deletedAccounts.includes(actor.actor_id)
                ? DELETED_USER
                : `${actor.actor_label ?? "Unknown"} (former member)`,
            })),
          ]}
        />
        <SelectField
          name="action"
          label="Action"
          defaultValue={filters.action ?? ""}
          options={[
            { value: "", label: "All actions" },
            ...ACTION_FILTERS.map((action) => ({ value: action, label: ACTION_LABELS[action] })),
          ]}
        />
        <SelectField
          name="table"
          label="Data"
          defaultValue={filters.table ?? ""}
          options={[
            { value: "", label: "Everything" },
            ...TABLE_FILTERS.map((table) => ({ value: table, label: TABLE_LABELS[table] })),
          ]}
        />
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses("primary")}>
            Filter
          </button>
          {filtered && (
            <Link href={`/w/${workspace.slug}/activity`} className={buttonClasses("ghost")}>
              Clear
            </Link>
          )}
        </div>
      </ActivityFiltersForm>

      <Suspense
        key={JSON.stringify(filters)}
        fallback={<ListSkeleton label="Loading activity" rows={8} />}
      >
        <ActivityFeed
          workspaceId={workspace.id}
          slug={workspace.slug}
          filters={filters}
          people={people}
        />
      </Suspense>
    </div>
  );
}

/** The entries and the page links; suspends (skeleton) while a page of entries loads. */
async function ActivityFeed({
  workspaceId,
  slug,
  filters,
  people,
}: {
  workspaceId: string;
  slug: string;
  filters: ActivityFilters;
  people: Map<string, string>;
}) {
  const { entries, nextCursor } = await listActivity(workspaceId, filters);
  const now = new Date();
  const filtered = Boolean(filters.actor || filters.action || filters.table);
  const pageHref = (cursor?: string) => {
    const next = new URLSearchParams();
    if (filters.actor) next.set("actor", filters.actor);
    if (filters.action) next.set("action", filters.action);
    if (filters.table) next.set("table", filters.table);
    if (cursor) next.set("before", cursor);
    return `/w/${slug}/activity?${next.toString()}`;
  };

  return (
    <>
      {entries.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
          <h2 className="text-sm font-semibold text-zinc-900">
            {filtered ? "Nothing matches these filters" : "No activity yet"}
          </h2>
          <p className="mt-1 text-sm text-zinc-600">
            {filtered
              ? "Try another person, action or kind of data."
              : "Changes to projects and members will show up here."}
          </p>
        </div>
      ) : (
        <div className="space-y-4" data-testid="activity-feed">
          {groupByDay(entries, now).map((group) => (
            <section key={group.day} aria-label={group.day} className="space-y-2">
              <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                {group.day}
              </h2>
              <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
                {group.entries.map((entry) => {
                  const at = new Date(entry.created_at);
                  return (
                    <li key={entry.id}>
                      <Link
                        href={`/w/${slug}/activity/${entry.id}`}
                        className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-zinc-900"
                      >
                        <span className="text-sm text-zinc-900">
                          <span className="font-medium">{actorName(entry, people)}</span>{" "}
                          {describeAction(entry, people)}
                        </span>
                        <time
                          dateTime={entry.created_at}
                          title={exactTime(at)}
                          className="text-xs text-zinc-500"
                        >
                          {relativeTime(at, now)}
                        </time>
                      </Link>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      )}
      {(filters.before || nextCursor) && (
        <nav aria-label="Activity pages" className="flex justify-between gap-2">
          {filters.before ? (
            <Link href={pageHref()} className={buttonClasses("ghost")}>
              ← Newest entries
            </Link>
          ) : (
            <span />
          )}
          {nextCursor && (
            <Link href={pageHref(nextCursor)} className={buttonClasses("secondary")}>
              Older entries →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
