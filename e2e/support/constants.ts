/** Port of the production build the browser tests drive. */
export const E2E_APP_PORT = 3100;
