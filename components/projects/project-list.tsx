import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { ListSkeleton } from "@/components/ui/skeleton";
import type { Project } from "@/lib/projects/queries";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function ProjectList({ slug, projects }: { slug: string; projects: Project[] }) {
  if (projects.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
        <h3 className="text-sm font-semibold text-zinc-900">No projects yet</h3>
        <p className="mt-1 text-sm text-zinc-600">
          Create the first project of this workspace above.
        </p>
      </div>
    );
  }
  return (
    <ul
      className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white"
      data-testid="project-list"
    >
      {projects.map((project) => (
        <li key={project.id}>
          <Link
            href={`/w/${slug}/projects/${project.id}`}
            className="flex items-center justify-between gap-4 px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-zinc-900"
          >
            <span className="truncate text-sm font-medium text-zinc-900">{project.name}</span>
            <span className="flex shrink-0 items-center gap-3 text-xs text-zinc-500">
              {project.status === "archived" && <Badge tone="archived">archived</Badge>}
              <time dateTime={project.created_at}>
                {dateFormat.format(new Date(project.created_at))}
              </time>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ProjectListSkeleton() {
  return <ListSkeleton label="Loading projects" />;
}
