/**
 * The security headers of every response. The static ones come from next.config.ts
 * (every path, static files included); the Content-Security-Policy, which carries a
 * fresh nonce per request, from the proxy (proxy.ts): Next.js reads the nonce from
 * the request's CSP header and puts it on the scripts it renders.
 */

const isProduction = process.env.NODE_ENV === "production";

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  // Framing (clickjacking): CSP frame-ancestors 'none', and the header older browsers read.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Paths can carry tokens (/invite/<token>, /auth/confirm?token_hash=): never send them on.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore it over plain http, so it only matters (and is only sent) in production.
  ...(isProduction
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/**
 * Scripts: only this page's own, by nonce ('strict-dynamic' lets them load the
 * chunks they import). The browser talks to the Supabase API directly (connect-src).
 * Styles allow inline: React writes style attributes, and CSS cannot run script.
 */
export function contentSecurityPolicy(nonce: string, supabaseUrl: string): string {
  const supabase = new URL(supabaseUrl).origin;
  const directives = [
    "default-src 'self'",
    // Development only: React's dev tools evaluate code, and HMR uses a websocket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${supabase}${isProduction ? "" : " ws: wss:"}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return directives.join("; ");
}
