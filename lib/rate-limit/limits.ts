import {
  RateLimiterMemory,
  RateLimiterRes,
  type IRateLimiterStoreOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

/** The sign-in forms that are limited, one budget each. */
export type AuthAction = "sign-in" | "sign-up" | "magic-link" | "reset";

/** Who is counted: the client's address and the email address typed into the form. */
export interface AuthSubject {
  ip: string;
  email: string;
}

/**
 * Attempts per window, per action. By email: guessing one account's password, or
 * flooding one mailbox with links, stops at the 6th attempt in 15 minutes. By
 * address: one client trying many emails (password spraying, enumeration, spam)
 * stops at the 31st. A successful sign-in gives its points back, so people who
 * sign in often are never limited; every other attempt counts, answered or not,
 * so the count tells nothing about which addresses have accounts.
 */
export const AUTH_LIMITS = {
  email: { points: 5, durationSeconds: 15 * 60 },
  ip: { points: 30, durationSeconds: 15 * 60 },
} as const;

/** Builds the store-backed limiter for a key prefix and limit (Postgres RPC or Redis). */
export type StoreFactory = (
  options: Pick<IRateLimiterStoreOptions, "keyPrefix" | "points" | "duration" | "insuranceLimiter">,
) => RateLimiterAbstract;

/** A refused attempt: how long until the window ends. */
export interface Refusal {
  retryAfterMs: number;
}

export const refusalMessage = ({ retryAfterMs }: Refusal) => {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
};

/**
 * The auth rate limits over one store. Each limiter has an in-memory insurance
 * limiter with the same limit: when the store fails (database or Redis down, key
 * missing), rate-limiter-flexible counts per process instead of letting everyone
 * through (the stores log the failure).
 */
export function createAuthRateLimits(store: StoreFactory) {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiter = (action: AuthAction, by: keyof typeof AUTH_LIMITS) => {
    const name = `${action}:${by}`;
    let found = limiters.get(name);
    if (!found) {
      const { points, durationSeconds } = AUTH_LIMITS[by];
      const options = { keyPrefix: `auth:${name}`, points, duration: durationSeconds };
      found = store({ ...options, insuranceLimiter: new RateLimiterMemory(options) });
      limiters.set(name, found);
    }
    return found;
  };
  const keys = (subject: AuthSubject) =>
    [
      ["ip", subject.ip],
      ["email", subject.email.trim().toLowerCase()],
    ] as const;

  return {
    /** Counts one attempt by address and by email; a refusal when either is over its limit. */
    async consume(action: AuthAction, subject: AuthSubject): Promise<Refusal | null> {
      const results = await Promise.allSettled(
        keys(subject).map(([by, key]) => limiter(action, by).consume(key)),
      );
      let refusal: Refusal | null = null;
      for (const result of results) {
        if (result.status === "fulfilled") continue;
        // The library rejects with a RateLimiterRes when over the limit, with an Error when
        // even the insurance limiter failed.
        if (!(result.reason instanceof RateLimiterRes)) throw result.reason;
        const retryAfterMs = result.reason.msBeforeNext;
        if (!refusal || retryAfterMs > refusal.retryAfterMs) refusal = { retryAfterMs };
      }
      return refusal;
    },
    /** Gives a successful attempt's points back (a correct password is not an attack). */
    async reward(action: AuthAction, subject: AuthSubject): Promise<void> {
      await Promise.all(keys(subject).map(([by, key]) => limiter(action, by).reward(key)));
    },
  };
}

export type AuthRateLimits = ReturnType<typeof createAuthRateLimits>;
