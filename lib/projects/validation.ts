import { z } from "zod";

export const projectNameSchema = z
  .string()
  .trim()
  .min(1, "Give the project a name.")
  .max(120, "Use at most 120 characters.");

export const projectIdSchema = z.uuid();

export const PROJECT_STATUSES = ["active", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const createProjectSchema = z.object({ name: projectNameSchema });
export const renameProjectSchema = z.object({
  projectId: projectIdSchema,
  name: projectNameSchema,
});
export const projectStatusSchema = z.object({
  projectId: projectIdSchema,
  status: z.enum(PROJECT_STATUSES),
});
export const deleteProjectSchema = z.object({ projectId: projectIdSchema });
