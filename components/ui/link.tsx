import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * next/link without prefetching by default: the app's one Link.
 *
 * Every page here is rendered per request (it reads the session, and the proxy gives it
 * a CSP nonce) and none has a loading.tsx (see link-pending.tsx), so a prefetch brings
 * back the route's shape but none of its content: a click still waits for the server.
 * Measured on a production build (docs/performance.md, "Prefetching"): a click is no
 * faster with prefetching, while the prefetches a page view sets off (one or two per
 * visible link, each through the proxy's session check) cost the server more CPU than
 * the view itself. Pass `prefetch` to opt a link back in.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
