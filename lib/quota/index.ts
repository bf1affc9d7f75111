import "server-only";
import { postgresMeter, type UsageMeter, type UserClient } from "./meter";

/**
 * The usage meter of this server, acting as the signed-in user of `supabase`.
 * (The Redis meter, chosen by REDIS_URL, is wired in by lib/quota/redis-meter.ts.)
 */
export function usageMeter(supabase: UserClient): UsageMeter {
  return postgresMeter(supabase);
}
