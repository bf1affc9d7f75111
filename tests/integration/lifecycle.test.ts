/**
 * The tenant lifecycle (supabase/migrations/20261123001000_lifecycle.sql): a
 * suspended or offboarding workspace is frozen for its users by the database; only
 * operators (platform admins, or the platform's command) suspend and resume; only
 * owners (and operators) schedule and cancel a deletion; the purge deletes exactly
 * the due workspaces and records what went; provisioning is idempotent.
 * Every check of a refusal is also checked by its effect (the rows as they are).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { runTenantCommand } from "../../scripts/tenant/index";
import {
  createTeam,
  makePlatformAdmin,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

async function tenant(...argv: string[]) {
  const lines: string[] = [];
  const sent: { to: string; subject: string; text: string }[] = [];
  const code = await runTenantCommand(argv, {
    supabase: serviceClient(stack),
    siteUrl: "http://localhost:3000",
    operator: "test-operator",
    print: (line) => lines.push(line),
    sendEmail: async (message) => {
      sent.push(message);
    },
  });
  return { code, output: lines.join("\n"), sent };
}

const slugOf = async (orgId: string) =>
  (
    await runSql<{ slug: string }>(
      stack,
      `select slug from public.organizations where id = ${literal(orgId)}`,
    )
  )[0]?.slug;

const state = async (orgId: string) =>
  (
    await runSql<{ suspended: boolean; scheduled: boolean; name: string; projects: number }>(
      stack,
      `select suspended_at is not null as suspended, deletion_due_at is not null as scheduled, name,
              (select count(*)::int from public.projects p where p.organization_id = o.id) as projects
       from public.organizations o where o.id = ${literal(orgId)}`,
    )
  )[0];

/**
 * One write of each kind a user can make on each tenant table, by the role that is
 * normally allowed to. Each returns the error code (or null) and how to observe it.
 */
async function writes(team: TestTeam, projectId: string) {
  const org = team.orgId;
  const results: Record<string, string | null> = {};
  const record = (key: string, error: { message: string } | null) => {
    results[key] = error?.message ?? null;
  };
  record(
    "member inserts a project",
    (await team.member.client.from("projects").insert({ organization_id: org, name: "New one" }))
      .error,
  );
  record(
    "admin renames a project",
    (await team.admin.client.from("projects").update({ name: "Renamed" }).eq("id", projectId))
      .error,
  );
  record(
    "owner deletes a project",
    (await team.owner.client.from("projects").delete().eq("id", projectId)).error,
  );
  record(
    "admin renames the workspace",
    (await team.admin.client.from("organizations").update({ name: "Renamed team" }).eq("id", org))
      .error,
  );
  record(
    "admin invites",
    (
      await team.admin.client.rpc("invite_member", {
        org,
        email: uniqueEmail("invitee"),
        role: "member",
      })
    ).error,
  );
  record(
    "owner changes a role",
    (
      await team.owner.client.rpc("update_member_role", {
        org,
        member_id: team.member.id,
        role: "admin",
      })
    ).error,
  );
  record("member leaves", (await team.member.client.rpc("leave_organization", { org })).error);
  return results;
}

async function observe(team: TestTeam, projectId: string) {
  const [row] = await runSql<Record<string, unknown>>(
    stack,
    `select o.name as workspace,
            (select string_agg(p.name, ',' order by p.name) from public.projects p where p.organization_id = o.id) as projects,
            (select p.id::text from public.projects p where p.id = ${literal(projectId)}) as project,
            (select count(*)::int from public.invitations i where i.organization_id = o.id) as invitations,
            (select string_agg(m.role::text, ',' order by m.role) from public.organization_members m where m.organization_id = o.id) as roles
     from public.organizations o where o.id = ${literal(team.orgId)}`,
  );
  return row;
}

async function teamWithProject(label: string) {
  const team = await createTeam(stack, label);
  const { data, error } = await team.owner.client
    .from("projects")
    .insert({ organization_id: team.orgId, name: "Kept" })
    .select("id")
    .single();
  if (error) throw error;
  return { team, projectId: data.id };
}

describe("suspend and resume", () => {
  it("a suspended workspace refuses every write of its owner, admin and member; resume restores them", async () => {
    const { team, projectId } = await teamWithProject("frozen");
    const operator = await signUpUser(stack, uniqueEmail("ops"));
    await makePlatformAdmin(stack, operator);

    const suspend = await operator.client.rpc("admin_suspend_workspace", {
      org: team.orgId,
      reason: "Unpaid invoice under dispute",
    });
    expect(suspend).toMatchObject({ error: null, data: true });
    const before = await observe(team, projectId);

    const refused = await writes(team, projectId);
    for (const [write, code] of Object.entries(refused))
      expect({ write, code }).toEqual({ write, code: "workspace_suspended" });
    expect(await observe(team, projectId)).toEqual(before);
    // Reading still works, and members see why (the banner reads these columns).
    const { data: seen } = await team.member.client
      .from("organizations")
      .select("suspended_at, suspension_reason")
      .eq("id", team.orgId)
      .single();
    expect(seen?.suspension_reason).toBe("Unpaid invoice under dispute");

    expect((await operator.client.rpc("admin_resume_workspace", { org: team.orgId })).data).toBe(
      true,
    );
    const allowed = await writes(team, projectId);
    for (const [write, code] of Object.entries(allowed))
      expect({ write, code }).toEqual({ write, code: null });
    const after = await observe(team, projectId);
    expect(after).toMatchObject({ workspace: "Renamed team", project: null, projects: "New one" });

    // Both in the platform log (who, why) and in the workspace's own activity feed.
    const platform = await runSql<{ event: string; actor_kind: string; actor_id: string }>(
      stack,
      `select event, actor_kind, actor_id::text from platform.audit_events
       where organization_id = ${literal(team.orgId)} and event like 'workspace.%' order by id`,
    );
    expect(platform).toEqual([
      { event: "workspace.suspended", actor_kind: "user", actor_id: operator.id },
      { event: "workspace.resumed", actor_kind: "user", actor_id: operator.id },
    ]);
    const { data: feed } = await team.owner.client
      .from("audit_logs")
      .select("action, actor_id")
      .eq("organization_id", team.orgId)
      .in("action", ["workspace.suspended", "workspace.resumed"])
      .order("id");
    expect(feed).toEqual([
      { action: "workspace.suspended", actor_id: operator.id },
      { action: "workspace.resumed", actor_id: operator.id },
    ]);
  });

  it("no user can suspend, resume or schedule through the operator RPCs or by writing the columns", async () => {
    const { team } = await teamWithProject("selfserve");
    const other = await createTeam(stack, "neighbour");
    const attempts = [
      team.owner.client.rpc("admin_suspend_workspace", { org: other.orgId, reason: "x" }),
      team.owner.client.rpc("admin_suspend_workspace", { org: team.orgId, reason: "x" }),
      team.owner.client.rpc("admin_schedule_workspace_deletion", { org: other.orgId }),
      team.owner.client.rpc("admin_change_workspace_plan", { org: team.orgId, plan: "enterprise" }),
      team.owner.client.rpc("admin_list_workspaces", {}),
    ];
    for (const attempt of await Promise.all(attempts))
      expect(attempt.error?.message).toBe("not_platform_admin");

    await serviceClient(stack).rpc("admin_suspend_workspace", { org: other.orgId, reason: "test" });
    expect(
      (await other.owner.client.rpc("admin_resume_workspace", { org: other.orgId })).error?.message,
    ).toBe("not_platform_admin");

    // The columns are not the users' to write: not granted, and guarded if a grant slips.
    const lift = await other.owner.client
      .from("organizations")
      .update({ suspended_at: null, suspension_reason: null })
      .eq("id", other.orgId);
    expect(lift.error).not.toBeNull();
    const freeze = await team.owner.client
      .from("organizations")
      .update({
        deletion_due_at: new Date(0).toISOString(),
        deletion_scheduled_at: new Date(0).toISOString(),
      })
      .eq("id", team.orgId);
    expect(freeze.error).not.toBeNull();

    expect(await state(other.orgId)).toMatchObject({ suspended: true });
    expect(await state(team.orgId)).toMatchObject({ suspended: false, scheduled: false });
    const [subscription] = await runSql<{ plan_id: string }>(
      stack,
      `select plan_id from public.workspace_subscriptions where organization_id = ${literal(team.orgId)}`,
    );
    expect(subscription?.plan_id).toBe("pro");
  });

  it("the lifecycle guard holds even with the column granted (the RLS-alone situation)", async () => {
    const { team } = await teamWithProject("granted");
    // As the owner inside the database, with update on every column as Lite's
    // first-request grant would leave it. One statement: the block's subtransaction
    // takes the grant back whatever happens, and the answer is what it caught.
    const claims = JSON.stringify({ sub: team.owner.id, role: "authenticated" });
    const [outcome] = await runSql<{ caught: string }>(
      stack,
      `create temporary table if not exists lifecycle_probe (caught text);
       do $$
       begin
         begin
           grant update on public.organizations to authenticated;
           perform set_config('request.jwt.claim.sub', ${literal(team.owner.id)}, true);
           perform set_config('request.jwt.claims', ${literal(claims)}, true);
           perform set_config('role', 'authenticated', true);
           update public.organizations set deletion_scheduled_at = now(), deletion_due_at = now()
           where id = ${literal(team.orgId)};
           raise exception 'written';
         exception when others then
           insert into pg_temp.lifecycle_probe values (sqlerrm);
         end;
       end $$;
       delete from pg_temp.lifecycle_probe returning caught;`,
    );
    expect(outcome?.caught).toBe("not_allowed");
    expect(await state(team.orgId)).toMatchObject({ scheduled: false });
  });
});

describe("offboarding", () => {
  it("an owner schedules and cancels a deletion; admins and members cannot; the workspace is read-only meanwhile", async () => {
    const { team, projectId } = await teamWithProject("leaving");
    for (const user of [team.admin, team.member]) {
      const { error } = await user.client.rpc("schedule_workspace_deletion", { org: team.orgId });
      expect(error?.message).toBe("not_allowed");
    }
    expect(await state(team.orgId)).toMatchObject({ scheduled: false });

    const { data: due, error } = await team.owner.client.rpc("schedule_workspace_deletion", {
      org: team.orgId,
      grace_days: 30,
    });
    expect(error).toBeNull();
    const days = (new Date(due!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    // Scheduling again never brings the date forward.
    const again = await team.owner.client.rpc("schedule_workspace_deletion", {
      org: team.orgId,
      grace_days: 1,
    });
    expect(again.data).toBe(due);

    const refused = await writes(team, projectId);
    for (const [write, code] of Object.entries(refused))
      expect({ write, code }).toEqual({ write, code: "workspace_deletion_scheduled" });

    for (const user of [team.admin, team.member]) {
      const { error: cancelError } = await user.client.rpc("cancel_workspace_deletion", {
        org: team.orgId,
      });
      expect(cancelError?.message).toBe("not_allowed");
    }
    expect(await state(team.orgId)).toMatchObject({ scheduled: true });
    expect(
      (await team.owner.client.rpc("cancel_workspace_deletion", { org: team.orgId })).data,
    ).toBe(true);
    expect(await state(team.orgId)).toMatchObject({ scheduled: false });
    expect(
      (await team.owner.client.from("projects").update({ name: "Writable" }).eq("id", projectId))
        .error,
    ).toBeNull();

    const { data: feed } = await team.admin.client
      .from("audit_logs")
      .select("action, actor_id")
      .eq("organization_id", team.orgId)
      .like("action", "workspace.deletion%")
      .order("id");
    expect(feed).toEqual([
      { action: "workspace.deletion_scheduled", actor_id: team.owner.id },
      { action: "workspace.deletion_cancelled", actor_id: team.owner.id },
    ]);
  });

  it("no user deletes a workspace directly any more, owners included", async () => {
    const { team } = await teamWithProject("nodelete");
    const { data } = await team.owner.client
      .from("organizations")
      .delete()
      .eq("id", team.orgId)
      .select("id");
    expect(data ?? []).toEqual([]);
    expect(await state(team.orgId)).toBeDefined();
  });

  it("purge deletes only the due workspaces and records each with its row counts", async () => {
    const { team: due } = await teamWithProject("due");
    const { team: later } = await teamWithProject("later");
    const { team: untouched } = await teamWithProject("untouched");
    const dueSlug = await slugOf(due.orgId);
    const laterSlug = await slugOf(later.orgId);

    expect((await tenant("offboard", "--slug", dueSlug!, "--grace-days", "3")).code).toBe(0);
    expect((await tenant("offboard", "--slug", laterSlug!)).output).toMatch(
      new RegExp(`^✓ ${laterSlug} is read-only and will be deleted on `),
    );
    // Time passes for one of them (the platform's SQL, as the clock would).
    await runSql(
      stack,
      `update public.organizations set deletion_due_at = now() - interval '1 minute'
       where id = ${literal(due.orgId)}`,
    );

    const purge = await tenant("purge");
    expect(purge.code).toBe(0);
    expect(purge.output).toContain(`✓ Deleted ${dueSlug} (`);
    expect(purge.output).not.toContain(laterSlug!);
    expect(await state(due.orgId)).toBeUndefined();
    expect(await state(later.orgId)).toMatchObject({ scheduled: true, projects: 1 });
    expect(await state(untouched.orgId)).toMatchObject({ scheduled: false, projects: 1 });
    const [left] = await runSql<{ n: number }>(
      stack,
      `select (select count(*)::int from public.projects where organization_id = ${literal(due.orgId)})
            + (select count(*)::int from public.organization_members where organization_id = ${literal(due.orgId)})
            + (select count(*)::int from public.audit_logs where organization_id = ${literal(due.orgId)}) as n`,
    );
    expect(left?.n).toBe(0);

    const [record] = await runSql<{
      details: { slug: string; by: string; rows: Record<string, number> };
    }>(
      stack,
      `select details from platform.audit_events
       where organization_id = ${literal(due.orgId)} and event = 'workspace.deleted'`,
    );
    expect(record?.details.slug).toBe(dueSlug);
    expect(record?.details.by).toBe("test-operator");
    expect(record?.details.rows).toMatchObject({
      projects: 1,
      organization_members: 3,
      workspace_subscriptions: 1,
      invitations: 0,
    });
    expect(record?.details.rows.audit_logs).toBeGreaterThan(0);

    expect((await tenant("purge")).output).not.toContain(dueSlug!);
  });

  it("an operator cancels from the command; bad arguments are usage errors", async () => {
    const { team } = await teamWithProject("rescued");
    const slug = (await slugOf(team.orgId))!;
    await tenant("offboard", "--slug", slug);
    expect((await tenant("offboard", "--slug", slug, "--cancel")).output).toBe(
      `✓ The deletion of ${slug} is cancelled.`,
    );
    expect((await tenant("offboard", "--slug", slug, "--cancel")).output).toContain(
      "nothing changed",
    );
    expect((await tenant("offboard", "--slug", slug, "--grace-days", "0")).code).toBe(2);
    expect((await tenant("offboard", "--slug", "no-such-workspace-x")).output).toBe(
      "✗ No workspace has the slug no-such-workspace-x.",
    );
    expect((await tenant("suspend", "--slug", slug)).code).toBe(2);
    expect(await state(team.orgId)).toMatchObject({ scheduled: false, suspended: false });
  });
});

describe("npm run tenant -- provision", () => {
  it("creates the workspace, its default data, its plan and an existing owner; the second run changes nothing", async () => {
    const owner = await signUpUser(stack, uniqueEmail("customer"));
    const slug = `acme-${randomUUID().slice(0, 8)}`;
    const argv = [
      "provision",
      "--slug",
      slug,
      "--name",
      "Acme",
      "--plan",
      "pro",
      "--owner",
      owner.email,
    ];

    const first = await tenant(...argv);
    expect(first).toMatchObject({ code: 0, sent: [] });
    expect(first.output).toBe(
      `✓ Provisioned ${slug} on pro: http://localhost:3000/w/${slug}\n  ${owner.email} is its owner.`,
    );
    const snapshot = () =>
      runSql(
        stack,
        `select o.name, s.plan_id, (select string_agg(p.name, ',') from public.projects p where p.organization_id = o.id) as projects,
                (select string_agg(m.user_id::text || ':' || m.role, ',') from public.organization_members m where m.organization_id = o.id) as members,
                (select count(*)::int from platform.audit_events e where e.organization_id = o.id) as events
         from public.organizations o join public.workspace_subscriptions s on s.organization_id = o.id
         where o.slug = ${literal(slug)}`,
      );
    const created = await snapshot();
    expect(created).toEqual([
      {
        name: "Acme",
        plan_id: "pro",
        projects: "Welcome to your workspace",
        members: `${owner.id}:owner`,
        events: 1,
      },
    ]);
    const { data: visible } = await owner.client
      .from("organizations")
      .select("slug")
      .eq("slug", slug);
    expect(visible).toEqual([{ slug }]);

    const second = await tenant(...argv);
    expect(second.output).toBe(
      `${slug} already exists as asked: nothing changed. http://localhost:3000/w/${slug}`,
    );
    expect(await snapshot()).toEqual(created);

    const hijack = await tenant(...argv.slice(0, -1), uniqueEmail("someone-else"));
    expect(hijack).toMatchObject({
      code: 1,
      output: `✗ The workspace ${slug} already exists with another owner.`,
    });
    const otherPlan = await tenant(...argv.slice(0, 6), "business", "--owner", owner.email);
    expect(otherPlan.output).toMatch(/already exists as "Acme" on plan pro: nothing was changed/);
    expect(await snapshot()).toEqual(created);
  });

  it("invites an owner who has no account, by email, once", async () => {
    const email = uniqueEmail("future-owner");
    const slug = `globex-${randomUUID().slice(0, 8)}`;
    const argv = [
      "provision",
      "--slug",
      slug,
      "--name",
      "Globex",
      "--plan",
      "free",
      "--owner",
      email,
    ];
    const first = await tenant(...argv);
    expect(first.output).toContain(`${email} has no account yet: an owner invitation was emailed.`);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0]!.to).toBe(email);
    const link = /http:\/\/localhost:3000\/invite\/([0-9a-f]{64})/.exec(first.sent[0]!.text)?.[1];
    expect(link).toBeDefined();

    const second = await tenant(...argv);
    expect(second.output).toContain("nothing changed");
    expect(second.sent).toEqual([]);

    // The invitation works: the person signs up and accepts it as owner.
    const owner: TestUser = await signUpUser(stack, email);
    const accepted = await owner.client.rpc("accept_invitation", { token: link! });
    expect(accepted.error).toBeNull();
    const [membership] = await runSql<{ role: string }>(
      stack,
      `select m.role::text from public.organization_members m join public.organizations o on o.id = m.organization_id
       where o.slug = ${literal(slug)} and m.user_id = ${literal(owner.id)}`,
    );
    expect(membership?.role).toBe("owner");
  });

  it("an operator resends the owner invitation: the old link stops working, the new one works", async () => {
    const email = uniqueEmail("late-owner");
    const slug = `initech-${randomUUID().slice(0, 8)}`;
    const first = await tenant(
      "provision",
      "--slug",
      slug,
      "--name",
      "Initech",
      "--plan",
      "free",
      "--owner",
      email,
    );
    const oldToken = /\/invite\/([0-9a-f]{64})/.exec(first.sent[0]!.text)?.[1];
    expect(oldToken).toBeDefined();
    const [org] = await runSql<{ id: string }>(
      stack,
      `select id from public.organizations where slug = ${literal(slug)}`,
    );

    // Not an operator: refused, and the old link still stands.
    const stranger = await signUpUser(stack, uniqueEmail("stranger"));
    const refused = await stranger.client.rpc("admin_resend_owner_invitation", { org: org!.id });
    expect(refused.error?.message).toBe("not_platform_admin");

    const ops = await signUpUser(stack, uniqueEmail("ops"));
    await makePlatformAdmin(stack, ops);
    const resent = await ops.client.rpc("admin_resend_owner_invitation", { org: org!.id });
    expect(resent.error).toBeNull();
    const newToken = (resent.data as { token?: string } | null)?.token;
    expect(newToken).toMatch(/^[0-9a-f]{64}$/);
    const [logged] = await runSql<{ event: string; actor_id: string }>(
      stack,
      `select event, actor_id from platform.audit_events
       where organization_id = ${literal(org!.id)} and event = 'workspace.owner_invitation_resent'`,
    );
    expect(logged?.actor_id).toBe(ops.id);

    const owner = await signUpUser(stack, email);
    expect(
      (await owner.client.rpc("accept_invitation", { token: oldToken! })).error,
    ).not.toBeNull();
    expect((await owner.client.rpc("accept_invitation", { token: newToken! })).error).toBeNull();

    // Accepted: nothing pending to resend any more, said plainly.
    const none = await ops.client.rpc("admin_resend_owner_invitation", { org: org!.id });
    expect(none.error?.message).toBe("no_pending_owner_invitation");
  });

  it("refuses bad arguments with one clear line and creates nothing", async () => {
    const slug = `bad-${randomUUID().slice(0, 8)}`;
    const cases: [string[], RegExp][] = [
      [["--slug", "A B", "--name", "X", "--plan", "pro", "--owner", "a@b.co"], /^✗ --slug: /],
      [["--slug", slug, "--name", "", "--plan", "pro", "--owner", "a@b.co"], /^✗ --name: /],
      [["--slug", slug, "--name", "X", "--plan", "pro", "--owner", "nope"], /^✗ --owner: /],
      [["--slug", slug, "--name", "X", "--plan", "pro"], /^✗ --owner: /],
      [
        ["--slug", slug, "--name", "X", "--plan", "pro", "--owner", "a@b.co", "--force"],
        /^✗ Unknown option '--force'/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await tenant("provision", ...args);
      expect(result.code).toBe(2);
      expect(result.output).toMatch(message);
    }
    const noPlan = await tenant(
      "provision",
      "--slug",
      slug,
      "--name",
      "X",
      "--plan",
      "platinum",
      "--owner",
      "a@b.co",
    );
    expect(noPlan).toMatchObject({ code: 1, output: "✗ No plan of that name." });
    const reserved = await tenant(
      "provision",
      "--slug",
      "admin",
      "--name",
      "X",
      "--plan",
      "pro",
      "--owner",
      "a@b.co",
    );
    expect(reserved.code).toBe(1);
    expect(
      await runSql(stack, `select 1 from public.organizations where slug = ${literal(slug)}`),
    ).toEqual([]);
  });

  it("is refused to users: only the platform provisions", async () => {
    const user = await signUpUser(stack, uniqueEmail("sneaky"));
    const slug = `sneaky-${randomUUID().slice(0, 8)}`;
    const { error } = await user.client.rpc("provision_workspace", {
      slug,
      name: "Sneaky",
      plan: "enterprise",
      owner_email: user.email,
    });
    expect(error).not.toBeNull();
    expect(
      await runSql(stack, `select 1 from public.organizations where slug = ${literal(slug)}`),
    ).toEqual([]);
  });
});

describe("the operator's list and plan change", () => {
  it("lists workspaces by name, slug or owner email with their figures, and changes a plan audited", async () => {
    const { team } = await teamWithProject("listed");
    const operator = await signUpUser(stack, uniqueEmail("ops"));
    await makePlatformAdmin(stack, operator);
    const { data, error } = await operator.client.rpc("admin_list_workspaces", {
      search: team.owner.email.toUpperCase(),
    });
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(data![0]).toMatchObject({
      id: team.orgId,
      plan_id: "pro",
      status: "active",
      member_count: 3,
      owner_emails: [team.owner.email],
      total_count: 1,
    });
    expect(data![0]!.row_counts).toMatchObject({ projects: 1, organization_members: 3 });
    // A search is a substring, not a pattern: % and _ match themselves.
    expect((await operator.client.rpc("admin_list_workspaces", { search: "%" })).data).toEqual([]);

    const change = await operator.client.rpc("admin_change_workspace_plan", {
      org: team.orgId,
      plan: "business",
    });
    expect(change).toMatchObject({ error: null, data: true });
    const { data: feed } = await team.owner.client
      .from("audit_logs")
      .select("action, actor_id, new_data")
      .eq("organization_id", team.orgId)
      .eq("action", "billing.plan_changed")
      .eq("actor_id", operator.id);
    expect(feed).toEqual([
      {
        action: "billing.plan_changed",
        actor_id: operator.id,
        new_data: expect.objectContaining({ plan_id: "business" }),
      },
    ]);
    const [event] = await runSql<{ details: { from: string; to: string } }>(
      stack,
      `select details from platform.audit_events where organization_id = ${literal(team.orgId)}
       and event = 'workspace.plan_changed'`,
    );
    expect(event?.details).toMatchObject({ from: "pro", to: "business" });
  });
});
