import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { WorkspaceForm } from "@/components/settings/workspace-form";
import { leaveWorkspace } from "@/lib/members/actions";
import { deleteWorkspace, updateWorkspace } from "@/lib/workspaces/actions";
import { ActivityVisibilityForm } from "@/components/activity/visibility-form";
import { ExportDownload } from "@/components/export/export-download";
import { exportPermissions } from "@/lib/export/permissions";
import { setMembersCanViewActivity } from "@/lib/activity/actions";
import { activityPermissions } from "@/lib/activity/permissions";
import { getPlanName, getSubscription } from "@/lib/billing/queries";
import { getWorkspaceLifecycle } from "@/lib/lifecycle/queries";
import { deletionGraceDays } from "@/lib/lifecycle/validation";
import { memberPermissions } from "@/lib/members/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";
import { WorkspaceSupportAccess } from "@/components/support/workspace-support-access";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/settings">): Promise<Metadata> {
  const { workspace } = await requireWorkspace((await params).slug);
  return { title: `Settings · ${workspace.name}` };
}

export default async function SettingsPage({
  params,
  searchParams,
}: PageProps<"/w/[slug]/settings">) {
  const { slug } = await params;
  const { workspace } = await requireWorkspace(slug);
  const can = memberPermissions(workspace.role);
  const saved = (await searchParams).saved === "1";
  const subscription = await getSubscription(workspace.id);
  const planName = subscription ? await getPlanName(subscription.planId) : null;
  const lifecycle = await getWorkspaceLifecycle(workspace.id);
  const graceDays = deletionGraceDays();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Settings</h1>
        <p className="text-sm text-zinc-600">General settings of {workspace.name}.</p>
      </div>
      {saved && (
        <Alert tone="success">
          Workspace settings saved. Its new address is /w/{workspace.slug}.
        </Alert>
      )}

      <Card className="p-6">
        {can.canEditWorkspace ? (
          <WorkspaceForm
            action={updateWorkspace.bind(null, workspace.slug)}
            name={workspace.name}
            slug={workspace.slug}
          />
        ) : (
          // What a member may only read is shown as text: inputs, even disabled, look editable.
          <div className="space-y-4">
            <dl className="grid gap-4 sm:grid-cols-[10rem_1fr]" data-testid="workspace-details">
              <dt className="text-sm font-medium text-zinc-600">Workspace name</dt>
              <dd className="text-sm text-zinc-900">{workspace.name}</dd>
              <dt className="text-sm font-medium text-zinc-600">Workspace URL</dt>
              <dd className="font-mono text-sm text-zinc-900">/w/{workspace.slug}</dd>
            </dl>
            <p className="text-sm text-zinc-600">
              Only owners and admins can change these settings.
            </p>
          </div>
        )}
      </Card>

      {planName && (
        <Card className="flex flex-wrap items-center justify-between gap-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Plan</h2>
            <p className="text-sm text-zinc-600">
              {workspace.name} is on the {planName} plan.
            </p>
          </div>
          <Link
            href={`/w/${workspace.slug}/settings/billing`}
            className="text-sm font-medium text-zinc-900 underline underline-offset-2"
          >
            Plan and usage
          </Link>
        </Card>
      )}

      {activityPermissions(workspace).canChangeVisibility && (
        <Card className="space-y-3 p-6">
          <h2 className="text-base font-semibold text-zinc-900">Activity log</h2>
          <ActivityVisibilityForm
            action={setMembersCanViewActivity.bind(null, workspace.slug)}
            allowed={workspace.membersCanViewActivity}
          />
        </Card>
      )}

      {exportPermissions(workspace.role).canExport && (
        <Card className="space-y-3 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Export</h2>
            <p className="text-sm text-zinc-600">
              Download everything in {workspace.name} as one ZIP file: each table as JSON and CSV,
              the activity log included. The export appears in the activity log.
            </p>
          </div>
          <ExportDownload slug={workspace.slug} />
        </Card>
      )}
      <WorkspaceSupportAccess workspace={workspace} />

      <Card className="divide-y divide-zinc-100 border-red-200">
        <div className="flex flex-wrap items-center justify-between gap-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Leave workspace</h2>
            <p className="text-sm text-zinc-600">
              You lose access until someone invites you again.
            </p>
          </div>
          <ConfirmDialog
            trigger="Leave workspace"
            triggerVariant="secondary"
            title={`Leave ${workspace.name}?`}
            description="You lose access to this workspace and its projects until someone invites you again."
            confirmLabel="Leave workspace"
            pendingLabel="Leaving…"
            action={leaveWorkspace.bind(null, workspace.slug)}
          />
        </div>
        {can.canDeleteWorkspace && !lifecycle?.deletionDueAt && (
          <div className="flex flex-wrap items-center justify-between gap-4 p-6">
            <div>
              <h2 className="text-base font-semibold text-zinc-900">Delete workspace</h2>
              <p className="text-sm text-zinc-600">
                Schedules the deletion of {workspace.name}, its projects, members and invitations
                for everyone in {graceDays} days. Until then the workspace is read-only and an owner
                can cancel; after that it cannot be undone.
              </p>
            </div>
            <ConfirmDialog
              trigger="Delete workspace"
              title={`Delete ${workspace.name}?`}
              description={`The workspace becomes read-only now and is deleted for everyone, permanently, in ${graceDays} days unless an owner cancels.`}
              confirmLabel="Schedule deletion"
              pendingLabel="Scheduling…"
              action={deleteWorkspace.bind(null, workspace.slug)}
              typeToConfirm={workspace.name}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
