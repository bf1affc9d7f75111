/** Header the proxy sets with the requested path (+ query), read by requireUser(). */
export const REQUEST_PATH_HEADER = "x-tenantkit-path";

/** A base that no real request has: resolving against it tells whether a value stays on this site. */
const PATH_BASE = "http://next-path.invalid";

const isSitePath = (path: string) =>
  path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");

/**
 * Only same-site paths are valid redirect targets: "/w/acme" yes; "https://evil",
 * "//evil.example" or "/\\evil" no. Anything else falls back to `fallback`.
 * The result is the path as the URL parser normalises it: percent-encoded ASCII
 * (a raw "/。evil.example" would reach the Location header as is, and Node refuses
 * a non-ASCII header with a 500) and with dot segments resolved, which is checked
 * again because "/..//evil" resolves to "//evil".
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!isSitePath(value) || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  const url = new URL(value, PATH_BASE);
  if (url.origin !== PATH_BASE) return fallback;
  const normalised = url.pathname + url.search + url.hash;
  return isSitePath(normalised) && normalised.length <= 2048 ? normalised : fallback;
}

/** The sign-in URL that returns to `path` afterwards. */
export function signInPathFor(path: string): string {
  const next = safeNextPath(path, "/");
  return next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * Cookie remembering where to go after an emailed link is opened in this browser.
 * The auth server is supposed to carry the redirect inside the link, but not every
 * implementation does (Supabase Lite drops it for magic links), so this is the fallback.
 */
export const AUTH_NEXT_COOKIE = "tk_auth_next";

/** Set by a verified recovery link (user id): what /reset-password requires besides a session. */
export const RECOVERY_COOKIE = "tk_recovery";
