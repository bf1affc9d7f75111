import type { Role } from "./validation";

/**
 * The checklist a new workspace's owners and admins see on its home page, from what
 * the workspace already holds: it is done when the workspace has a project and a
 * second person (a member or a pending invitation). Choosing a plan is listed, but
 * optional: a workspace may stay on Free for good, so it never keeps the list open.
 */
export interface OnboardingStep {
  id: "project" | "invite" | "plan";
  label: string;
  done: boolean;
  optional: boolean;
  /** Where the step is done; null when it is on this page (the project form). */
  href: string | null;
}

export interface OnboardingFacts {
  slug: string;
  role: Role;
  projects: number;
  /** Members plus pending invitations (the seats the plan counts). */
  seats: number;
  planId: string;
}

export function onboardingSteps(facts: OnboardingFacts): OnboardingStep[] {
  return [
    {
      id: "project",
      label: "Create your first project",
      done: facts.projects > 0,
      optional: false,
      href: null,
    },
    {
      id: "invite",
      label: "Invite a teammate",
      done: facts.seats > 1,
      optional: false,
      href: `/w/${facts.slug}/settings/members`,
    },
    {
      id: "plan",
      label: "Choose a plan",
      done: facts.planId !== "free",
      optional: true,
      href: `/w/${facts.slug}/settings/billing`,
    },
  ];
}

/** Owners and admins set a workspace up (members cannot invite); shown until the required steps are done. */
export function showsOnboarding(role: Role, steps: OnboardingStep[]): boolean {
  return role !== "member" && steps.some((step) => !step.optional && !step.done);
}

/** The cookie that remembers "Hide" per browser: the ids of the workspaces it was hidden in. */
export const ONBOARDING_HIDDEN_COOKIE = "tk_onboarding_hidden";
const MAX_REMEMBERED = 20;

export function hiddenWorkspaces(cookie: string | undefined): string[] {
  return (cookie ?? "").split(".").filter((id) => /^[0-9a-f-]{36}$/.test(id));
}

export function withHiddenWorkspace(cookie: string | undefined, workspaceId: string): string {
  const ids = hiddenWorkspaces(cookie).filter((id) => id !== workspaceId);
  return [...ids, workspaceId].slice(-MAX_REMEMBERED).join(".");
}
