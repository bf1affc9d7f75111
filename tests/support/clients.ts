/** supabase-js clients for tests: anon, real signed-up users, and the service role. */
import { randomUUID } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Database } from "@/lib/supabase/database.types";
import type { TestStackInfo } from "./test-stack";

const options = { auth: { persistSession: false, autoRefreshToken: false } } as const;

export interface TestUser {
  id: string;
  email: string;
  client: SupabaseClient<Database>;
  accessToken: string;
}

export const anonClient = (stack: TestStackInfo) =>
  createClient<Database>(stack.url, stack.publishableKey, options);

/** Platform access that bypasses RLS. Tests use it only to arrange data, never to assert access. */
export const serviceClient = (stack: TestStackInfo) =>
  createClient<Database>(stack.url, stack.secretKey, options);

/** A unique address so test files never collide on one shared database. */
export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@test.example`;

export async function signUpUser(
  stack: TestStackInfo,
  email: string,
  password = "test-password-1",
): Promise<TestUser> {
  const client = createClient<Database>(stack.url, stack.publishableKey, options);
  const { data, error } = await client.auth.signUp({ email, password });
  if (error || !data.session || !data.user)
    throw new Error(`sign-up ${email}: ${error?.message ?? "no session"}`);
  return { id: data.user.id, email, client, accessToken: data.session.access_token };
}

/** Creates a workspace owned by `owner` through the public RPC and returns its row. */
export async function createWorkspace(owner: TestUser, name: string, slug: string) {
  const { data, error } = await owner.client.rpc("create_organization", { name, slug });
  if (error) throw new Error(`create_organization ${slug}: ${error.message}`);
  return data;
}

/** Adds a member with a role, as a platform operation (memberships have no public write path yet). */
export async function addMember(
  stack: TestStackInfo,
  organizationId: string,
  user: TestUser,
  role: "owner" | "admin" | "member",
) {
  const { error } = await serviceClient(stack)
    .from("organization_members")
    .insert({ organization_id: organizationId, user_id: user.id, role });
  if (error) throw new Error(`add member ${user.email}: ${error.message}`);
}

/** Moves a workspace to a plan, as the platform does (the service role's RPC). */
export async function setPlan(
  stack: TestStackInfo,
  organizationId: string,
  plan: "free" | "pro" | "business" | "enterprise",
  status: "active" | "trialing" | "past_due" | "canceled" = "active",
) {
  const { error } = await serviceClient(stack).rpc("change_workspace_plan", {
    org: organizationId,
    plan,
    status,
  });
  if (error) throw new Error(`change_workspace_plan ${plan}: ${error.message} ${error.hint ?? ""}`);
}

export interface TestTeam {
  orgId: string;
  owner: TestUser;
  admin: TestUser;
  member: TestUser;
}

/**
 * A workspace with a real owner, admin and member, all signed up through the API.
 * On Pro unless told otherwise: Free's 3 seats are full with the three of them, and
 * stories about something else must not meet the plan limits by accident
 * (tests/integration/plans.test.ts is about those).
 */
export async function createTeam(
  stack: TestStackInfo,
  label: string,
  plan: Parameters<typeof setPlan>[2] = "pro",
): Promise<TestTeam> {
  const owner = await signUpUser(stack, uniqueEmail(`${label}-owner`));
  const admin = await signUpUser(stack, uniqueEmail(`${label}-admin`));
  const member = await signUpUser(stack, uniqueEmail(`${label}-member`));
  const org = await createWorkspace(owner, `Team ${label}`, `${label}-${randomUUID().slice(0, 8)}`);
  await setPlan(stack, org.id, plan);
  await addMember(stack, org.id, admin, "admin");
  await addMember(stack, org.id, member, "member");
  return { orgId: org.id, owner, admin, member };
}

/** Makes a user a platform admin, as `npm run tenant -- admin add` does (the service role's RPC). */
export async function makePlatformAdmin(stack: TestStackInfo, user: TestUser) {
  const { error } = await serviceClient(stack).rpc("add_platform_admin", {
    email: user.email,
    added_by: "test",
  });
  if (error) throw new Error(`add_platform_admin ${user.email}: ${error.message}`);
}
