import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        // On PGlite by default; TENANTKIT_TEST_DRIVER=postgres runs the same files on a
        // fresh database of a real PostgreSQL server (scripts/test.ts does both).
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One shared database: files run one after another so row counts stay predictable.
          fileParallelism: false,
        },
      },
      {
        // Supabase's own linter (`supabase db advisors`) on a freshly migrated PostgreSQL database.
        extends: true,
        test: {
          name: "advisors",
          include: ["tests/advisors/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/advisors/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
