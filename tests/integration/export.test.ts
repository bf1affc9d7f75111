/**
 * Export and import of a workspace (lib/export, npm run tenant -- export|import).
 *
 * The story of two tenants: A exports; B holds rows made to look like A's (the same
 * project names, names that carry A's id, addresses like A's). Whoever reads, A's
 * archive holds A's rows and not one byte of B's. Only A's owner records an export
 * (the database's check); the operator's command exports the same archive, on the
 * record with who ran it. An archive imports into a fresh workspace, and exporting
 * that again gives the same data but for ids (and what the import itself adds).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SupabaseClient } from "@supabase/supabase-js";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  ExportReadError,
  countWorkspaceRows,
  exportArchiveChunks,
  recordExport,
} from "@/lib/export/archive";
import { EXPORT_TABLES, OMITTED_COLUMNS, type Manifest } from "@/lib/export/format";
import { readExportArchive } from "@/lib/export/read";
import type { Database } from "@/lib/supabase/database.types";
import { runTenantCommand } from "../../scripts/tenant/index";
import {
  anonClient,
  createTeam,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestTeam,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");
const scratch = mkdtempSync(path.join(tmpdir(), "tenantkit-export-"));

async function tenant(...argv: string[]) {
  const lines: string[] = [];
  const code = await runTenantCommand(argv, {
    supabase: serviceClient(stack),
    siteUrl: "http://localhost:3000",
    operator: "test-operator",
    print: (line) => lines.push(line),
  });
  return { code, output: lines.join("\n") };
}

/** What the export route does, with a given client: count, record, stream. */
async function exportAs(client: SupabaseClient<Database>, workspace: Workspace) {
  const counts = await countWorkspaceRows(client, workspace.id);
  const recorded = await recordExport(client, workspace.id, counts);
  if (recorded.error) throw new Error(`record_workspace_export: ${recorded.error.message}`);
  let manifest: Manifest | undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of exportArchiveChunks({
    client,
    workspace,
    exportedBy: "owner",
    onManifest: (written) => (manifest = written),
  }))
    chunks.push(chunk);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { bytes, manifest: manifest!, files: unzipSync(bytes) };
}

interface Workspace {
  id: string;
  slug: string;
  name: string;
}

const workspaceOf = async (id: string): Promise<Workspace> => {
  const [row] = await runSql<Workspace>(
    stack,
    `select id, slug, name from public.organizations where id = ${literal(id)}`,
  );
  return row!;
};

const ids = async (table: string, orgId: string) =>
  (
    await runSql<{ id: string }>(
      stack,
      `select id::text as id from public.${table} where organization_id = ${literal(orgId)} order by id`,
    )
  ).map((row) => row.id);

const jsonRows = (files: Record<string, Uint8Array>, table: string) =>
  Object.keys(files)
    .filter((name) => name.startsWith(`${table}/`) && name.endsWith(".json"))
    .sort()
    .flatMap((name) => JSON.parse(strFromU8(files[name]!)) as Record<string, unknown>[]);

let a: TestTeam;
let b: TestTeam;
let workspaceA: Workspace;
let workspaceB: Workspace;
/** Strings only B's data holds: none may appear in any file of A's archive. */
let onlyB: string[];

beforeAll(async () => {
  a = await createTeam(stack, "expa");
  b = await createTeam(stack, "expb");
  workspaceA = await workspaceOf(a.orgId);
  workspaceB = await workspaceOf(b.orgId);
  for (const name of ["Roadmap", 'Hiring, "2027"', "Budget\nQ4"]) {
    await a.owner.client.from("projects").insert({ organization_id: a.orgId, name });
    await b.owner.client.from("projects").insert({ organization_id: b.orgId, name });
  }
  // B's look-alikes: a project named after A's id, an invitation to an address made
  // from A's owner's, B's own secret marker.
  await b.owner.client
    .from("projects")
    .insert({ organization_id: b.orgId, name: `${a.orgId.slice(0, 8)} B-only-marker` });
  const lookAlike = `${a.owner.email.split("@")[0]}@lookalike.example`;
  expect(
    (await b.owner.client.rpc("invite_member", { org: b.orgId, email: lookAlike, role: "member" }))
      .error,
  ).toBeNull();
  expect(
    (
      await a.owner.client.rpc("invite_member", {
        org: a.orgId,
        email: uniqueEmail("a-invitee"),
        role: "admin",
      })
    ).error,
  ).toBeNull();
  // An update and a delete in A's history, for the round trip.
  const { data: doomed } = await a.owner.client
    .from("projects")
    .insert({ organization_id: a.orgId, name: "Doomed" })
    .select("id")
    .single();
  await a.owner.client
    .from("projects")
    .update({ name: "Roadmap 2027" })
    .eq("name", "Roadmap")
    .eq("organization_id", a.orgId);
  await a.owner.client.from("projects").delete().eq("id", doomed!.id);

  onlyB = [
    b.orgId,
    workspaceB.slug,
    b.owner.id,
    b.admin.id,
    b.member.id,
    b.owner.email,
    b.admin.email,
    b.member.email,
    lookAlike,
    "B-only-marker",
    ...(await ids("projects", b.orgId)),
    ...(await ids("invitations", b.orgId)),
    ...(await ids("organization_members", b.orgId)),
  ];
});

describe("an owner's export", () => {
  it("holds every table as JSON and CSV with a manifest counting what it holds", async () => {
    const { manifest, files } = await exportAs(a.owner.client, workspaceA);
    expect(manifest.workspace).toEqual(workspaceA);
    expect(manifest.format_version).toBe(1);
    expect(Object.keys(manifest.tables)).toEqual(EXPORT_TABLES.map((spec) => spec.table));
    for (const spec of EXPORT_TABLES) {
      const rows = jsonRows(files, spec.table);
      expect(rows.length, spec.table).toBe(manifest.tables[spec.table]!.rows);
      for (const file of manifest.tables[spec.table]!.files)
        expect(files[file], file).toBeDefined();
      const csv = files[`${spec.table}/0001.csv`];
      expect(csv, `${spec.table} has a CSV`).toBeDefined();
      expect(strFromU8(csv!).split("\r\n")[0]).toBe(spec.columns.join(","));
    }
    // What superuser SQL counts is what the archive holds (the owner sees all of it).
    const sqlCount = async (table: string) =>
      Number(
        (
          await runSql<{ n: string }>(
            stack,
            `select count(*) as n from public.${table} where organization_id = ${literal(a.orgId)}`,
          )
        )[0]!.n,
      );
    expect(manifest.tables.projects!.rows).toBe(await sqlCount("projects"));
    expect(manifest.tables.organization_members!.rows).toBe(3);
    expect(manifest.tables.profiles!.rows).toBe(3);
    expect(manifest.tables.invitations!.rows).toBe(await sqlCount("invitations"));
    // The audit log: all of it, this export's own entry included.
    const audit = jsonRows(files, "audit_logs");
    expect(audit.length).toBe(await sqlCount("audit_logs"));
    expect(audit.map((entry) => entry.action)).toContain("workspace.exported");
    const projects = jsonRows(files, "projects").map((project) => project.name);
    expect(projects.sort()).toEqual(["Budget\nQ4", 'Hiring, "2027"', "Roadmap 2027"]);
    // Members' names and emails as co-members see them.
    const emails = jsonRows(files, "profiles").map((profile) => profile.email);
    expect(emails.sort()).toEqual([a.owner.email, a.admin.email, a.member.email].sort());
  });

  it("exports every column but the secrets it names, and never an invitation's token hash", async () => {
    const { files } = await exportAs(a.owner.client, workspaceA);
    for (const spec of EXPORT_TABLES) {
      const columns = (
        await runSql<{ column_name: string }>(
          stack,
          `select column_name from information_schema.columns
           where table_schema = 'public' and table_name = ${literal(spec.table)}`,
        )
      ).map((row) => row.column_name);
      const omitted = OMITTED_COLUMNS[spec.table] ?? [];
      expect([...spec.columns, ...omitted].sort(), spec.table).toEqual(columns.sort());
    }
    const hashes = await runSql<{ token_hash: string }>(
      stack,
      `select token_hash from public.invitations where organization_id = ${literal(a.orgId)}`,
    );
    const everything = Object.values(files)
      .map((file) => strFromU8(file))
      .join("\n");
    for (const { token_hash } of hashes) expect(everything).not.toContain(token_hash);
    expect(everything).not.toContain('token_hash"');
  });

  it("is in the workspace's activity feed and the platform log, by the owner", async () => {
    const before = await runSql<{ n: string }>(
      stack,
      `select count(*) as n from platform.audit_events where event = 'workspace.exported' and organization_id = ${literal(a.orgId)}`,
    );
    await exportAs(a.owner.client, workspaceA);
    const [platform] = await runSql<{ actor_id: string; actor_kind: string; n: string }>(
      stack,
      `select actor_id, actor_kind, (select count(*) from platform.audit_events
         where event = 'workspace.exported' and organization_id = ${literal(a.orgId)}) as n
       from platform.audit_events where event = 'workspace.exported' and organization_id = ${literal(a.orgId)}
       order by id desc limit 1`,
    );
    expect(Number(platform!.n)).toBe(Number(before[0]!.n) + 1);
    expect(platform).toMatchObject({ actor_id: a.owner.id, actor_kind: "user" });
    const { data: feed } = await a.owner.client
      .from("audit_logs")
      .select("action, actor_id, actor_kind")
      .eq("organization_id", a.orgId)
      .eq("action", "workspace.exported")
      .order("id", { ascending: false })
      .limit(1);
    expect(feed).toEqual([
      { action: "workspace.exported", actor_id: a.owner.id, actor_kind: "user" },
    ]);
  });

  it("records only a few counts: the owner cannot store anything else in the log", async () => {
    for (const counts of [{ projects: "x".repeat(10) }, { projects: 1, padding: "x".repeat(5000) }])
      expect(
        (
          await a.owner.client.rpc("record_workspace_export", {
            org: a.orgId,
            format_version: 1,
            counts,
          })
        ).error?.message,
      ).toBe("invalid_argument");
  });

  it("is refused to A's admin and member, to an outsider and to anon, recording nothing", async () => {
    const count = async () =>
      Number(
        (
          await runSql<{ n: string }>(
            stack,
            `select count(*) as n from platform.workspace_exports where organization_id = ${literal(a.orgId)}`,
          )
        )[0]!.n,
      );
    const before = await count();
    for (const client of [a.admin.client, a.member.client, b.owner.client, anonClient(stack)]) {
      const { error } = await recordExport(client, a.orgId, { projects: 1 });
      expect(error).not.toBeNull();
    }
    expect(await count()).toBe(before);
    // And reading A page by page gives an outsider an empty archive, anon a refusal.
    const counts = await countWorkspaceRows(b.owner.client, a.orgId);
    expect(Object.values(counts).every((rows) => rows === 0)).toBe(true);
    let manifest: Manifest | undefined;
    for await (const _chunk of exportArchiveChunks({
      client: b.owner.client,
      workspace: workspaceA,
      exportedBy: "owner",
      onManifest: (written) => (manifest = written),
    }));
    expect(Object.values(manifest!.tables).map((table) => table.rows)).toEqual(
      EXPORT_TABLES.map(() => 0),
    );
    await expect(countWorkspaceRows(anonClient(stack), a.orgId)).rejects.toThrow(ExportReadError);
  });
});

describe("cross-tenant: an export of A never holds a byte of B's data", () => {
  const assertOnlyA = (files: Record<string, Uint8Array>) => {
    expect(Object.keys(files).length).toBeGreaterThan(EXPORT_TABLES.length);
    for (const [name, file] of Object.entries(files)) {
      const text = strFromU8(file);
      for (const marker of onlyB) expect(text, `${name} holds B's ${marker}`).not.toContain(marker);
    }
    // Row by row: the workspace column is A's wherever a row has one, and the ids are A's.
    for (const spec of EXPORT_TABLES)
      for (const row of jsonRows(files, spec.table))
        if ("organization_id" in row) expect(row.organization_id, spec.table).toBe(a.orgId);
  };

  it("read by A's owner (their JWT)", async () => {
    const { files } = await exportAs(a.owner.client, workspaceA);
    assertOnlyA(files);
    expect(
      jsonRows(files, "projects")
        .map((row) => row.id)
        .sort(),
    ).toEqual(await ids("projects", a.orgId));
  });

  it("read by the operator's command (service role)", async () => {
    const out = path.join(scratch, `a-${randomUUID()}.zip`);
    const result = await tenant("export", "--slug", workspaceA.slug, "--out", out);
    expect(result.code).toBe(0);
    const files = unzipSync(readFileSync(out));
    assertOnlyA(files);
    expect(
      jsonRows(files, "projects")
        .map((row) => row.id)
        .sort(),
    ).toEqual(await ids("projects", a.orgId));
  });
});

describe("npm run tenant -- export", () => {
  it("writes the same archive the owner downloads, on the record with who ran it", async () => {
    const out = path.join(scratch, `op-${randomUUID()}.zip`);
    const result = await tenant("export", "--slug", workspaceA.slug, "--out", out);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(
      new RegExp(`^✓ Exported ${workspaceA.slug}: \\d+ rows in 7 tables → ${out}`),
    );
    const archive = readExportArchive(readFileSync(out));
    expect(archive.manifest.exported_by).toBe("operator");
    const owner = readExportArchive((await exportAs(a.owner.client, workspaceA)).bytes);
    // Same format, same rows (the audit log has grown by the exports in between).
    for (const table of [
      "organizations",
      "organization_members",
      "profiles",
      "invitations",
      "projects",
    ])
      expect(archive.tables[table], table).toEqual(owner.tables[table]);
    expect(Object.keys(archive.manifest.tables)).toEqual(Object.keys(owner.manifest.tables));

    const [logged] = await runSql<{ actor_kind: string; by: string }>(
      stack,
      `select actor_kind, details->>'by' as by from platform.audit_events
       where event = 'workspace.exported' and organization_id = ${literal(a.orgId)}
         and actor_kind = 'service' order by id desc limit 1`,
    );
    expect(logged).toEqual({ actor_kind: "service", by: "test-operator" });
    const entry = archive.tables.audit_logs!.at(-1);
    expect(entry).toMatchObject({ action: "workspace.exported", actor_kind: "service" });
  });

  it("refuses bad arguments with a clear message and the right exit code", async () => {
    expect(await tenant("export")).toMatchObject({
      code: 2,
      output: expect.stringMatching(/^✗ Say which workspace: --slug <slug>\./),
    });
    expect((await tenant("export", "--slug", "Not A Slug")).code).toBe(2);
    expect((await tenant("export", "--slug", "acme", "--frobnicate", "x")).output).toMatch(
      /^✗ Unknown option '--frobnicate'/,
    );
    expect(await tenant("export", "--slug", `nope-${randomUUID().slice(0, 8)}`)).toMatchObject({
      code: 1,
      output: expect.stringMatching(/^✗ No workspace has the slug "nope-/),
    });
    const taken = path.join(scratch, "taken.zip");
    writeFileSync(taken, "keep me");
    expect(await tenant("export", "--slug", workspaceA.slug, "--out", taken)).toEqual({
      code: 1,
      output: `✗ ${taken} already exists: choose another --out.`,
    });
    expect(readFileSync(taken, "utf8")).toBe("keep me");
  });
});

describe("npm run tenant -- import", () => {
  /** A table's rows without what an import renews: ids, the workspace, update times. */
  const comparable = (archive: ReturnType<typeof readExportArchive>, table: string) =>
    archive.tables[table]!.map((row) => {
      const { id: _id, organization_id: _org, updated_at: _updated, ...rest } = row;
      return rest;
    }).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

  it("creates a fresh workspace with new ids; exporting it again gives the same data", async () => {
    const first = path.join(scratch, `rt1-${randomUUID()}.zip`);
    expect((await tenant("export", "--slug", workspaceA.slug, "--out", first)).code).toBe(0);
    const slug = `imported-${randomUUID().slice(0, 8)}`;
    const imported = await tenant("import", "--file", first, "--slug", slug);
    expect(imported.output).toMatch(
      new RegExp(
        `^✓ Imported ${workspaceA.slug} as ${slug}: 3 members, 1 invitations, 3 projects, \\d+ audit entries\\.`,
      ),
    );
    expect(imported.code).toBe(0);

    const second = path.join(scratch, `rt2-${randomUUID()}.zip`);
    expect((await tenant("export", "--slug", slug, "--out", second)).code).toBe(0);
    const before = readExportArchive(readFileSync(first));
    const after = readExportArchive(readFileSync(second));
    const newId = after.manifest.workspace.id;
    expect(newId).not.toBe(a.orgId);

    expect(after.tables.organizations![0]).toMatchObject({ name: workspaceA.name, slug });
    expect(after.tables.workspace_subscriptions![0]).toMatchObject({
      plan_id: "pro",
      status: "active",
    });
    for (const table of ["organization_members", "profiles", "invitations", "projects"])
      expect(comparable(after, table), table).toEqual(comparable(before, table));
    // New ids everywhere.
    const oldIds = new Set(
      ["projects", "invitations", "organization_members"].flatMap((t) =>
        before.tables[t]!.map((row) => row.id),
      ),
    );
    for (const table of ["projects", "invitations", "organization_members"])
      for (const row of after.tables[table]!) expect(oldIds.has(row.id), table).toBe(false);

    // The history as it was (up to the first export), then what the import itself did.
    const entry = (row: Record<string, unknown>) => {
      const { id: _id, organization_id: _org, record_id: _record, ...rest } = row;
      return rest;
    };
    const exportedAt = Date.parse(before.manifest.exported_at);
    const carried = after.tables.audit_logs!.filter(
      (row) => Date.parse(String(row.created_at)) <= exportedAt,
    );
    expect(carried.map(entry)).toEqual(before.tables.audit_logs!.map(entry));
    const added = after.tables
      .audit_logs!.filter((row) => Date.parse(String(row.created_at)) > exportedAt)
      .map((row) => row.action);
    expect(added).toContain("workspace.imported");
    expect(added.at(-1)).toBe("workspace.exported");
    // Record ids follow the new rows.
    const newProjectIds = new Set(after.tables.projects!.map((row) => row.id));
    const createdRoadmap = carried.find(
      (row) => row.action === "insert" && (row.new_data as { name?: string }).name === "Roadmap",
    );
    expect(newProjectIds.has(createdRoadmap!.record_id)).toBe(true);

    // The platform log has the import, with who ran it; the history path is closed now.
    const [logged] = await runSql<{ by: string }>(
      stack,
      `select details->>'by' as by from platform.audit_events where event = 'workspace.imported' and organization_id = ${literal(newId)}`,
    );
    expect(logged).toEqual({ by: "test-operator" });
    const late = await serviceClient(stack).rpc("import_audit_history", {
      org: newId,
      entries: [],
    });
    expect(late.error?.message).toBe("import_not_open");
  });

  it("maps members by email: without an account they are reported; --owner makes one", async () => {
    const source = path.join(scratch, `people-${randomUUID()}.zip`);
    expect((await tenant("export", "--slug", workspaceA.slug, "--out", source)).code).toBe(0);
    // The same archive as another deployment would see it: A's people have other addresses there.
    const files = unzipSync(readFileSync(source));
    const profiles = JSON.parse(strFromU8(files["profiles/0001.json"]!)) as { email: string }[];
    for (const profile of profiles) profile.email = profile.email.replace("@", "+elsewhere@");
    files["profiles/0001.json"] = strToU8(JSON.stringify(profiles));
    const elsewhere = path.join(scratch, `elsewhere-${randomUUID()}.zip`);
    writeFileSync(elsewhere, zipSync(files));

    const slug = `moved-${randomUUID().slice(0, 8)}`;
    expect(await tenant("import", "--file", elsewhere, "--slug", slug)).toEqual({
      code: 1,
      output:
        "✗ No owner of the archive has an account on this deployment: pass --owner <email> of one who does.",
    });
    const ops = await signUpUser(stack, uniqueEmail("new-owner"));
    const result = await tenant(
      "import",
      "--file",
      elsewhere,
      "--slug",
      slug,
      "--owner",
      ops.email,
    );
    expect(result.code).toBe(0);
    expect(result.output).toContain("Not added (no account on this deployment; invite them): ");
    expect(result.output).toContain(`${a.admin.email.replace("@", "+elsewhere@")} (admin)`);
    const members = await runSql<{ user_id: string; role: string }>(
      stack,
      `select m.user_id, m.role::text as role from public.organization_members m
       join public.organizations o on o.id = m.organization_id where o.slug = ${literal(slug)}`,
    );
    expect(members).toEqual([{ user_id: ops.id, role: "owner" }]);
  });

  it("refuses a wrong format version, mismatching counts and a non-archive, creating nothing", async () => {
    const source = path.join(scratch, `bad-${randomUUID()}.zip`);
    expect((await tenant("export", "--slug", workspaceA.slug, "--out", source)).code).toBe(0);
    const rewrite = (change: (manifest: Manifest) => void) => {
      const files = unzipSync(readFileSync(source));
      const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as Manifest;
      change(manifest);
      files["manifest.json"] = strToU8(JSON.stringify(manifest));
      const file = path.join(scratch, `bad-${randomUUID()}.zip`);
      writeFileSync(file, zipSync(files));
      return file;
    };
    const slug = `never-${randomUUID().slice(0, 8)}`;
    const version = rewrite((manifest) => (manifest.format_version = 2));
    expect(await tenant("import", "--file", version, "--slug", slug)).toEqual({
      code: 1,
      output: `✗ ${version} cannot be imported: This archive has format version 2; this version of tenantkit reads version 1 only.`,
    });
    const counts = rewrite((manifest) => (manifest.tables.projects!.rows += 1));
    expect((await tenant("import", "--file", counts, "--slug", slug)).output).toBe(
      `✗ ${counts} cannot be imported: projects: the manifest counts 4 rows, the archive holds 3.`,
    );
    const unknown = rewrite(
      (manifest) => (manifest.tables.widgets = { columns: ["id"], rows: 1, files: [] }),
    );
    expect((await tenant("import", "--file", unknown, "--slug", slug)).output).toBe(
      "✗ The archive holds rows of widgets, which this version cannot import yet.",
    );
    const text = path.join(scratch, "not-an-archive.zip");
    writeFileSync(text, "hello");
    expect((await tenant("import", "--file", text, "--slug", slug)).output).toMatch(
      /not a ZIP archive/,
    );
    expect(
      (await tenant("import", "--file", path.join(scratch, "missing.zip"), "--slug", slug)).code,
    ).toBe(1);
    expect((await tenant("import", "--slug", slug)).code).toBe(2);
    expect((await tenant("import", "--file", source)).code).toBe(2);
    expect((await tenant("import", "--file", source, "--slug", slug, "--owner", "nope")).code).toBe(
      2,
    );
    expect(await tenant("import", "--file", source, "--slug", workspaceB.slug)).toEqual({
      code: 1,
      output: "✗ Another workspace already uses this URL. Try another one.",
    });
    const created = await runSql(
      stack,
      `select 1 from public.organizations where slug = ${literal(slug)}`,
    );
    expect(created).toEqual([]);
  });
});
