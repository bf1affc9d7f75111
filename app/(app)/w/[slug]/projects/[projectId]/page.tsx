import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProjectStatusForm, RenameProjectForm } from "@/components/projects/project-settings";
import { deleteProject, renameProject, setProjectStatus } from "@/lib/projects/actions";
import { getProject } from "@/lib/projects/queries";
import { projectPermissions } from "@/lib/projects/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";

async function loadProject(slug: string, projectId: string) {
  const { workspace } = await requireWorkspace(slug);
  // Another workspace's project id (or a made-up one) is simply not found here.
  const project = (await getProject(workspace.id, projectId)) ?? notFound();
  return { workspace, project };
}

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/projects/[projectId]">): Promise<Metadata> {
  const { slug, projectId } = await params;
  const { project } = await loadProject(slug, projectId);
  return { title: project.name };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function ProjectPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/projects/[projectId]">) {
  const { slug, projectId } = await params;
  const restored = (await searchParams).restored === "1";
  const { workspace, project } = await loadProject(slug, projectId);
  const permissions = projectPermissions(workspace.role);
  const archived = project.status === "archived";
  return (
    <div className="space-y-6">
      {restored && (
        <Alert tone="success">Project restored. The restore is recorded in the activity log.</Alert>
      )}
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link
          href={`/w/${workspace.slug}`}
          className="text-zinc-600 underline-offset-4 hover:underline"
        >
          ← All projects
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1
          className="text-2xl font-semibold tracking-tight text-zinc-900"
          data-testid="project-name"
        >
          {project.name}
        </h1>
        <Badge tone={archived ? "archived" : "active"}>{project.status}</Badge>
      </div>
      <p className="text-sm text-zinc-600">
        Created {dateFormat.format(new Date(project.created_at))} · updated{" "}
        {dateFormat.format(new Date(project.updated_at))}
      </p>

      {permissions.canEdit ? (
        <Card className="space-y-6 p-6">
          <h2 className="text-base font-semibold text-zinc-900">Settings</h2>
          <RenameProjectForm
            projectId={project.id}
            name={project.name}
            action={renameProject.bind(null, workspace.slug)}
          />
          <div className="border-t border-zinc-100 pt-6">
            <ProjectStatusForm
              projectId={project.id}
              archived={archived}
              action={setProjectStatus.bind(null, workspace.slug)}
            />
          </div>
        </Card>
      ) : (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-600">
          Only admins and owners can rename or archive projects.
        </p>
      )}

      {permissions.canDelete && (
        <Card className="flex flex-wrap items-center justify-between gap-4 border-red-200 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Delete project</h2>
            <p className="text-sm text-zinc-600">
              Removes the project for everyone in {workspace.name}.
            </p>
          </div>
          <ConfirmDialog
            trigger="Delete project"
            title={`Delete “${project.name}”?`}
            description="The project disappears for everyone in the workspace. You can undo it right after, and owners and admins can restore it later from Activity."
            confirmLabel="Delete project"
            pendingLabel="Deleting…"
            action={deleteProject.bind(null, workspace.slug)}
            fields={{ projectId: project.id }}
          />
        </Card>
      )}
    </div>
  );
}
