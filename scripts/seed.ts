/**
 * Demo data for local development (never run against a hosted project): the
 * workspaces acme and globex, their owners, and carol, a member of both. Acme is on
 * Pro; Globex on Free near its limits (2 of 3 projects, 2 of 3 seats, 4,200 of 5,000
 * API requests this month), so the limits can be tried in the browser at once.
 * Users are created through the public sign-up API, the way real users are.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";

export const DEMO_PASSWORD = "demo-password";

export const demoUsers = {
  alice: { email: "alice@acme.test", fullName: "Alice Anderson" },
  bob: { email: "bob@globex.test", fullName: "Bob Brown" },
  carol: { email: "carol@example.test", fullName: "Carol Chen" },
} as const;

const demoWorkspaces = [
  {
    slug: "acme",
    name: "Acme Inc",
    owner: demoUsers.alice,
    projects: ["Website redesign", "Mobile app", "Q3 roadmap"],
    plan: "pro",
    apiRequestsThisMonth: 1_250,
  },
  {
    slug: "globex",
    name: "Globex Corporation",
    owner: demoUsers.bob,
    projects: ["Hiring plan", "Data warehouse"],
    plan: "free",
    apiRequestsThisMonth: 4_200,
  },
];

export interface SeedTarget {
  url: string;
  publishableKey: string;
  secretKey: string;
}

const client = (url: string, key: string) =>
  createClient(url, key, { auth: { persistSession: false, autoRefreshToken: false } });

async function signUp(target: SeedTarget, user: { email: string; fullName: string }) {
  const supabase = client(target.url, target.publishableKey);
  const { data, error } = await supabase.auth.signUp({
    email: user.email,
    password: DEMO_PASSWORD,
    options: { data: { full_name: user.fullName } },
  });
  if (error || !data.session || !data.user) {
    throw new Error(`seed: could not sign up ${user.email}: ${error?.message ?? "no session"}`);
  }
  return { supabase, id: data.user.id };
}

async function check<T>(label: string, query: PromiseLike<{ data: T; error: unknown }>) {
  const { data, error } = await query;
  if (error) throw new Error(`seed: ${label}: ${JSON.stringify(error)}`);
  return data;
}

export async function seedDemoData(target: SeedTarget): Promise<void> {
  const users: Record<string, { supabase: SupabaseClient; id: string }> = {};
  for (const user of Object.values(demoUsers)) users[user.email] = await signUp(target, user);

  const orgIds: string[] = [];
  for (const workspace of demoWorkspaces) {
    const owner = users[workspace.owner.email]!;
    const org = await check(
      `create ${workspace.slug}`,
      owner.supabase.rpc("create_organization", { name: workspace.name, slug: workspace.slug }),
    );
    const orgId = (org as { id: string }).id;
    orgIds.push(orgId);
    for (const name of workspace.projects) {
      await check(
        `project ${name}`,
        owner.supabase.from("projects").insert({ organization_id: orgId, name }),
      );
    }
  }

  // Platform action: carol joins both workspaces as a plain member. Seeding is the
  // one place that writes memberships directly, with the service role.
  const admin = client(target.url, target.secretKey);
  const carol = users[demoUsers.carol.email]!;
  await check(
    "carol memberships",
    admin
      .from("organization_members")
      .insert(
        orgIds.map((organization_id) => ({ organization_id, user_id: carol.id, role: "member" })),
      ),
  );
  await seedDemoPlans(target);
}

/**
 * The demo workspaces' plans and this month's API usage, as the platform sets them
 * (change_workspace_plan(), record_usage(): service role). Runs once per database: with
 * the rest of the seed, or when the plans migration reaches a dev database seeded
 * before it (scripts/db.ts).
 */
export async function seedDemoPlans(target: SeedTarget): Promise<void> {
  const admin = client(target.url, target.secretKey);
  const periodStart = `${new Date().toISOString().slice(0, 7)}-01`;
  for (const workspace of demoWorkspaces) {
    const org = await check(
      `find ${workspace.slug}`,
      admin.from("organizations").select("id").eq("slug", workspace.slug).maybeSingle(),
    );
    if (!org) continue;
    const orgId = (org as { id: string }).id;
    await check(
      `plan of ${workspace.slug}`,
      admin.rpc("change_workspace_plan", { org: orgId, plan: workspace.plan }),
    );
    await check(
      `usage of ${workspace.slug}`,
      admin.rpc("record_usage", {
        org: orgId,
        metric: "api_requests",
        period_start: periodStart,
        amount: workspace.apiRequestsThisMonth,
      }),
    );
  }
}
