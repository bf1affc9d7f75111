/**
 * Where a signed-in user lands. The "last workspace" cookie is only a hint: it
 * counts only if the user is still a member of that workspace right now.
 */
export interface WorkspaceRef {
  slug: string;
}

export const LAST_WORKSPACE_COOKIE = "tk_last_workspace";

export type Landing = { kind: "workspace"; slug: string } | { kind: "onboarding" };

export function pickLandingWorkspace(
  workspaces: readonly WorkspaceRef[],
  hint: string | undefined,
): Landing {
  const hinted = hint ? workspaces.find((workspace) => workspace.slug === hint) : undefined;
  const target = hinted ?? workspaces[0];
  return target ? { kind: "workspace", slug: target.slug } : { kind: "onboarding" };
}
