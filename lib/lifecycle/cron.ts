import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a request carries the cron secret (`Authorization: Bearer <CRON_SECRET>`,
 * what Vercel Cron sends). Compared in constant time over digests, so neither the
 * secret's content nor its length leaks through timing. No secret configured: no
 * request is authorized.
 */
export function isAuthorizedCron(
  authorization: string | null,
  secret: string | undefined,
): boolean {
  if (!secret || secret.length < 16 || !authorization) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(authorization), digest(`Bearer ${secret}`));
}
