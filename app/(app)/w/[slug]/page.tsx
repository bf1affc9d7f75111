import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Suspense } from "react";
import { LimitBanner } from "@/components/billing/limit-banner";
import { Notice } from "@/components/notice";
import { DeletedProjectToast } from "@/components/projects/deleted-project-toast";
import { CreateProjectForm } from "@/components/projects/create-project-form";
import { ProjectList, ProjectListSkeleton } from "@/components/projects/project-list";
import { OnboardingChecklist } from "@/components/workspaces/onboarding-checklist";
import { restoreProject } from "@/lib/activity/actions";
import { getActivityEntry } from "@/lib/activity/queries";
import { billingPermissions } from "@/lib/billing/permissions";
import { getMeter, getMeters, getSubscription } from "@/lib/billing/queries";
import { createProject } from "@/lib/projects/actions";
import { PROJECT_LIST_LIMIT, listProjects } from "@/lib/projects/queries";
import { projectPermissions } from "@/lib/projects/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";
import {
  hiddenWorkspaces,
  ONBOARDING_HIDDEN_COOKIE,
  onboardingSteps,
  showsOnboarding,
} from "@/lib/workspaces/onboarding";
import type { Workspace } from "@/lib/workspaces/queries";

export async function generateMetadata({ params }: PageProps<"/w/[slug]">): Promise<Metadata> {
  const { workspace } = await requireWorkspace((await params).slug);
  return { title: `Projects · ${workspace.name}` };
}

/** The plan's projects limit, where it bites: streamed, so the list does not wait for it. */
async function ProjectsLimit({
  organizationId,
  slug,
  canViewBilling,
}: {
  organizationId: string;
  slug: string;
  canViewBilling: boolean;
}) {
  const meter = await getMeter(organizationId, "projects");
  return <LimitBanner meter={meter} slug={slug} canViewBilling={canViewBilling} />;
}

/** First steps for owners and admins of a new workspace, until they are done or hidden. */
async function Onboarding({ workspace }: { workspace: Workspace }) {
  if (workspace.role === "member") return null;
  const hidden = hiddenWorkspaces((await cookies()).get(ONBOARDING_HIDDEN_COOKIE)?.value);
  if (hidden.includes(workspace.id)) return null;
  const [meters, subscription] = await Promise.all([
    getMeters(workspace.id),
    getSubscription(workspace.id),
  ]);
  const used = (metric: string) => meters.find((meter) => meter.id === metric)?.used ?? 0;
  const steps = onboardingSteps({
    slug: workspace.slug,
    role: workspace.role,
    projects: used("projects"),
    seats: used("seats"),
    planId: subscription?.planId ?? "free",
  });
  if (!showsOnboarding(workspace.role, steps)) return null;
  return (
    <OnboardingChecklist workspaceId={workspace.id} workspaceName={workspace.name} steps={steps} />
  );
}

async function Projects({ organizationId, slug }: { organizationId: string; slug: string }) {
  const { projects, hasMore } = await listProjects(organizationId);
  return (
    <>
      <ProjectList slug={slug} projects={projects} />
      {hasMore && (
        <p className="text-sm text-zinc-600">
          Showing the {PROJECT_LIST_LIMIT} newest projects; older ones are still in the workspace.
        </p>
      )}
    </>
  );
}

/**
 * What `?deleted=<audit entry id>` stands for: a project deletion of this workspace
 * the user can read, named from the log (never from the URL), or a plain "deleted"
 * without Undo.
 */
async function deletion(organizationId: string, param: string) {
  const id = Number(param);
  const entry =
    Number.isSafeInteger(id) && id > 0 ? await getActivityEntry(organizationId, id) : null;
  const isProjectDeletion = entry?.table_name === "projects" && entry.new_data === null;
  const name = isProjectDeletion ? entry.old_data?.name : undefined;
  return {
    entryId: isProjectDeletion ? entry.id : null,
    name: typeof name === "string" ? name : null,
  };
}

export default async function WorkspaceHome({ params, searchParams }: PageProps<"/w/[slug]">) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const permissions = projectPermissions(workspace.role);
  const query = await searchParams;
  const deleted =
    typeof query.deleted === "string" ? await deletion(workspace.id, query.deleted) : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Projects</h1>
          <p className="text-sm text-zinc-600">
            Everything {workspace.name} is working on, newest first.
          </p>
        </div>
      </div>
      {deleted && (
        <DeletedProjectToast
          entryId={deleted.entryId}
          name={deleted.name}
          restore={restoreProject.bind(null, workspace.slug)}
        />
      )}
      <Notice params={query} workspaceName={workspace.name} />
      <Suspense fallback={null}>
        <Onboarding workspace={workspace} />
      </Suspense>
      <Suspense fallback={null}>
        <ProjectsLimit
          organizationId={workspace.id}
          slug={workspace.slug}
          canViewBilling={billingPermissions(workspace.role).canViewBilling}
        />
      </Suspense>
      {permissions.canCreate && (
        <CreateProjectForm action={createProject.bind(null, workspace.slug)} />
      )}
      <Suspense fallback={<ProjectListSkeleton />}>
        <Projects organizationId={workspace.id} slug={workspace.slug} />
      </Suspense>
    </div>
  );
}
