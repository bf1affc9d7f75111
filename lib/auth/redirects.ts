/** Header the proxy sets with the requested path (+ query), read by requireUser(). */
export const REQUEST_PATH_HEADER = "x-tenantkit-path";

/**
 * Only same-site paths are valid redirect targets: "/w/acme" yes; "https://evil",
 * "//evil.example" or "/\\evil" no. Anything else falls back to `fallback`.
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
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
