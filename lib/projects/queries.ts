import "server-only";
import { createClient } from "@/lib/supabase/server";
import { projectIdSchema, type ProjectStatus } from "./validation";

export interface Project {
  id: string;
  name: string;
  status: ProjectStatus;
  created_at: string;
  updated_at: string;
}

const PROJECT_COLUMNS = "id, name, status, created_at, updated_at";

/**
 * A workspace's projects, newest first. RLS already limits rows to the user's
 * workspaces; the explicit organization_id filter is defence in depth and picks
 * the fastest plan (organization_id, created_at desc index).
 */
export async function listProjects(organizationId: string): Promise<Project[]> {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("projects")
    .select(PROJECT_COLUMNS)
    .eq("organization_id", organizationId)
    .order("created_at", { ascending: false })
    .limit(200)
    .returns<Project[]>();
  if (error) throw new Error(`Could not load projects: ${error.message}`);
  return data;
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
    .maybeSingle<Project>();
  if (error) throw new Error(`Could not load the project: ${error.message}`);
  return data;
}
