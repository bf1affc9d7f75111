import { z } from "zod";

/** A plan id as the catalog writes them (the plans.id check constraint). */
export const changePlanSchema = z.object({
  planId: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, "Choose a plan."),
});

/** Forms with nothing to send but the workspace of their page. */
export const emptySchema = z.object({});
