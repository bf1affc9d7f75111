import path from "node:path";

/**
 * The seeded users the browser tests act as (scripts/seed.ts). Each one signs
 * in once per run, in e2e/auth.setup.ts, and every test that asks for it by
 * fixture name (e2e/support/fixtures.ts) reuses that session.
 */
export const personas = {
  /** Owner of tenant A: acme. */
  tenantA: {
    email: "alice@acme.test",
    name: "Alice Anderson",
    workspace: { slug: "acme", name: "Acme Inc" },
  },
  /** Owner of tenant B: globex. */
  tenantB: {
    email: "bob@globex.test",
    name: "Bob Brown",
    workspace: { slug: "globex", name: "Globex Corporation" },
  },
  /** A plain member (not admin) of both tenants: for role checks and the workspace switcher. */
  member: {
    email: "carol@example.test",
    name: "Carol Chen",
    workspace: null,
  },
} as const;

export type PersonaName = keyof typeof personas;

/** Where the setup project keeps a persona's signed-in browser state (gitignored). */
export const storageStatePath = (persona: PersonaName) =>
  path.join(import.meta.dirname, "..", ".auth", `${persona}.json`);
