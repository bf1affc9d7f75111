import { isAuthRetryableFetchError } from "@supabase/supabase-js";

/**
 * True when an auth call failed because the auth server could not be reached or
 * failed itself (network error, 5xx), as opposed to refusing the request. Such a
 * failure must never read as "wrong password" nor as "signed out".
 */
export function isAuthServiceDown(error: unknown): boolean {
  if (isAuthRetryableFetchError(error)) return true;
  const status =
    typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
  return typeof status === "number" && (status === 0 || status >= 500);
}

/** Thrown where a signed-in page cannot tell who is signed in: the error page, not a sign-out. */
export class AuthServiceUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The auth service is unreachable", { cause });
    this.name = "AuthServiceUnavailableError";
  }
}
