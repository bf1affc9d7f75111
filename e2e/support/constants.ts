/**
 * Port of the production build the browser tests drive: 3100 unless
 * TENANTKIT_E2E_PORT says otherwise (to run a second suite beside one already
 * using 3100, e.g. in another worktree).
 */
export const E2E_APP_PORT = e2ePort(process.env.TENANTKIT_E2E_PORT);

function e2ePort(value: string | undefined): number {
  if (value === undefined || value === "") return 3100;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`TENANTKIT_E2E_PORT must be a port number (1-65535), not "${value}"`);
  return port;
}

/** The purge route's secret in the browser tests' app (a test value, not a secret). */
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789abcdef";
