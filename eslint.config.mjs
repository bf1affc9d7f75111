import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-test/**",
    ".next-bench/**",
    "node_modules/**",
    "supabase/.temp/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Playwright fixtures hand their value to the test through a callback named `use`, which
    // the React rules take for React's `use` hook. The browser tests hold no React code.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // One Link: components/ui/link.tsx (no prefetching by default, and why).
    files: ["app/**", "components/**"],
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next/link",
              importNames: ["default"],
              message: 'Use `import { Link } from "@/components/ui/link"` (see why there).',
            },
          ],
        },
      ],
    },
  },
  {
    // The service-role key may only be read by server-only modules (`import "server-only"`
    // under lib/) and platform scripts, never by routes or UI code.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "MemberExpression[object.object.name='process'][property.name='SUPABASE_SECRET_KEY']",
          message:
            "The secret key is server-only: read it in a `server-only` module under lib/ whose every use is audited, never in app/ or components/.",
        },
      ],
    },
  },
]);
