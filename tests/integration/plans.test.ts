/**
 * Plans and quotas, enforced by the database, through the real HTTP API as real
 * users: limits at N-1, N and N+1 for every counted metric and every role, the
 * feature gate, plan changes up and down, a canceled subscription, and the plan data
 * of one workspace never reaching another. Every refusal is also checked in the
 * database (superuser SQL): nothing was written.
 * The metered allowance (consume_usage, the Redis meter) has its own stories in
 * tests/integration/quota-meters.test.ts.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createTeam,
  createWorkspace,
  serviceClient,
  setPlan,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

const projectCount = async (orgId: string) =>
  Number(
    (
      await runSql<{ n: string }>(
        stack,
        `select count(*) as n from public.projects where organization_id = ${literal(orgId)}`,
      )
    )[0]!.n,
  );

const seedProjects = (orgId: string, count: number) =>
  runSql(
    stack,
    `insert into public.projects (organization_id, name)
     select ${literal(orgId)}, 'Seeded ' || n from generate_series(1, ${count}) n`,
  );

const planOf = async (orgId: string) =>
  (
    await runSql<{ plan_id: string; status: string }>(
      stack,
      `select plan_id, status from public.workspace_subscriptions where organization_id = ${literal(orgId)}`,
    )
  )[0];

const insertProject = (user: TestUser, orgId: string, name = `P ${uniqueEmail("p")}`) =>
  user.client.from("projects").insert({ organization_id: orgId, name }).select("id");

const invite = (user: TestUser, orgId: string, email: string) =>
  user.client.rpc("invite_member", { org: orgId, email, role: "member" });

const PROJECT_LIMIT_HINT = "Your plan allows 3 projects. Upgrade to add more.";

describe("the plan catalog", () => {
  it("gives every plan a limit for every metric", async () => {
    const missing = await runSql(
      stack,
      `select p.id as plan, m.id as metric from public.plans p cross join public.plan_metrics m
       where not exists (select 1 from public.plan_limits l where l.plan_id = p.id and l.metric = m.id)`,
    );
    expect(missing, "plans without a limit for a metric (a missing one means 0)").toEqual([]);
  });

  it("counts every count metric with its table's trigger, and no trigger names a metric that is not there", async () => {
    const metrics = await runSql<{ id: string; counted_table: string }>(
      stack,
      `select id, counted_table from public.plan_metrics where kind = 'count' and counted_table is not null`,
    );
    const triggers = await runSql<{ table_name: string; metric: string }>(
      stack,
      `select (t.tgrelid::regclass)::text as table_name,
              substring(pg_get_triggerdef(t.oid) from 'enforce_plan_limit[(]''([^'']*)''[)]') as metric
       from pg_trigger t join pg_proc p on p.oid = t.tgfoid
       join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'private' and p.proname = 'enforce_plan_limit' and not t.tgisinternal`,
    );
    const declared = triggers.map((t) => `${t.table_name}:${t.metric}`).sort();
    const expected = metrics
      .map((m) => `${m.counted_table.replace(/^public\./, "")}:${m.id}`)
      .sort();
    expect(
      declared,
      "each count metric with a counted_table needs `create trigger <table>_plan_limit before insert on <table> for each row execute function private.enforce_plan_limit('<metric>')`",
    ).toEqual(expected);
    expect(declared).toContain("projects:projects");
  });

  it("shows signed-in users the public plans, and a hidden plan only to the workspaces on it", async () => {
    const team = await createTeam(stack, "hidden-plan", "free");
    const outsider = await signUpUser(stack, uniqueEmail("plans-outsider"));
    const visible = async (user: TestUser) =>
      ((await user.client.from("plans").select("id")).data ?? []).map((p) => p.id).sort();
    expect(await visible(team.member)).toEqual(["business", "free", "pro"]);
    await setPlan(stack, team.orgId, "enterprise");
    expect(await visible(team.member)).toEqual(["business", "enterprise", "free", "pro"]);
    expect(await visible(outsider)).toEqual(["business", "free", "pro"]);
    const { data: limits } = await outsider.client
      .from("plan_limits")
      .select("plan_id")
      .eq("plan_id", "enterprise");
    expect(limits).toEqual([]);
  });
});

describe("a new workspace", () => {
  it("starts on Free, active, and the log says so", async () => {
    const founder = await signUpUser(stack, uniqueEmail("plans-founder"));
    const org = await createWorkspace(founder, "Starter", `starter-${Date.now().toString(36)}`);
    expect(await planOf(org.id)).toEqual({ plan_id: "free", status: "active" });
    const { data } = await founder.client
      .from("workspace_subscriptions")
      .select("plan_id, status")
      .eq("organization_id", org.id)
      .single();
    expect(data).toEqual({ plan_id: "free", status: "active" });
    const [entry] = await runSql<{ action: string }>(
      stack,
      `select action from public.audit_logs where organization_id = ${literal(org.id)}
       and table_name = 'workspace_subscriptions'`,
    );
    expect(entry?.action).toBe("billing.plan_started");
  });
});

describe("projects on Free (3)", () => {
  let team: TestTeam;
  let neighbour: TestTeam;

  beforeAll(async () => {
    team = await createTeam(stack, "free-projects", "free");
    neighbour = await createTeam(stack, "free-neighbour", "free");
  });

  it("takes the 2nd and the 3rd (N-1, N), refuses the 4th (N+1) for every role with the upgrade message", async () => {
    await seedProjects(team.orgId, 1);
    expect((await insertProject(team.member, team.orgId)).error).toBeNull(); // 2 of 3
    expect((await insertProject(team.admin, team.orgId)).error).toBeNull(); // 3 of 3
    for (const user of [team.member, team.admin, team.owner]) {
      const { data, error } = await insertProject(user, team.orgId);
      expect(data).toBeNull();
      expect(error).toMatchObject({
        code: "PT402",
        message: "plan_limit_reached",
        hint: PROJECT_LIMIT_HINT,
      });
      expect(JSON.parse(error!.details)).toEqual({ metric: "projects", limit: 3 });
    }
    expect(await projectCount(team.orgId)).toBe(3);
  });

  it("does not let a bulk insert slip past the limit, nor an upsert, nor a restore", async () => {
    const { error } = await team.owner.client.from("projects").insert([
      { organization_id: team.orgId, name: "Bulk 1" },
      { organization_id: team.orgId, name: "Bulk 2" },
    ]);
    expect(error?.message).toBe("plan_limit_reached");
    expect(await projectCount(team.orgId)).toBe(3);

    // Delete one, then restore it after the slot was taken again: refused.
    const [victim] = await runSql<{ id: string }>(
      stack,
      `select id from public.projects where organization_id = ${literal(team.orgId)} limit 1`,
    );
    const deleted = await team.owner.client
      .from("projects")
      .delete()
      .eq("id", victim!.id)
      .select("id");
    expect(deleted.data).toHaveLength(1);
    expect((await insertProject(team.member, team.orgId)).error).toBeNull(); // the freed slot
    const [entry] = await runSql<{ id: number }>(
      stack,
      `select id from public.audit_logs where organization_id = ${literal(team.orgId)}
       and table_name = 'projects' and record_id = ${literal(victim!.id)} and new_data is null`,
    );
    const restored = await team.owner.client.rpc("restore_project", {
      org: team.orgId,
      audit_log_id: entry!.id,
    });
    expect(restored.error).toMatchObject({
      message: "plan_limit_reached",
      hint: PROJECT_LIMIT_HINT,
    });
    expect(await projectCount(team.orgId)).toBe(3);
  });

  it("counts each workspace alone: a full neighbour does not block, and is not blocked", async () => {
    expect(await projectCount(team.orgId)).toBe(3);
    for (let i = 0; i < 3; i++)
      expect((await insertProject(neighbour.member, neighbour.orgId)).error).toBeNull();
    expect((await insertProject(neighbour.member, neighbour.orgId)).error?.message).toBe(
      "plan_limit_reached",
    );
  });

  it("lets exactly one of many concurrent inserts take the last slot", async () => {
    const racer = await createTeam(stack, "free-race", "free");
    await seedProjects(racer.orgId, 2);
    const users = [racer.owner, racer.admin, racer.member];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => insertProject(users[i % 3]!, racer.orgId, `Race ${i}`)),
    );
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.filter((r) => r.error?.message === "plan_limit_reached")).toHaveLength(11);
    expect(await projectCount(racer.orgId)).toBe(3);
  });

  it("makes room after an upgrade, and never deletes data when the subscription is canceled", async () => {
    await setPlan(stack, team.orgId, "pro");
    expect((await insertProject(team.member, team.orgId)).error).toBeNull(); // 4 on Pro
    await setPlan(stack, team.orgId, "pro", "canceled");
    expect(await projectCount(team.orgId)).toBe(4); // over Free's 3, kept
    const { data: readable } = await team.member.client
      .from("projects")
      .select("id")
      .eq("organization_id", team.orgId);
    expect(readable).toHaveLength(4);
    expect((await insertProject(team.owner, team.orgId)).error?.message).toBe("plan_limit_reached");
  });
});

describe("seats on Free (3: members and pending invitations)", () => {
  let owner: TestUser;
  let orgId: string;

  beforeAll(async () => {
    owner = await signUpUser(stack, uniqueEmail("seats-owner"));
    orgId = (await createWorkspace(owner, "Seats", `seats-${Date.now().toString(36)}`)).id;
  });

  it("takes invitations up to the limit (N-1, N), refuses the next (N+1), and a refresh of a pending one is no new seat", async () => {
    const first = uniqueEmail("seat-2");
    const second = uniqueEmail("seat-3");
    expect((await invite(owner, orgId, first)).error).toBeNull(); // 2 of 3
    expect((await invite(owner, orgId, second)).error).toBeNull(); // 3 of 3
    const refused = await invite(owner, orgId, uniqueEmail("seat-4"));
    expect(refused.error).toMatchObject({
      message: "plan_limit_reached",
      hint: "Your plan allows 3 seats. Upgrade to add more.",
    });
    // Re-inviting a pending address refreshes its invitation: still 3 seats.
    expect((await invite(owner, orgId, second)).error).toBeNull();
    const pending = await runSql(
      stack,
      `select 1 from public.invitations where organization_id = ${literal(orgId)}
       and accepted_at is null and revoked_at is null`,
    );
    expect(pending).toHaveLength(2);
  });

  it("lets an invited person accept at the limit (the invitation's seat becomes theirs)", async () => {
    const email = uniqueEmail("seat-accept");
    // Make room: revoke one pending invitation, then invite the new person (3 of 3 again).
    const [oldest] = await runSql<{ id: string }>(
      stack,
      `select id from public.invitations where organization_id = ${literal(orgId)}
       and accepted_at is null and revoked_at is null order by created_at limit 1`,
    );
    expect(
      (await owner.client.rpc("revoke_invitation", { org: orgId, invitation_id: oldest!.id }))
        .error,
    ).toBeNull();
    const { data: sent, error } = await invite(owner, orgId, email);
    expect(error).toBeNull();
    const invitee = await signUpUser(stack, email);
    const accepted = await invitee.client.rpc("accept_invitation", {
      token: (sent as { token: string }).token,
    });
    expect(accepted.error).toBeNull();
    const members = await runSql(
      stack,
      `select 1 from public.organization_members where organization_id = ${literal(orgId)}`,
    );
    expect(members).toHaveLength(2);
    expect((await invite(owner, orgId, uniqueEmail("seat-over"))).error?.message).toBe(
      "plan_limit_reached",
    );
  });

  it("refuses to accept when the workspace is over its seats (a canceled plan held to Free)", async () => {
    const team = await createTeam(stack, "seats-over", "pro");
    const email = uniqueEmail("seat-late");
    const { data: sent } = await invite(team.owner, team.orgId, email);
    await setPlan(stack, team.orgId, "pro", "canceled"); // Free: 3 seats, 3 members + 1 pending
    const invitee = await signUpUser(stack, email);
    const accepted = await invitee.client.rpc("accept_invitation", {
      token: (sent as { token: string }).token,
    });
    expect(accepted.error?.message).toBe("plan_limit_reached");
    const member = await runSql(
      stack,
      `select 1 from public.organization_members where organization_id = ${literal(team.orgId)}
       and user_id = ${literal(invitee.id)}`,
    );
    expect(member).toEqual([]);
  });

  it("does not count expired invitations", async () => {
    const team = await createTeam(stack, "seats-expired", "free"); // 3 of 3
    await runSql(
      stack,
      `update public.workspace_subscriptions set plan_id = 'pro' where organization_id = ${literal(team.orgId)};
       insert into public.invitations (organization_id, email, role, token_hash, invited_by, expires_at)
       values (${literal(team.orgId)}, ${literal(uniqueEmail("expired"))}, 'member', md5('a') || md5('b'),
               ${literal(team.owner.id)}, now() - interval '1 day');
       update public.workspace_subscriptions set plan_id = 'free' where organization_id = ${literal(team.orgId)};`,
    );
    const usage = await team.owner.client.rpc("get_workspace_usage", { org: team.orgId });
    expect(usage.data?.find((row) => row.metric === "seats")).toMatchObject({
      used: 3,
      usage_limit: 3,
    });
  });
});

describe("features: the activity log for members", () => {
  it("is refused on Free, allowed on Pro, and goes quiet (kept) after a downgrade", async () => {
    const team = await createTeam(stack, "feature", "free");
    const enable = () =>
      team.owner.client
        .from("organizations")
        .update({ members_can_view_activity: true })
        .eq("id", team.orgId)
        .select("id");
    const refused = await enable();
    expect(refused.error).toMatchObject({ code: "PT402", message: "feature_not_in_plan" });

    await setPlan(stack, team.orgId, "pro");
    expect((await enable()).error).toBeNull();
    const memberReads = async () =>
      (
        await team.member.client
          .from("audit_logs")
          .select("id")
          .eq("organization_id", team.orgId)
          .limit(1)
      ).data ?? [];
    // The log's actors (the activity filter) follow the same rule as its rows.
    const memberSeesActors = async () =>
      ((await team.member.client.rpc("get_activity_actors", { org: team.orgId })).data ?? [])
        .length > 0;
    expect(await memberReads()).toHaveLength(1);
    expect(await memberSeesActors()).toBe(true);

    await setPlan(stack, team.orgId, "free");
    expect(await memberReads()).toEqual([]);
    expect(await memberSeesActors()).toBe(false);
    const [setting] = await runSql<{ members_can_view_activity: boolean }>(
      stack,
      `select members_can_view_activity from public.organizations where id = ${literal(team.orgId)}`,
    );
    expect(setting?.members_can_view_activity).toBe(true);
    await setPlan(stack, team.orgId, "pro");
    expect(await memberReads()).toHaveLength(1);
  });
});

describe("plan changes (the platform's)", () => {
  it("refuses a downgrade the workspace does not fit, saying what to remove, and changes nothing", async () => {
    const team = await createTeam(stack, "downgrade", "pro");
    await seedProjects(team.orgId, 5);
    await team.owner.client.rpc("invite_member", {
      org: team.orgId,
      email: uniqueEmail("down-seat"),
      role: "member",
    });
    const { error } = await serviceClient(stack).rpc("change_workspace_plan", {
      org: team.orgId,
      plan: "free",
    });
    expect(error).toMatchObject({
      code: "PT409",
      message: "plan_change_over_limit",
      hint: "Remove 2 projects and 1 seat to move to Free.",
    });
    expect(JSON.parse(error!.details)).toEqual([
      { metric: "projects", used: 5, limit: 3, excess: 2, unit: "projects" },
      { metric: "seats", used: 4, limit: 3, excess: 1, unit: "seat" },
    ]);
    expect(await planOf(team.orgId)).toEqual({ plan_id: "pro", status: "active" });
    expect(await projectCount(team.orgId)).toBe(5);
  });

  it("moves up and down when the workspace fits, each change in the log as the platform", async () => {
    const team = await createTeam(stack, "upgrade", "free");
    await setPlan(stack, team.orgId, "business");
    await setPlan(stack, team.orgId, "free");
    const entries = await runSql<{
      action: string;
      actor_kind: string;
      new_data: { plan_id: string };
    }>(
      stack,
      `select action, actor_kind, new_data from public.audit_logs
       where organization_id = ${literal(team.orgId)} and action = 'billing.plan_changed' order by id`,
    );
    // createTeam's own move to Free is no change (free → free), so it is not there.
    expect(entries.map((e) => [e.action, e.actor_kind, e.new_data.plan_id])).toEqual([
      ["billing.plan_changed", "service", "business"],
      ["billing.plan_changed", "service", "free"],
    ]);
    const { data: feed } = await team.owner.client
      .from("audit_logs")
      .select("action")
      .eq("organization_id", team.orgId)
      .eq("action", "billing.plan_changed");
    expect(feed).toHaveLength(2);
  });

  it("refuses an unknown plan", async () => {
    const team = await createTeam(stack, "unknown-plan", "free");
    const { error } = await serviceClient(stack).rpc("change_workspace_plan", {
      org: team.orgId,
      plan: "platinum",
    });
    expect(error?.message).toBe("plan_not_found");
  });
});

describe("no user changes a plan or bills usage, and one workspace's plan data stays its own", () => {
  let team: TestTeam;
  let outsider: TestTeam;

  beforeAll(async () => {
    team = await createTeam(stack, "plan-attack", "free");
    outsider = await createTeam(stack, "plan-outsider", "pro");
    await seedProjects(team.orgId, 2);
  });

  it("refuses change_workspace_plan and record_usage to every role of the workspace itself", async () => {
    for (const user of [team.owner, team.admin, team.member]) {
      const upgrade = await user.client.rpc("change_workspace_plan", {
        org: team.orgId,
        plan: "enterprise",
      });
      expect(upgrade.error, "change_workspace_plan").not.toBeNull();
      const billed = await user.client.rpc("record_usage", {
        org: outsider.orgId,
        metric: "api_requests",
        period_start: `${new Date().toISOString().slice(0, 7)}-01`,
        amount: 1_000_000,
      });
      expect(billed.error, "record_usage").not.toBeNull();
      const write = await user.client
        .from("workspace_subscriptions")
        .update({ plan_id: "enterprise" })
        .eq("organization_id", team.orgId)
        .select("plan_id");
      expect(write.data ?? []).toEqual([]);
    }
    expect(await planOf(team.orgId)).toEqual({ plan_id: "free", status: "active" });
    const usage = await runSql(
      stack,
      `select 1 from platform.metered_usage where organization_id = ${literal(outsider.orgId)}`,
    );
    expect(usage).toEqual([]);
  });

  it("shows a workspace's usage and subscription to its members only", async () => {
    const own = await team.member.client.rpc("get_workspace_usage", { org: team.orgId });
    expect(own.data?.find((row) => row.metric === "projects")).toMatchObject({
      used: 2,
      usage_limit: 3,
    });
    const foreign = await outsider.owner.client.rpc("get_workspace_usage", { org: team.orgId });
    expect(foreign.data ?? []).toEqual([]);
    const subscription = await outsider.owner.client
      .from("workspace_subscriptions")
      .select("plan_id")
      .eq("organization_id", team.orgId);
    expect(subscription.data).toEqual([]);
    const consumed = await outsider.owner.client.rpc("consume_usage", {
      org: team.orgId,
      metric: "api_requests",
      amount: 1,
    });
    expect(consumed.error?.message).toBe("not_allowed");
  });
});
