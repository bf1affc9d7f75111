import { WorkspaceHomeLink } from "@/components/workspaces/workspace-home-link";

/** A page of this workspace that does not exist (or a record the user cannot see), inside its shell. */
export default function WorkspaceNotFound() {
  return (
    <div className="space-y-4 py-12 text-center">
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold text-zinc-900">Page not found</h1>
      <p className="mx-auto max-w-sm text-sm text-zinc-600">
        This page does not exist in this workspace, or you do not have access to it.
      </p>
      <WorkspaceHomeLink>Back to the projects</WorkspaceHomeLink>
    </div>
  );
}
