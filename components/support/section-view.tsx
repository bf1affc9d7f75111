import { actorName, describeAction, exactTime } from "@/lib/activity/describe";
import type { SupportSectionData } from "@/lib/support/queries";
import { Badge } from "@/components/ui/badge";

const when = (value: string) => exactTime(new Date(value.replace(" ", "T").replace(/\+00$/, "Z")));
const cell = "px-3 py-2 text-sm text-zinc-900";
const head = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-zinc-500";

/** One section of a workspace as the support view shows it: plain tables, nothing to click. */
export function SupportSectionView({ data }: { data: SupportSectionData }) {
  switch (data.section) {
    case "projects":
      return data.rows.length === 0 ? (
        <p className="text-sm text-zinc-600">This workspace has no projects.</p>
      ) : (
        <table className="w-full" data-testid="support-projects">
          <thead>
            <tr>
              <th className={head}>Project</th>
              <th className={head}>Status</th>
              <th className={head}>Created</th>
              <th className={head}>Updated</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.rows.map((project) => (
              <tr key={project.id}>
                <td className={cell}>{project.name}</td>
                <td className={cell}>
                  <Badge tone={project.status === "archived" ? "archived" : "active"}>
                    {project.status}
                  </Badge>
                </td>
                <td className={cell}>{when(project.created_at)}</td>
                <td className={cell}>{when(project.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "members":
      return (
        <table className="w-full" data-testid="support-members">
          <thead>
            <tr>
              <th className={head}>Person</th>
              <th className={head}>Role</th>
              <th className={head}>Joined</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.rows.map((member) => (
              <tr key={member.user_id}>
                <td className={cell}>
                  {member.full_name ? `${member.full_name} <${member.email ?? "?"}>` : member.email}
                </td>
                <td className={cell}>{member.role}</td>
                <td className={cell}>{when(member.joined_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "activity":
      return (
        <ul className="divide-y divide-zinc-100" data-testid="support-activity">
          {data.rows.map((entry) => (
            <li key={entry.id} className="py-2 text-sm text-zinc-900">
              <span className="font-medium">{actorName(entry)}</span> {describeAction(entry)}
              <span className="block text-xs text-zinc-500">{when(entry.created_at)}</span>
            </li>
          ))}
        </ul>
      );
    case "settings":
      return (
        <dl className="grid gap-3 sm:grid-cols-[14rem_1fr]" data-testid="support-settings">
          <dt className="text-sm font-medium text-zinc-600">Name</dt>
          <dd className="text-sm text-zinc-900">{data.rows.name}</dd>
          <dt className="text-sm font-medium text-zinc-600">URL</dt>
          <dd className="font-mono text-sm text-zinc-900">/w/{data.rows.slug}</dd>
          <dt className="text-sm font-medium text-zinc-600">Created</dt>
          <dd className="text-sm text-zinc-900">{when(data.rows.created_at)}</dd>
          <dt className="text-sm font-medium text-zinc-600">Members see the activity log</dt>
          <dd className="text-sm text-zinc-900">
            {data.rows.members_can_view_activity ? "Yes" : "No"}
          </dd>
          <dt className="text-sm font-medium text-zinc-600">Plan</dt>
          <dd className="text-sm text-zinc-900">
            {data.rows.plan_id ?? "none"} {data.rows.plan_status && `(${data.rows.plan_status})`}
          </dd>
        </dl>
      );
  }
}
