import "server-only";
import { createClient } from "redis";

const newClient = (url: string) => createClient({ url, disableOfflineQueue: true });

/** A connected node-redis client (what createClient({ url }) returns). */
export type RedisClient = ReturnType<typeof newClient>;

/*
 * The server's one Redis connection, when REDIS_URL is set: the auth rate limits
 * (lib/rate-limit) and the metered allowances (lib/quota) share it, so an app
 * instance holds one socket to Redis however many features use it.
 */
let shared: { client: RedisClient; connected: Promise<void> } | undefined;

function connectShared(url: string) {
  // No offline queue: while Redis is down, commands fail at once instead of piling
  // up behind a request; each user of the client decides what a failure means.
  const client = newClient(url);
  client.on("error", (error: Error) => console.error(`Redis: ${error.message}`));
  // Connects in the background (and reconnects by itself); a failed first attempt
  // is reported by the error handler above.
  const connected = client.connect().then(
    () => undefined,
    () => undefined,
  );
  return { client, connected };
}

/** The shared client, or null when REDIS_URL is not set (Postgres is the store then). */
export function sharedRedis(): RedisClient | null {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  shared ??= connectShared(url);
  return shared.client;
}

/** Resolves once the shared client's first connection attempt has ended, either way. */
export async function sharedRedisConnected(): Promise<void> {
  await shared?.connected;
}
