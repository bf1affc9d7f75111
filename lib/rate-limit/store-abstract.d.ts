// rate-limiter-flexible documents RateLimiterStoreAbstract (and types it at the package
// root) but its index.js does not export it: the class is imported from its own file.
declare module "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js" {
  import type { RateLimiterStoreAbstract } from "rate-limiter-flexible";
  const StoreAbstract: typeof RateLimiterStoreAbstract;
  export default StoreAbstract;
}
