import path from "node:path";

/**
 * The seeded users the browser tests act as (scripts/seed.ts). Each one signs
 * in once per run, in e2e/auth.setup.ts, and every test that asks for it by
 * fixture name (e2e/support/fixtures.ts) reuses that session. A workspace's
 * `projects` are the ones the seed creates; no test renames or deletes them
 * (e2e/README.md), so a test may count on them while others run.
 */
export const personas = {
  /** Owner of tenant A: acme. */
  tenantA: {
    email: "alice@acme.test",
    name: "Alice Anderson",
    workspace: {
      slug: "acme",
      name: "Acme Inc",
      projects: ["Website redesign", "Mobile app", "Q3 roadmap"],
    },
  },
  /** Owner of tenant B: globex. */
  tenantB: {
    email: "bob@globex.test",
    name: "Bob Brown",
    workspace: {
      slug: "globex",
      name: "Globex Corporation",
      projects: ["Hiring plan", "Data warehouse"],
    },
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
