import { z } from "zod";
import type { AuditEntry } from "./describe";

/**
 * Keyset cursor for the activity feed: the (created_at, id) of the last entry shown.
 * The feed is ordered the way its index is, (organization_id, created_at desc, id desc),
 * so a page is one index range scan however deep it is. The id breaks ties between
 * entries of one transaction, which share created_at. Opaque (base64url) in the URL,
 * so the timestamp's "+" and ":" need no escaping.
 */
export interface ActivityCursor {
  createdAt: string;
  id: number;
}

/**
 * PostgREST answers timestamps in ISO 8601 ("2026-11-23T10:00:00.123456+00:00"); Supabase
 * Lite in Postgres' text format ("2026-11-23 10:00:00.123456+00"). Both become ISO here,
 * by rewriting the string rather than through Date, which would drop the microseconds
 * that order entries of one second.
 */
export const isoTimestamp = (value: string): string =>
  value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00");

export const encodeActivityCursor = (entry: Pick<AuditEntry, "created_at" | "id">): string =>
  Buffer.from(`${isoTimestamp(entry.created_at)}|${entry.id}`, "utf8").toString("base64url");

/**
 * Only values Postgres accepts: the cursor comes from the URL, and a value the query
 * cannot cast (an id past bigint, year 0) would be an error page instead of a page.
 * Ids are at most Number.MAX_SAFE_INTEGER (below bigint's maximum), which a JS number
 * holds exactly; timestamps start at year 1.
 */
const cursorId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);
const cursorTimestamp = z.iso
  .datetime({ offset: true, local: true })
  .refine((value) => !value.startsWith("0000"));

export const activityCursorSchema = z
  .string()
  .max(200)
  .transform((value) => Buffer.from(value, "base64url").toString("utf8").split("|"))
  .pipe(z.tuple([cursorTimestamp, cursorId]))
  .transform(([createdAt, id]): ActivityCursor => ({ createdAt, id }));
