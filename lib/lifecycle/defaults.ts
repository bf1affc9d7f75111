/**
 * What a provisioned workspace starts with, per plan: a small declarative seed that
 * public.provision_workspace() inserts in the same transaction as the workspace.
 * Add a table here only with its insert in that function (it refuses nothing it does
 * not know: unknown keys are ignored there, so the schema below keeps them out).
 */
import { z } from "zod";

const workspaceDefaultsSchema = z.object({
  projects: z.array(z.object({ name: z.string().min(1).max(120) })).max(20),
});
export type WorkspaceDefaults = z.infer<typeof workspaceDefaultsSchema>;

const welcome: WorkspaceDefaults = { projects: [{ name: "Welcome to your workspace" }] };

const DEFAULTS_BY_PLAN: Record<string, WorkspaceDefaults> = {
  free: welcome,
  pro: welcome,
  business: welcome,
  enterprise: {
    projects: [{ name: "Welcome to your workspace" }, { name: "Onboarding checklist" }],
  },
};

/** The seed of a plan; a plan without its own entry gets the welcome project. */
export function workspaceDefaults(plan: string): WorkspaceDefaults {
  return workspaceDefaultsSchema.parse(DEFAULTS_BY_PLAN[plan] ?? welcome);
}
