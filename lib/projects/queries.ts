import "server-only";
import { createClient } from "@/lib/supabase/server";
import { projectIdSchema, projectStatusSchema, type ProjectStatus } from "./validation";

export interface Project {
  id: string;
  name: string;
  status: ProjectStatus;
  created_at: string;
  updated_at: string;
}

const PROJECT_COLUMNS = "id, name, status, created_at, updated_at";

/** The status column is text with a check constraint: checked here, not cast. */
const toProject = (row: Omit<Project, "status"> & { status: string }): Project => ({
  ...row,
  status: projectStatusSchema.shape.status.parse(row.status),
});

/** How many projects the list shows; a workspace with more is told so. */
export const PROJECT_LIST_LIMIT = 200;

/**
 * A workspace's newest projects (at most PROJECT_LIST_LIMIT), and whether there are
 * more. RLS already limits rows to the user's workspaces; the explicit
 * organization_id filter is defence in depth and picks the fastest plan
 * (organization_id, created_at desc index).
 */
export async function listProjects(
  organizationId: string,
): Promise<{ projects: Project[]; hasMore: boolean }> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .select(PROJECT_COLUMNS)
    .eq("organization_id", organizationId)
    .order("created_at", { ascending: false })
    .limit(PROJECT_LIST_LIMIT + 1);
  if (error) throw new Error(`Could not load projects: ${error.message}`);
  return {
    projects: data.slice(0, PROJECT_LIST_LIMIT).map(toProject),
    hasMore: data.length > PROJECT_LIST_LIMIT,
  };
}

/** One project of the workspace, or null when it does not exist for this user (or the id is malformed). */
export async function getProject(
  organizationId: string,
  projectId: string,
): Promise<Project | null> {
  if (!projectIdSchema.safeParse(projectId).success) return null;
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .select(PROJECT_COLUMNS)
    .eq("organization_id", organizationId)
    .eq("id", projectId)
    .maybeSingle();
  if (error) throw new Error(`Could not load the project: ${error.message}`);
  return data && toProject(data);
}
