import { z } from "zod";

/** A plan id as the catalog writes them (the plans.id check constraint). */
export const changePlanSchema = z.object({
  planId: z.string().regex(/^[a-z][a-z0-9_]{1,30}$/, "Choose a plan."),
});
