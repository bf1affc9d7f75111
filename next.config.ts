import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The browser tests build into their own folder so they never disturb `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // On every path; the Content-Security-Policy comes from the proxy (a nonce per request).
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
