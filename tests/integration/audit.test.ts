/**
 * The audit log, through the real HTTP API as real users: every write path leaves
 * exactly one correct entry with the right actor; nobody (service role and superuser
 * included) can forge, edit or delete entries; other workspaces read nothing;
 * restoring a deleted project works only inside its own workspace.
 */
import { createClient } from "@supabase/supabase-js";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/lib/supabase/database.types";
import {
  createTeam,
  type TestTeam,
  anonClient,
  createWorkspace,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

interface Entry {
  id: number;
  actor_id: string | null;
  actor_kind: string;
  action: string;
  table_name: string;
  record_id: string | null;
  old_data: Record<string, unknown> | null;
  new_data: Record<string, unknown> | null;
}

/** Entries of a workspace written after `afterId`, oldest first (superuser view). */
async function entriesSince(orgId: string, afterId: number): Promise<Entry[]> {
  return runSql<Entry>(
    stack,
    `select id, actor_id, actor_kind, action, table_name, record_id, old_data, new_data
     from public.audit_logs where organization_id = ${literal(orgId)} and id > ${afterId} order by id`,
  );
}

async function lastId(): Promise<number> {
  const [row] = await runSql<{ id: number | null }>(
    stack,
    "select max(id)::int as id from public.audit_logs",
  );
  return row?.id ?? 0;
}

/** Runs `write` and returns the entries it produced in `orgId`. */
async function entriesOf(orgId: string, write: () => PromiseLike<unknown>): Promise<Entry[]> {
  const before = await lastId();
  await write();
  return entriesSince(orgId, before);
}

const ok = async <T extends { error: unknown }>(result: PromiseLike<T>) => {
  const settled = await result;
  expect(settled.error).toBeNull();
  return settled;
};

const makeTeam = (label: string) => createTeam(stack, label);

describe("every write path leaves exactly one correct entry", () => {
  let team: TestTeam;
  beforeAll(async () => {
    team = await makeTeam("paths");
  });

  it("create_organization: workspace.created and member.added by the creator", async () => {
    const founder = await signUpUser(stack, uniqueEmail("founder"));
    const before = await lastId();
    const org = await createWorkspace(founder, "Founded", `founded-${Date.now().toString(36)}`);
    const entries = await entriesSince(org.id, before);
    expect(entries.map((entry) => [entry.action, entry.table_name, entry.actor_id])).toEqual([
      ["workspace.created", "organizations", founder.id],
      ["billing.plan_started", "workspace_subscriptions", founder.id],
      ["member.added", "organization_members", founder.id],
    ]);
  });

  it("projects: insert, update and delete through the API, with the row's data", async () => {
    let projectId = "";
    const inserted = await entriesOf(team.orgId, async () => {
      const { data } = await ok(
        team.member.client
          .from("projects")
          .insert({ organization_id: team.orgId, name: "Audited" })
          .select("id")
          .single(),
      );
      projectId = (data as { id: string }).id;
    });
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({
      action: "insert",
      table_name: "projects",
      record_id: projectId,
      actor_id: team.member.id,
      actor_kind: "user",
      old_data: null,
    });
    expect(inserted[0]?.new_data).toMatchObject({ name: "Audited", organization_id: team.orgId });

    const updated = await entriesOf(team.orgId, () =>
      ok(team.admin.client.from("projects").update({ name: "Audited 2" }).eq("id", projectId)),
    );
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({
      action: "update",
      actor_id: team.admin.id,
      record_id: projectId,
    });
    expect(updated[0]?.old_data).toMatchObject({ name: "Audited", id: projectId });
    expect(updated[0]?.new_data).toMatchObject({ name: "Audited 2" });
    expect(updated[0]?.new_data).not.toHaveProperty("organization_id");

    const deleted = await entriesOf(team.orgId, () =>
      ok(team.owner.client.from("projects").delete().eq("id", projectId)),
    );
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ action: "delete", actor_id: team.owner.id, new_data: null });
    expect(deleted[0]?.old_data).toMatchObject({ name: "Audited 2", id: projectId });
  });

  it("a refused write leaves no entry", async () => {
    const { data: project } = await ok(
      team.owner.client
        .from("projects")
        .insert({ organization_id: team.orgId, name: "Kept" })
        .select("id")
        .single(),
    );
    const entries = await entriesOf(team.orgId, () =>
      team.member.client
        .from("projects")
        .delete()
        .eq("id", (project as { id: string }).id),
    );
    expect(entries).toEqual([]);
  });

  it("team RPCs name their actions", async () => {
    const invitee = await signUpUser(stack, uniqueEmail("invitee"));
    let token = "";
    const invited = await entriesOf(team.orgId, async () => {
      const { data } = await ok(
        team.admin.client.rpc("invite_member", {
          org: team.orgId,
          email: invitee.email,
          role: "member",
        }),
      );
      token = (data as { token: string }).token;
    });
    expect(invited.map((entry) => entry.action)).toEqual(["member.invited"]);
    expect(JSON.stringify(invited)).not.toContain("token_hash");

    const accepted = await entriesOf(team.orgId, () =>
      ok(invitee.client.rpc("accept_invitation", { token })),
    );
    expect(accepted.map((entry) => [entry.action, entry.actor_id])).toEqual([
      ["member.added", invitee.id],
      ["invitation.accepted", invitee.id],
    ]);

    const changed = await entriesOf(team.orgId, () =>
      ok(
        team.owner.client.rpc("update_member_role", {
          org: team.orgId,
          member_id: invitee.id,
          role: "admin",
        }),
      ),
    );
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ action: "member.role_changed", actor_id: team.owner.id });
    expect(changed[0]?.old_data).toMatchObject({ role: "member", user_id: invitee.id });
    expect(changed[0]?.new_data).toMatchObject({ role: "admin" });

    const removed = await entriesOf(team.orgId, () =>
      ok(team.owner.client.rpc("remove_member", { org: team.orgId, member_id: invitee.id })),
    );
    expect(removed.map((entry) => entry.action)).toEqual(["member.removed"]);

    const second = uniqueEmail("revoked");
    const { data } = await ok(
      team.owner.client.rpc("invite_member", { org: team.orgId, email: second, role: "member" }),
    );
    const revoked = await entriesOf(team.orgId, () =>
      ok(
        team.owner.client.rpc("revoke_invitation", {
          org: team.orgId,
          invitation_id: (data as { invitation_id: string }).invitation_id,
        }),
      ),
    );
    expect(revoked.map((entry) => entry.action)).toEqual(["invitation.revoked"]);
    // Revoking again succeeds and changes nothing, so it writes no entry.
    const again = await entriesOf(team.orgId, () =>
      ok(
        team.owner.client.rpc("revoke_invitation", {
          org: team.orgId,
          invitation_id: (data as { invitation_id: string }).invitation_id,
        }),
      ),
    );
    expect(again).toEqual([]);
  });

  it("leaving, transferring ownership and workspace settings", async () => {
    const local = await makeTeam("transfer");
    const left = await entriesOf(local.orgId, () =>
      ok(local.member.client.rpc("leave_organization", { org: local.orgId })),
    );
    expect(left.map((entry) => [entry.action, entry.actor_id])).toEqual([
      ["member.left", local.member.id],
    ]);

    const transferred = await entriesOf(local.orgId, () =>
      ok(
        local.owner.client.rpc("transfer_ownership", {
          org: local.orgId,
          new_owner_id: local.admin.id,
        }),
      ),
    );
    expect(transferred.map((entry) => entry.action)).toEqual([
      "ownership.transferred",
      "ownership.transferred",
    ]);

    const renamed = await entriesOf(local.orgId, () =>
      ok(
        local.admin.client
          .from("organizations")
          .update({ name: "Renamed Co" })
          .eq("id", local.orgId),
      ),
    );
    expect(renamed.map((entry) => entry.action)).toEqual(["workspace.renamed"]);
    const moved = await entriesOf(local.orgId, () =>
      ok(
        local.admin.client
          .from("organizations")
          .update({ slug: `moved-${Date.now().toString(36)}` })
          .eq("id", local.orgId),
      ),
    );
    expect(moved.map((entry) => entry.action)).toEqual(["workspace.url_changed"]);
  });

  it("service-role writes are recorded as the platform", async () => {
    const entries = await entriesOf(team.orgId, () =>
      ok(
        serviceClient(stack)
          .from("projects")
          .insert({ organization_id: team.orgId, name: "By platform" }),
      ),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_kind: "service", actor_id: null, action: "insert" });
  });

  it("deleting a user's account is recorded in each workspace it touches, as the system", async () => {
    const local = await makeTeam("gone-user");
    const { data: project } = await ok(
      local.member.client
        .from("projects")
        .insert({ organization_id: local.orgId, name: "Left behind" })
        .select("id")
        .single(),
    );
    const entries = await entriesOf(local.orgId, () =>
      runSql(stack, `delete from auth.users where id = ${literal(local.member.id)}`),
    );
    // The membership goes (cascade) and the project keeps going without its author
    // (created_by set null): one entry each, nobody signed in, so the system acted.
    expect(
      entries.map((entry) => [entry.action, entry.table_name, entry.actor_kind, entry.actor_id]),
    ).toEqual(
      expect.arrayContaining([
        ["member.removed", "organization_members", "system", null],
        ["update", "projects", "system", null],
      ]),
    );
    expect(entries).toHaveLength(2);
    const removed = entries.find((entry) => entry.action === "member.removed");
    expect(removed?.old_data).toMatchObject({ user_id: local.member.id, role: "member" });
    const orphaned = entries.find((entry) => entry.action === "update");
    expect(orphaned?.record_id).toBe((project as { id: string }).id);
    expect(orphaned?.new_data).toMatchObject({ created_by: null });
  });

  it("deleting a workspace removes its trail and records the deletion in the platform log", async () => {
    const doomed = await makeTeam("doomed");
    await ok(
      doomed.owner.client.from("projects").insert({ organization_id: doomed.orgId, name: "Gone" }),
    );
    // An owner schedules the deletion; the purge (the platform) deletes the row
    // (tests/integration/lifecycle.test.ts runs the purge job itself).
    await ok(doomed.owner.client.rpc("schedule_workspace_deletion", { org: doomed.orgId }));
    await ok(serviceClient(stack).from("organizations").delete().eq("id", doomed.orgId));
    expect(await entriesSince(doomed.orgId, 0)).toEqual([]);
    const events = await runSql<{
      event: string;
      actor_id: string;
      details: Record<string, unknown>;
    }>(
      stack,
      `select event, actor_id, details from platform.audit_events
       where organization_id = ${literal(doomed.orgId)} and event = 'workspace.deleted'`,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "workspace.deleted", actor_id: null });
    expect(events[0]?.details).toMatchObject({
      deletion_requested_by: doomed.owner.id,
      rows: { organization_members: 3, projects: 1 },
    });
  });
});

describe("append-only for everyone", () => {
  let team: TestTeam;
  let outsider: TestUser;
  let entryId: number;

  beforeAll(async () => {
    team = await makeTeam("append");
    outsider = await signUpUser(stack, uniqueEmail("append-out"));
    await createWorkspace(outsider, "Outsider Co", `append-out-${Date.now().toString(36)}`);
    await team.owner.client
      .from("projects")
      .insert({ organization_id: team.orgId, name: "Evidence" });
    entryId = (await entriesSince(team.orgId, 0)).at(-1)!.id;
  });

  const snapshot = async () =>
    JSON.stringify(
      await runSql(
        stack,
        `select * from public.audit_logs where organization_id = ${literal(team.orgId)} order by id`,
      ),
    );

  it("no actor can forge, edit or delete entries through the API, the service role included", async () => {
    const before = await snapshot();
    const actors = {
      anon: anonClient(stack),
      outsider: outsider.client,
      member: team.member.client,
      admin: team.admin.client,
      owner: team.owner.client,
      service: serviceClient(stack),
    };
    for (const [name, client] of Object.entries(actors)) {
      const forged = await client.from("audit_logs").insert({
        organization_id: team.orgId,
        actor_kind: "user",
        action: "delete",
        table_name: "projects",
      });
      expect(forged.error, `${name} insert`).not.toBeNull();
      await client.from("audit_logs").update({ action: "tampered" }).eq("id", entryId);
      await client.from("audit_logs").delete().eq("id", entryId);
    }
    expect(await snapshot()).toBe(before);
  });

  it("the database refuses changes even from a superuser", async () => {
    await expect(
      runSql(stack, `update public.audit_logs set action = 'x' where id = ${entryId}`),
    ).rejects.toThrow(/audit_log_append_only/);
    await expect(
      runSql(stack, `delete from public.audit_logs where id = ${entryId}`),
    ).rejects.toThrow(/audit_log_append_only/);
    await expect(runSql(stack, "truncate public.audit_logs")).rejects.toThrow(
      /audit_log_append_only/,
    );
    await expect(
      runSql(
        stack,
        `insert into public.audit_logs (organization_id, actor_kind, action, table_name) values (${literal(team.orgId)}, 'system', 'x', 'projects')`,
      ),
    ).rejects.toThrow(/audit_log_append_only/);
    await expect(runSql(stack, "delete from platform.audit_events")).rejects.toThrow(
      /audit_log_append_only/,
    );
    await expect(runSql(stack, "update platform.audit_events set event = 'x'")).rejects.toThrow(
      /audit_log_append_only/,
    );
  });
});

describe("who reads the log", () => {
  it("owners and admins read; members only once an owner allows it; other workspaces and anon never", async () => {
    const team = await makeTeam("read");
    const other = await makeTeam("read-other");
    const count = async (client: TestUser["client"]) =>
      (await client.from("audit_logs").select("id").eq("organization_id", team.orgId)).data
        ?.length ?? 0;
    expect(await count(team.owner.client)).toBeGreaterThan(0);
    expect(await count(team.admin.client)).toBeGreaterThan(0);
    expect(await count(team.member.client)).toBe(0);
    expect(await count(other.owner.client)).toBe(0);
    expect(await count(anonClient(stack))).toBe(0);
    const total = await other.owner.client
      .from("audit_logs")
      .select("id", { count: "exact", head: true })
      .eq("organization_id", team.orgId);
    expect(total.count ?? 0).toBe(0);

    // An admin may not open the log to members; the owner may.
    const byAdmin = await team.admin.client
      .from("organizations")
      .update({ members_can_view_activity: true })
      .eq("id", team.orgId);
    expect(byAdmin.error?.message).toBe("not_allowed");
    expect(await count(team.member.client)).toBe(0);
    await ok(
      team.owner.client
        .from("organizations")
        .update({ members_can_view_activity: true })
        .eq("id", team.orgId),
    );
    expect(await count(team.member.client)).toBeGreaterThan(0);
    expect(await count(other.owner.client)).toBe(0);
  });

  it("the people of the log, former members included, for the log's readers only", async () => {
    const team = await makeTeam("actors");
    const other = await makeTeam("actors-other");
    await ok(
      team.member.client.from("projects").insert({ organization_id: team.orgId, name: "Theirs" }),
    );
    await ok(team.member.client.rpc("leave_organization", { org: team.orgId }));
    const actors = async (client: TestUser["client"]) => {
      const { data, error } = await client.rpc("get_activity_actors", { org: team.orgId });
      return error ? error.message : (data as { actor_id: string; actor_label: string }[]);
    };

    const seen = await actors(team.admin.client);
    expect(seen).toEqual(
      expect.arrayContaining([
        { actor_id: team.owner.id, actor_label: expect.any(String) },
        { actor_id: team.member.id, actor_label: expect.stringContaining("actors-member") },
      ]),
    );
    expect(new Set((seen as { actor_id: string }[]).map((row) => row.actor_id)).size).toBe(
      (seen as unknown[]).length,
    );
    // Not readers of this log: nothing, not an error that would confirm the workspace.
    expect(await actors(other.owner.client)).toEqual([]);
    expect(await actors(team.member.client)).toEqual([]);
    expect(await actors(anonClient(stack))).toMatch(/permission denied/);
  });
});

describe("restoring a deleted project", () => {
  it("an owner or admin restores it as it was, once, audited; nobody restores across workspaces", async () => {
    const team = await makeTeam("restore");
    const other = await makeTeam("restore-other");
    const { data: created } = await ok(
      team.member.client
        .from("projects")
        .insert({ organization_id: team.orgId, name: "Precious" })
        .select("id, created_at, created_by")
        .single(),
    );
    const project = created as { id: string; created_at: string; created_by: string };
    await ok(
      team.owner.client.from("projects").update({ status: "archived" }).eq("id", project.id),
    );
    const deletion = await entriesOf(team.orgId, () =>
      ok(team.owner.client.from("projects").delete().eq("id", project.id)),
    );
    const entryId = deletion[0]!.id;

    for (const who of [team.member, other.owner, other.admin]) {
      const { error } = await who.client.rpc("restore_project", {
        org: team.orgId,
        audit_log_id: entryId,
      });
      expect(error?.message).toBe("audit_entry_not_found");
    }
    const insertEntry = (await entriesSince(team.orgId, 0)).find(
      (entry) => entry.action === "insert" && entry.record_id === project.id,
    )!;
    const wrongKind = await team.owner.client.rpc("restore_project", {
      org: team.orgId,
      audit_log_id: insertEntry.id,
    });
    expect(wrongKind.error?.message).toBe("audit_entry_not_found");

    const restored = await entriesOf(team.orgId, () =>
      ok(team.admin.client.rpc("restore_project", { org: team.orgId, audit_log_id: entryId })),
    );
    expect(restored.map((entry) => [entry.action, entry.actor_id])).toEqual([
      ["project.restored", team.admin.id],
    ]);
    const [row] = await runSql<{
      organization_id: string;
      name: string;
      status: string;
      created_by: string;
      created_at: string;
    }>(
      stack,
      `select organization_id, name, status, created_by, created_at from public.projects where id = ${literal(project.id)}`,
    );
    expect(row).toMatchObject({
      organization_id: team.orgId,
      name: "Precious",
      status: "archived",
      created_by: team.member.id,
    });
    expect(new Date(row!.created_at).getTime()).toBe(new Date(project.created_at).getTime());

    const twice = await team.owner.client.rpc("restore_project", {
      org: team.orgId,
      audit_log_id: entryId,
    });
    expect(twice.error?.message).toBe("already_restored");
    const [{ n }] = (await runSql<{ n: number }>(
      stack,
      `select count(*)::int as n from public.projects where organization_id = ${literal(other.orgId)} and name = 'Precious'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});

describe("request metadata is capped, never refused", () => {
  /** A client signed in as `user` that sends the given headers on every request. */
  const withHeaders = (user: TestUser, headers: Record<string, string>) =>
    createClient<Database>(stack.url, stack.publishableKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      global: { headers: { ...headers, Authorization: `Bearer ${user.accessToken}` } },
    });

  const metadataOf = async (orgId: string) =>
    runSql<{ ip: string | null; user_agent: string | null }>(
      stack,
      `select ip, user_agent from public.audit_logs
       where organization_id = ${literal(orgId)} and action = 'workspace.created'`,
    );

  it("a 6 KB user agent is stored cut to 512 characters; an address that is not one is dropped", async () => {
    const founder = await signUpUser(stack, uniqueEmail("long-agent"));
    const client = withHeaders(founder, {
      "user-agent": "A".repeat(6 * 1024),
      "x-forwarded-for": `${"9".repeat(6 * 1024)}, 203.0.113.7`,
    });
    const { data, error } = await client.rpc("create_organization", {
      name: "Long agent",
      slug: `long-agent-${Date.now().toString(36)}`,
    });
    expect(error).toBeNull();
    const [entry] = await metadataOf(data!.id);
    expect(entry?.user_agent?.length).toBe(512);
    expect(entry?.user_agent).toMatch(/^A+$/);
    expect(entry?.ip).toBeNull();
  });

  it("a real address is kept, the first of X-Forwarded-For", async () => {
    const founder = await signUpUser(stack, uniqueEmail("real-ip"));
    const client = withHeaders(founder, {
      "user-agent": "tenantkit-test/1.0",
      "x-forwarded-for": " 2001:db8::7 , 10.0.0.1",
    });
    const { data, error } = await client.rpc("create_organization", {
      name: "Real address",
      slug: `real-ip-${Date.now().toString(36)}`,
    });
    expect(error).toBeNull();
    expect(await metadataOf(data!.id)).toEqual([
      { ip: "2001:db8::7", user_agent: "tenantkit-test/1.0" },
    ]);
  });
});

describe("members who read the log see what their role may see", () => {
  it("no IP, user agent or invitation email through the API for members; owners and admins still see them", async () => {
    const team = await makeTeam("member-view");
    await ok(
      team.owner.client
        .from("organizations")
        .update({ members_can_view_activity: true })
        .eq("id", team.orgId),
    );
    // An invitation and its acceptance, both over RPCs that carry request metadata.
    const invitee = await signUpUser(stack, uniqueEmail("member-view-invitee"));
    const fromDesk = (user: TestUser) =>
      createClient<Database>(stack.url, stack.publishableKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        global: {
          headers: {
            Authorization: `Bearer ${user.accessToken}`,
            "user-agent": "SecretBrowser/9.9",
            "x-forwarded-for": "198.51.100.23",
          },
        },
      });
    const { data: invited } = await ok(
      fromDesk(team.admin).rpc("invite_member", {
        org: team.orgId,
        email: invitee.email,
        role: "member",
      }),
    );
    const hidden = uniqueEmail("member-view-pending");
    await ok(
      fromDesk(team.admin).rpc("invite_member", { org: team.orgId, email: hidden, role: "admin" }),
    );
    await ok(
      fromDesk(invitee).rpc("accept_invitation", { token: (invited as { token: string }).token }),
    );
    const [stored] = await runSql<{ n: number }>(
      stack,
      `select count(*)::int as n from public.audit_logs
       where organization_id = ${literal(team.orgId)} and ip = '198.51.100.23'
         and user_agent = 'SecretBrowser/9.9' and table_name = 'organization_members'`,
    );
    expect(stored?.n).toBe(1);

    const log = (client: TestUser["client"], columns: string) =>
      client.from("audit_logs").select(columns).eq("organization_id", team.orgId);

    // The member reads the log, without invitations...
    const seen = await ok(log(team.member.client, "id, table_name, old_data, new_data"));
    const rows = seen.data as unknown as { table_name: string }[];
    expect(rows.some((row) => row.table_name === "organization_members")).toBe(true);
    expect(rows.filter((row) => row.table_name === "invitations")).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain(hidden);
    // ...and the request metadata is no column of theirs: selecting, filtering or
    // ordering by it is refused, `select=*` included.
    for (const columns of ["ip", "user_agent", "*", "id, ip"]) {
      const attempt = await log(team.member.client, columns);
      expect(attempt.error, columns).not.toBeNull();
      expect(JSON.stringify(attempt.data ?? null)).not.toContain("198.51.100.23");
    }
    for (const probe of [
      team.member.client
        .from("audit_logs")
        .select("id")
        .eq("organization_id", team.orgId)
        .eq("ip", "198.51.100.23"),
      team.member.client
        .from("audit_logs")
        .select("id")
        .eq("organization_id", team.orgId)
        .like("user_agent", "Secret%"),
      team.member.client
        .from("audit_logs")
        .select("id")
        .eq("organization_id", team.orgId)
        .order("ip"),
    ])
      expect((await probe).error).not.toBeNull();
    const entryIds = rows.map((row) => (row as unknown as { id: number }).id);
    for (const id of entryIds) {
      const { data } = await team.member.client.rpc("get_activity_request", { audit_log_id: id });
      expect(data ?? []).toEqual([]);
    }

    // Owners and admins: the invitation entries with their emails, and the metadata.
    for (const reader of [team.owner, team.admin]) {
      const full = await ok(log(reader.client, "id, table_name, new_data"));
      expect(JSON.stringify(full.data)).toContain(hidden);
      const metadata = await Promise.all(
        entryIds.map(async (id) => {
          const { data } = await ok(
            reader.client.rpc("get_activity_request", { audit_log_id: id }),
          );
          return data as { ip: string | null; user_agent: string | null }[];
        }),
      );
      expect(metadata.flat()).toContainEqual({
        ip: "198.51.100.23",
        user_agent: "SecretBrowser/9.9",
      });
    }
    // Another workspace's owner gets nothing for these entries.
    const other = await makeTeam("member-view-other");
    for (const id of entryIds) {
      const { data } = await other.owner.client.rpc("get_activity_request", { audit_log_id: id });
      expect(data ?? []).toEqual([]);
    }
  });
});
