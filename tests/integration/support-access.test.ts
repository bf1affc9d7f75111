/**
 * Support access, the attack matrix's operator extension: an operator reads a
 * workspace only through an open, unexpired grant for THAT workspace, only through
 * admin_support_read(), never writes anything, and every open, view and close is in
 * the platform log AND in the workspace's own activity feed, which A's members read
 * and B's members do not. Every refusal is proven by effect (superuser SQL), not by
 * the HTTP answer alone.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createTeam,
  makePlatformAdmin,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

let teamA: TestTeam;
let teamB: TestTeam;
let operator: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  [teamA, teamB, operator, outsider] = await Promise.all([
    createTeam(stack, "supa"),
    createTeam(stack, "supb"),
    signUpUser(stack, uniqueEmail("ops")),
    signUpUser(stack, uniqueEmail("outsider")),
  ]);
  await makePlatformAdmin(stack, operator);
  await runSql(
    stack,
    `insert into public.projects (organization_id, name) values
       (${literal(teamA.orgId)}, 'A secret roadmap'), (${literal(teamB.orgId)}, 'B secret roadmap')`,
  );
});

/** Every tenant row of the workspace, fingerprinted per table (superuser view). */
async function fingerprint(orgId: string): Promise<Record<string, string>> {
  const scoped = (table: string, column = "organization_id") =>
    `select '${table}' as t, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as f
     from public.${table} x where x.${column} = ${literal(orgId)}`;
  const rows = await runSql<{ t: string; f: string }>(
    stack,
    [
      scoped("organizations", "id"),
      scoped("organization_members"),
      scoped("projects"),
      scoped("invitations"),
      scoped("workspace_subscriptions"),
      scoped("audit_logs"),
    ].join(" union all "),
  );
  return Object.fromEntries(rows.map((row) => [row.t, row.f]));
}

async function openGrant(
  user: TestUser,
  orgId: string,
  reason = "Customer ticket #4211: projects missing",
) {
  const { data, error } = await user.client.rpc("admin_open_support_grant", {
    org: orgId,
    reason,
    minutes: 30,
  });
  expect(error).toBeNull();
  expect(typeof data).toBe("string");
  return data!;
}

const read = (user: TestUser, orgId: string, section: string) =>
  user.client.rpc("admin_support_read", { org: orgId, section });

interface LogRow {
  action: string;
  actor_id: string | null;
  actor_label: string | null;
  section: string | null;
}
const feedOf = (orgId: string, grantId: string) =>
  runSql<LogRow>(
    stack,
    `select action, actor_id, actor_label, new_data->>'section' as section from public.audit_logs
     where organization_id = ${literal(orgId)} and record_id = ${literal(grantId)} order by id`,
  );
const platformLogOf = (grantId: string) =>
  runSql<{ event: string; actor_id: string | null; section: string | null; org: string }>(
    stack,
    `select event, actor_id, details->>'section' as section, organization_id::text as org
     from platform.audit_events where details->>'grant_id' = ${literal(grantId)} order by id`,
  );

describe("a normal user calling every operator RPC", () => {
  it("is refused with not_platform_admin, whatever their role, and nothing changes", async () => {
    const [grant] = await runSql<{ id: string }>(
      stack,
      `insert into platform.support_grants
         (organization_id, operator_id, operator_email, reason, approved_at, approved_by, expires_at)
       values (${literal(teamA.orgId)}, ${literal(operator.id)}, ${literal(operator.email)},
               'Arranged by the test', now(), 'automatic', now() + interval '1 hour') returning id`,
    );
    const before = await fingerprint(teamA.orgId);
    const grantsBefore = await runSql(
      stack,
      "select count(*)::int as n from platform.support_grants",
    );
    for (const user of [outsider, teamA.member, teamA.admin, teamA.owner]) {
      const calls = [
        await user.client.rpc("admin_open_support_grant", {
          org: teamA.orgId,
          reason: "I would like to look around",
        }),
        await user.client.rpc("admin_close_support_grant", { grant_id: grant!.id }),
        await user.client.rpc("admin_support_overview", { org: teamA.orgId }),
        await user.client.rpc("admin_support_read", { org: teamA.orgId, section: "projects" }),
      ];
      for (const call of calls) {
        expect(call.data).toBeNull();
        expect(call.error?.message).toBe("not_platform_admin");
      }
    }
    expect(await fingerprint(teamA.orgId)).toEqual(before);
    expect(await runSql(stack, "select count(*)::int as n from platform.support_grants")).toEqual(
      grantsBefore,
    );
    const [still] = await runSql<{ closed: boolean }>(
      stack,
      `select closed_at is not null as closed from platform.support_grants where id = ${literal(grant!.id)}`,
    );
    expect(still).toEqual({ closed: false });
    await runSql(
      stack,
      `update platform.support_grants set closed_at = now(), closed_by = 'test' where id = ${literal(grant!.id)}`,
    );
  });
});

describe("an operator without a grant", () => {
  it("reads no tenant row through the API tables, and admin_support_read refuses", async () => {
    for (const table of [
      "organizations",
      "organization_members",
      "projects",
      "invitations",
      "workspace_subscriptions",
      "audit_logs",
    ] as const) {
      const { data } = await operator.client.from(table).select("*");
      expect(data ?? [], table).toEqual([]);
    }
    const attempt = await read(operator, teamA.orgId, "projects");
    expect(attempt.data).toBeNull();
    expect(attempt.error?.message).toBe("support_grant_required");
  });

  it("gets nothing from an expired grant, nor from a closed one", async () => {
    const grantId = await openGrant(operator, teamA.orgId);
    expect((await read(operator, teamA.orgId, "projects")).error).toBeNull();
    await runSql(
      stack,
      `update platform.support_grants set opened_at = now() - interval '2 hours',
         approved_at = now() - interval '2 hours', expires_at = now() - interval '1 second'
       where id = ${literal(grantId)}`,
    );
    const expired = await read(operator, teamA.orgId, "projects");
    expect(expired.data).toBeNull();
    expect(expired.error?.message).toBe("support_grant_required");

    const second = await openGrant(operator, teamA.orgId);
    const closed = await operator.client.rpc("admin_close_support_grant", { grant_id: second });
    expect(closed).toMatchObject({ data: true, error: null });
    expect((await read(operator, teamA.orgId, "members")).error?.message).toBe(
      "support_grant_required",
    );
    // Closing twice changes nothing and says so.
    expect(
      (await operator.client.rpc("admin_close_support_grant", { grant_id: second })).data,
    ).toBe(false);
  });
});

describe("an operator with a grant for A", () => {
  let grantId: string;
  beforeAll(async () => {
    grantId = await openGrant(operator, teamA.orgId);
  });

  it("reads A's sections through admin_support_read, and nothing of B", async () => {
    const projects = await read(operator, teamA.orgId, "projects");
    expect(projects.error).toBeNull();
    expect(JSON.stringify(projects.data)).toContain("A secret roadmap");
    expect(JSON.stringify(projects.data)).not.toContain("B secret roadmap");
    const members = await read(operator, teamA.orgId, "members");
    expect(JSON.stringify(members.data)).toContain(teamA.owner.email);

    const other = await read(operator, teamB.orgId, "projects");
    expect(other.data).toBeNull();
    expect(other.error?.message).toBe("support_grant_required");
    const unknown = await read(operator, teamA.orgId, "secrets");
    expect(unknown.error?.message).toBe("support_section_invalid");
  });

  it("still reads no tenant row through the API tables (the policies are not widened)", async () => {
    const org = teamA.orgId;
    const reads = [
      operator.client.from("organizations").select("id").eq("id", org),
      operator.client.from("projects").select("id").eq("organization_id", org),
      operator.client.from("organization_members").select("user_id").eq("organization_id", org),
      operator.client.from("audit_logs").select("id").eq("organization_id", org),
    ];
    for (const { data } of await Promise.all(reads)) expect(data ?? []).toEqual([]);
  });

  it("cannot write A through any table or RPC: every attempt is refused by effect", async () => {
    const [project] = await runSql<{ id: string }>(
      stack,
      `select id from public.projects where organization_id = ${literal(teamA.orgId)} limit 1`,
    );
    const [entry] = await runSql<{ id: number }>(
      stack,
      `select id from public.audit_logs where organization_id = ${literal(teamA.orgId)} limit 1`,
    );
    const before = await fingerprint(teamA.orgId);
    const db = operator.client;
    const org = teamA.orgId;
    const attempts = [
      db.from("organizations").update({ name: "Taken over" }).eq("id", org),
      db.from("organizations").delete().eq("id", org),
      db
        .from("organization_members")
        .insert({ organization_id: org, user_id: operator.id, role: "owner" }),
      db.from("organization_members").update({ role: "member" }).eq("organization_id", org),
      db.from("organization_members").delete().eq("organization_id", org),
      db.from("projects").insert({ organization_id: org, name: "Planted by support" }),
      db.from("projects").update({ name: "Renamed by support" }).eq("organization_id", org),
      db.from("projects").delete().eq("organization_id", org),
      db.from("invitations").insert({
        organization_id: org,
        email: "x@test.example",
        role: "owner",
        token_hash: "forged",
      }),
      db.from("invitations").delete().eq("organization_id", org),
      db
        .from("workspace_subscriptions")
        .update({ plan_id: "enterprise" })
        .eq("organization_id", org),
      db.from("workspace_subscriptions").delete().eq("organization_id", org),
      db.from("audit_logs").delete().eq("organization_id", org),
      db.rpc("invite_member", { org, email: uniqueEmail("planted"), role: "owner" }),
      db.rpc("update_member_role", { org, member_id: teamA.member.id, role: "admin" }),
      db.rpc("remove_member", { org, member_id: teamA.member.id }),
      db.rpc("transfer_ownership", { org, new_owner_id: operator.id }),
      db.rpc("leave_organization", { org }),
      db.rpc("restore_project", { org, audit_log_id: entry!.id }),
      db.rpc("consume_usage", { org, metric: "api_requests", amount: 1 }),
    ];
    for (const attempt of attempts) await attempt;
    expect(await fingerprint(teamA.orgId)).toEqual(before);
    const [still] = await runSql<{ name: string }>(
      stack,
      `select name from public.projects where id = ${literal(project!.id)}`,
    );
    expect(still?.name).toBeDefined();
  });

  it("is logged in both logs, and A's members see it in A's activity, B's do not", async () => {
    await read(operator, teamA.orgId, "activity");
    const feed = await feedOf(teamA.orgId, grantId);
    expect(feed[0]).toEqual({
      action: "support.opened",
      actor_id: operator.id,
      actor_label: `Support (${operator.email})`,
      section: null,
    });
    expect(feed.filter((row) => row.action === "support.viewed").map((row) => row.section)).toEqual(
      ["projects", "members", "activity"],
    );
    // The same events, in the platform log, which outlives the workspace.
    const platform = await platformLogOf(grantId);
    expect(platform.map((row) => row.event)).toEqual(feed.map((row) => row.action));
    expect(platform.every((row) => row.actor_id === operator.id && row.org === teamA.orgId)).toBe(
      true,
    );

    const asOwner = await teamA.owner.client
      .from("audit_logs")
      .select("action, actor_label, new_data")
      .eq("organization_id", teamA.orgId)
      .eq("record_id", grantId);
    expect(asOwner.data?.map((row) => row.action)).toEqual(
      expect.arrayContaining(["support.opened", "support.viewed"]),
    );
    expect(asOwner.data?.[0]?.new_data).toMatchObject({
      reason: "Customer ticket #4211: projects missing",
    });

    for (const user of [teamA.member, teamA.admin, teamA.owner]) {
      const { data } = await user.client.rpc("get_support_grants", { org: teamA.orgId });
      expect(data?.map((row) => row.id)).toContain(grantId);
    }
    for (const user of [teamB.owner, teamB.member, outsider]) {
      const logs = await user.client
        .from("audit_logs")
        .select("id")
        .eq("organization_id", teamA.orgId);
      expect(logs.data ?? []).toEqual([]);
      const grants = await user.client.rpc("get_support_grants", { org: teamA.orgId });
      expect(grants.data ?? []).toEqual([]);
    }
    expect(await feedOf(teamB.orgId, grantId)).toEqual([]);
  });
});

describe("opening a grant", () => {
  it("refuses a missing reason, a duration over 24 hours, an unknown workspace and a second open grant", async () => {
    const fresh = await createTeam(stack, "supc");
    const open = (reason: string, minutes: number, org = fresh.orgId) =>
      operator.client.rpc("admin_open_support_grant", { org, reason, minutes });
    expect((await open("short", 60)).error?.message).toBe("support_reason_invalid");
    expect((await open("A long enough reason", 1441)).error?.message).toBe(
      "support_duration_invalid",
    );
    expect((await open("A long enough reason", 0)).error?.message).toBe("support_duration_invalid");
    expect(
      (await open("A long enough reason", 60, "00000000-0000-4000-8000-000000000000")).error
        ?.message,
    ).toBe("workspace_not_found");
    expect(
      await runSql(
        stack,
        `select 1 from platform.support_grants where organization_id = ${literal(fresh.orgId)}`,
      ),
    ).toEqual([]);

    const first = await open("A long enough reason", 60);
    expect(first.error).toBeNull();
    expect((await open("A long enough reason", 60)).error?.message).toBe(
      "support_grant_already_open",
    );
    const [row] = await runSql<{ minutes: number }>(
      stack,
      `select round(extract(epoch from expires_at - opened_at) / 60)::int as minutes
       from platform.support_grants where id = ${literal(first.data!)}`,
    );
    expect(row).toEqual({ minutes: 60 });
  });
});

describe("a workspace that requires an owner's approval", () => {
  it("keeps a grant pending (no access) until an owner approves it, and an owner may revoke it", async () => {
    const team = await createTeam(stack, "supd");
    const otherOwner = teamB.owner;
    // Only an owner may require approval.
    expect(
      (await team.admin.client.rpc("set_support_approval", { org: team.orgId, required: true }))
        .error?.message,
    ).toBe("not_allowed");
    const setting = () =>
      runSql<{ required: boolean }>(
        stack,
        `select support_requires_approval as required from public.organizations where id = ${literal(team.orgId)}`,
      );
    expect(await setting()).toEqual([{ required: false }]);
    expect(
      (await team.owner.client.rpc("set_support_approval", { org: team.orgId, required: true }))
        .error,
    ).toBeNull();
    expect(await setting()).toEqual([{ required: true }]);

    const grantId = await openGrant(operator, team.orgId, "Ticket #77: export is slow");
    expect((await read(operator, team.orgId, "projects")).error?.message).toBe(
      "support_grant_required",
    );
    const [pending] = await runSql<{ expires_at: string | null }>(
      stack,
      `select expires_at from platform.support_grants where id = ${literal(grantId)}`,
    );
    expect(pending).toEqual({ expires_at: null });

    // Nobody but this workspace's owners may approve.
    for (const [user, org] of [
      [team.member, team.orgId],
      [team.admin, team.orgId],
      [otherOwner, team.orgId],
      [otherOwner, teamB.orgId],
    ] as const) {
      const attempt = await user.client.rpc("approve_support_grant", { org, grant_id: grantId });
      expect(attempt.error).not.toBeNull();
    }
    expect((await read(operator, team.orgId, "projects")).error?.message).toBe(
      "support_grant_required",
    );

    expect(
      (await team.owner.client.rpc("approve_support_grant", { org: team.orgId, grant_id: grantId }))
        .error,
    ).toBeNull();
    expect((await read(operator, team.orgId, "projects")).error).toBeNull();
    const [approved] = await runSql<{ minutes: number; approved_by: string }>(
      stack,
      `select round(extract(epoch from expires_at - approved_at) / 60)::int as minutes, approved_by
       from platform.support_grants where id = ${literal(grantId)}`,
    );
    expect(approved).toEqual({ minutes: 30, approved_by: team.owner.email });

    expect(
      (await team.member.client.rpc("revoke_support_grant", { org: team.orgId, grant_id: grantId }))
        .error?.message,
    ).toBe("not_allowed");
    expect(
      (await team.owner.client.rpc("revoke_support_grant", { org: team.orgId, grant_id: grantId }))
        .error,
    ).toBeNull();
    expect((await read(operator, team.orgId, "projects")).error?.message).toBe(
      "support_grant_required",
    );

    const feed = await feedOf(team.orgId, grantId);
    expect(feed.map((row) => [row.action, row.actor_id])).toEqual([
      ["support.requested", operator.id],
      ["support.approved", team.owner.id],
      ["support.viewed", operator.id],
      ["support.revoked", team.owner.id],
    ]);
    expect(feed[1]?.actor_label).toContain(team.owner.email);
    expect(feed[0]?.actor_label).toBe(`Support (${operator.email})`);
    expect((await platformLogOf(grantId)).map((row) => row.event)).toEqual(
      feed.map((row) => row.action),
    );
  });
});
