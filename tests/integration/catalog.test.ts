/**
 * Catalog gate: the migrated schema follows the tenant table convention
 * (docs/adding-a-tenant-table.md). A new table without RLS, without its
 * organization_id index, foreign key, guard or audit trigger or select policy, a
 * security definer function without a pinned search_path, or one the API serves
 * without being an intended RPC (tests/access-specs.ts), fails here with a message
 * that says what to add.
 *
 * The snapshot is read once by global-setup.ts (as the database owner, before any
 * API request) and checked by the pure rules in tests/support/catalog-rules.ts.
 */
import { describe, expect, inject, it } from "vitest";
import { RPCS } from "../access-specs";
import { checkCatalog, RULES, type RuleId } from "../support/catalog-rules";
import type { CatalogSnapshot, CatalogTable } from "../support/catalog-snapshot";

/** The RPCs whose access spec lets anon call them (get_invitation: the signed-out invitation page). */
const anonRpcs = Object.entries(RPCS)
  .filter(([, spec]) => typeof spec.may === "object" && spec.may.anon === "allow")
  .map(([key]) => key);

describe("catalog gate on the migrated schema", () => {
  const catalog = inject("catalog");
  const privateCatalog = inject("privateCatalog");
  const violations = checkCatalog(catalog, Object.keys(RPCS), anonRpcs);

  it("sees the tables, policies and functions of the migrations (the snapshot is not empty)", () => {
    // Guards against a gate that passes because the snapshot query matched nothing.
    const tables = catalog.tables.map((table) => `${table.schema}.${table.name}`);
    expect(tables).toEqual(
      expect.arrayContaining([
        "public.organizations",
        "public.organization_members",
        "public.projects",
      ]),
    );
    const projects = catalog.tables.find((table) => table.name === "projects");
    expect(projects?.policies.length).toBeGreaterThan(0);
    expect(projects?.indexes.length).toBeGreaterThan(0);
    expect(catalog.functions.filter((fn) => fn.securityDefiner).map((fn) => fn.name)).toEqual(
      expect.arrayContaining(["create_organization", "invite_member", "restore_project"]),
    );
    expect(privateCatalog.functions.map((fn) => fn.name)).toEqual(
      expect.arrayContaining(["get_user_org_ids", "has_org_role", "guard_tenant_row"]),
    );
  });

  it("schema private holds functions only (Supabase Lite grants ALL on the tables of an RLS schema)", () => {
    expect(privateCatalog.tables.map((table) => table.name)).toEqual([]);
    expect(privateCatalog.views.map((view) => view.name)).toEqual([]);
  });

  it("schema private: every function pins search_path, none is executable by anon or PUBLIC", () => {
    // The exposed-schema rules apply here too, but for the intended-RPC rule: the
    // helpers are executable by authenticated on purpose, and the API cannot reach them.
    const messages = checkCatalog(privateCatalog, [])
      .filter((violation) => violation.rule !== "security-definer-intended-rpc")
      .map((violation) => violation.message);
    expect(messages).toEqual([]);
    const open = privateCatalog.functions
      .filter((fn) => fn.executableBy.some((role) => role === "anon" || role === "PUBLIC"))
      .map((fn) => `private.${fn.name}(${fn.args})`);
    expect(open, "revoke execute ... from public, anon").toEqual([]);
  });

  it.each(Object.entries(RULES) as [RuleId, string][])("%s: %s", (rule) => {
    const messages = violations
      .filter((violation) => violation.rule === rule)
      .map((v) => v.message);
    expect(messages, `Schema violations of rule ${rule}:\n${messages.join("\n")}`).toEqual([]);
  });
});

const isGuard = (trigger: { function: string }) => trigger.function === "private.guard_tenant_row";

/** A tenant table exactly as the convention wants it (mirrors public.projects). */
function conformingTable(name: string): CatalogTable {
  return {
    schema: "public",
    name,
    rlsEnabled: true,
    columns: [
      { name: "id", notNull: true },
      { name: "organization_id", notNull: true },
      { name: "name", notNull: true },
    ],
    indexes: [
      { name: `${name}_pkey`, columns: ["id"], partial: false },
      {
        name: `${name}_org_created_idx`,
        columns: ["organization_id", "created_at"],
        partial: false,
      },
    ],
    foreignKeys: [
      {
        name: `${name}_organization_id_fkey`,
        columns: ["organization_id"],
        referencedTable: "public.organizations",
        referencedColumns: ["id"],
      },
    ],
    triggers: [
      {
        name: `${name}_guard_tenant_row`,
        function: "private.guard_tenant_row",
        timing: "before",
        level: "row",
        events: ["insert", "update", "delete"],
        enabled: true,
      },
      {
        name: `${name}_audit`,
        function: "private.audit_tenant_change",
        timing: "after",
        level: "row",
        events: ["insert", "update", "delete"],
        enabled: true,
      },
    ],
    policies: [
      {
        name: "members read",
        command: "select",
        roles: ["authenticated"],
        permissive: true,
        using: "organization_id = any (...)",
        withCheck: null,
      },
    ],
    grants: [
      { grantee: "postgres", privilege: "SELECT", column: null },
      { grantee: "authenticated", privilege: "SELECT", column: null },
    ],
  };
}

/** The fake schema's intended RPCs (in the real gate: the keys of RPCS in tests/access-specs.ts). */
const FAKE_RPCS = ["public.create_widget(org uuid)"];
const check = (snapshot: CatalogSnapshot) => checkCatalog(snapshot, FAKE_RPCS);

function fakeSnapshot(overrides: Partial<CatalogSnapshot> = {}): CatalogSnapshot {
  return {
    schemas: ["public"],
    tables: [conformingTable("widgets")],
    views: [],
    functions: [
      {
        schema: "public",
        name: "create_widget",
        args: "org uuid",
        securityDefiner: true,
        config: ['search_path=""'],
        executableBy: ["postgres", "authenticated"],
      },
    ],
    ...overrides,
  };
}

/** A conforming "widgets" table with one defect applied. */
const widgetsWith = (defect: (table: CatalogTable) => void) => {
  const table = conformingTable("widgets");
  defect(table);
  return fakeSnapshot({ tables: [table] });
};

describe("catalog rules reject a bad schema (fake snapshots)", () => {
  it("accept the conforming fake schema", () => {
    expect(check(fakeSnapshot())).toEqual([]);
  });

  const defects: {
    defect: string;
    snapshot: CatalogSnapshot;
    rule: RuleId;
    mentions: string;
    /** Other rules the same defect breaks as well. */
    also?: RuleId[];
  }[] = [
    {
      defect: "RLS disabled",
      snapshot: widgetsWith((t) => (t.rlsEnabled = false)),
      rule: "rls-enabled",
      mentions: "enable row level security",
    },
    {
      defect: "nullable organization_id",
      snapshot: widgetsWith(
        (t) =>
          (t.columns = t.columns.map((c) =>
            c.name === "organization_id" ? { ...c, notNull: false } : c,
          )),
      ),
      rule: "tenant-id-not-null",
      mentions: "not null",
    },
    {
      defect: "no foreign key",
      snapshot: widgetsWith((t) => (t.foreignKeys = [])),
      rule: "tenant-id-foreign-key",
      mentions: "references public.organizations(id)",
    },
    {
      defect: "foreign key to another table",
      snapshot: widgetsWith(
        (t) =>
          (t.foreignKeys = [
            {
              name: "fk",
              columns: ["organization_id"],
              referencedTable: "public.teams",
              referencedColumns: ["id"],
            },
          ]),
      ),
      rule: "tenant-id-foreign-key",
      mentions: "references public.organizations(id)",
    },
    {
      defect: "organization_id only second in an index",
      snapshot: widgetsWith(
        (t) =>
          (t.indexes = [{ name: "i", columns: ["created_at", "organization_id"], partial: false }]),
      ),
      rule: "tenant-id-index",
      mentions: "create index widgets_org_idx",
      also: ["foreign-key-index"],
    },
    {
      defect: "only a partial index on organization_id",
      snapshot: widgetsWith(
        (t) => (t.indexes = [{ name: "i", columns: ["organization_id"], partial: true }]),
      ),
      rule: "tenant-id-index",
      mentions: "create index",
      also: ["foreign-key-index"],
    },
    {
      defect: "no guard trigger",
      snapshot: widgetsWith((t) => (t.triggers = t.triggers.filter((tr) => !isGuard(tr)))),
      rule: "tenant-guard-trigger",
      mentions: "execute function private.guard_tenant_row()",
    },
    {
      defect: "guard trigger on insert only",
      snapshot: widgetsWith(
        (t) =>
          (t.triggers = t.triggers.map((tr) => (isGuard(tr) ? { ...tr, events: ["insert"] } : tr))),
      ),
      rule: "tenant-guard-trigger",
      mentions: "before insert or update or delete",
    },
    {
      // A frozen (suspended, offboarding) workspace would still lose rows.
      defect: "guard trigger that misses deletes",
      snapshot: widgetsWith(
        (t) =>
          (t.triggers = t.triggers.map((tr) =>
            isGuard(tr) ? { ...tr, events: ["insert", "update"] } : tr,
          )),
      ),
      rule: "tenant-guard-trigger",
      mentions: "before insert or update or delete",
    },
    {
      defect: "guard trigger disabled",
      snapshot: widgetsWith(
        (t) =>
          (t.triggers = t.triggers.map((tr) => (isGuard(tr) ? { ...tr, enabled: false } : tr))),
      ),
      rule: "tenant-guard-trigger",
      mentions: "guard_tenant_row",
    },
    {
      defect: "no audit trigger",
      snapshot: widgetsWith((t) => (t.triggers = t.triggers.filter((tr) => isGuard(tr)))),
      rule: "tenant-audit-trigger",
      mentions: "execute function private.audit_tenant_change()",
    },
    {
      defect: "audit trigger that misses deletes",
      snapshot: widgetsWith(
        (t) =>
          (t.triggers = t.triggers.map((tr) =>
            isGuard(tr) ? tr : { ...tr, events: ["insert", "update"] },
          )),
      ),
      rule: "tenant-audit-trigger",
      mentions: "after insert or update or delete",
    },
    {
      defect: "no policy at all",
      snapshot: widgetsWith((t) => (t.policies = [])),
      rule: "tenant-select-policy",
      mentions: "for select to authenticated",
      also: ["grants-match-policies"],
    },
    {
      defect: "select policy only restrictive",
      snapshot: widgetsWith(
        (t) => (t.policies = t.policies.map((p) => ({ ...p, permissive: false }))),
      ),
      rule: "tenant-select-policy",
      mentions: "for select to authenticated",
      also: ["grants-match-policies"],
    },
    {
      defect: "policy without a role (targets public)",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "open read",
          command: "select",
          roles: ["public"],
          permissive: true,
          using: "true",
          withCheck: null,
        }),
      ),
      rule: "tenant-no-anon-policy",
      mentions: 'policy "open read" targets public',
    },
    {
      defect: "policy to anon",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "anon insert",
          command: "insert",
          roles: ["anon"],
          permissive: true,
          using: null,
          withCheck: "true",
        }),
      ),
      rule: "tenant-no-anon-policy",
      mentions: 'policy "anon insert" targets anon',
    },
    {
      defect: "select granted to anon",
      snapshot: widgetsWith((t) =>
        t.grants.push({ grantee: "anon", privilege: "SELECT", column: null }),
      ),
      rule: "tenant-no-anon-grant",
      mentions: "SELECT to anon",
    },
    {
      defect: "column grant to PUBLIC",
      snapshot: widgetsWith((t) =>
        t.grants.push({ grantee: "PUBLIC", privilege: "UPDATE", column: "name" }),
      ),
      rule: "tenant-no-anon-grant",
      mentions: "UPDATE(name) to PUBLIC",
    },
    {
      defect: "security definer without search_path",
      snapshot: fakeSnapshot({
        functions: [
          {
            schema: "public",
            name: "leaky",
            args: "org uuid",
            securityDefiner: true,
            config: [],
            executableBy: ["authenticated"],
          },
        ],
      }),
      rule: "security-definer-search-path",
      mentions: "public.leaky(org uuid)",
      also: ["security-definer-intended-rpc"],
    },
    {
      defect: "security definer executable by PUBLIC (the default)",
      snapshot: fakeSnapshot({
        functions: [
          {
            schema: "public",
            name: "helper",
            args: "",
            securityDefiner: true,
            config: ['search_path=""'],
            executableBy: ["postgres", "PUBLIC"],
          },
        ],
      }),
      rule: "security-definer-not-anon",
      mentions: "revoke execute on function public.helper() from public, anon",
      also: ["security-definer-intended-rpc"],
    },
    {
      defect: "an RLS helper left in public, executable by authenticated (lint 0029)",
      snapshot: fakeSnapshot({
        functions: [
          {
            schema: "public",
            name: "get_user_org_ids",
            args: "",
            securityDefiner: true,
            config: ['search_path=""'],
            executableBy: ["postgres", "authenticated"],
          },
        ],
      }),
      rule: "security-definer-intended-rpc",
      mentions: "belongs in schema private",
    },
    {
      defect: "an intended RPC whose arguments changed (the spec names the old signature)",
      snapshot: fakeSnapshot({
        functions: [
          {
            schema: "public",
            name: "create_widget",
            args: "org uuid, name text",
            securityDefiner: true,
            config: ['search_path=""'],
            executableBy: ["postgres", "authenticated"],
          },
        ],
      }),
      rule: "security-definer-intended-rpc",
      mentions: "public.create_widget(org uuid, name text)",
    },
    {
      defect: "view without security_invoker",
      snapshot: fakeSnapshot({
        views: [
          { schema: "public", name: "widget_stats", materialized: false, securityInvoker: false },
        ],
      }),
      rule: "view-security-invoker",
      mentions: "security_invoker = true",
    },
    {
      defect: "materialized view in an exposed schema",
      snapshot: fakeSnapshot({
        views: [
          { schema: "public", name: "widget_totals", materialized: true, securityInvoker: false },
        ],
      }),
      rule: "view-security-invoker",
      mentions: "cannot have RLS",
    },
    {
      defect: "a foreign key without an index",
      snapshot: widgetsWith((t) =>
        t.foreignKeys.push({
          name: "widgets_owner_id_fkey",
          columns: ["owner_id"],
          referencedTable: "auth.users",
          referencedColumns: ["id"],
        }),
      ),
      rule: "foreign-key-index",
      mentions: "create index widgets_owner_id_idx on public.widgets (owner_id)",
    },
    {
      defect: "auth.uid() called per row in a policy",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "own rows",
          command: "select",
          roles: ["authenticated"],
          permissive: true,
          using: "(created_by = auth.uid())",
          withCheck: null,
        }),
      ),
      rule: "policy-initplan",
      mentions: "calls auth.uid() once per row",
    },
    {
      defect: "a set-returning helper called per row (in, not = any (array(select ...)))",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "members insert",
          command: "insert",
          roles: ["authenticated"],
          permissive: true,
          using: null,
          withCheck:
            "(organization_id IN ( SELECT get_user_org_ids() AS ids) OR (organization_id = ANY (get_org_array())))",
        }),
      ),
      rule: "policy-initplan",
      mentions: "get_org_array()",
      also: ["grants-match-policies"],
    },
    {
      defect: "current_setting() read per row in a policy",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "claims read",
          command: "select",
          roles: ["authenticated"],
          permissive: true,
          using:
            "((current_setting('request.jwt.claims'::text, true))::jsonb ->> 'org') = organization_id::text",
          withCheck: null,
        }),
      ),
      rule: "policy-initplan",
      mentions: "current_setting('request.jwt.claims'::text, true)",
    },
    {
      defect: "TRUNCATE granted to authenticated",
      snapshot: widgetsWith((t) =>
        t.grants.push({ grantee: "authenticated", privilege: "TRUNCATE", column: null }),
      ),
      rule: "grants-match-policies",
      mentions: "bypasses RLS",
    },
    {
      defect: "DELETE granted without a delete policy",
      snapshot: widgetsWith((t) =>
        t.grants.push({ grantee: "authenticated", privilege: "DELETE", column: null }),
      ),
      rule: "grants-match-policies",
      mentions: "no permissive delete policy",
    },
    {
      defect: "an update policy without the UPDATE privilege",
      snapshot: widgetsWith((t) =>
        t.policies.push({
          name: "admins update",
          command: "update",
          roles: ["authenticated"],
          permissive: true,
          using: "has_org_role(organization_id, ARRAY['admin'::text])",
          withCheck: null,
        }),
      ),
      rule: "grants-match-policies",
      mentions: "holds no UPDATE privilege",
    },
  ];

  it.each(defects)(
    "report $defect as $rule, naming the object and the fix",
    ({ snapshot, rule, mentions, also = [] }) => {
      const violations = check(snapshot);
      expect(violations.map((violation) => violation.rule).sort()).toEqual([rule, ...also].sort());
      const violation = violations.find((v) => v.rule === rule);
      expect(violation?.message).toMatch(/^public\.\w+/);
      expect(violation?.message).toContain(mentions);
    },
  );

  it("ignore tables without organization_id for the tenant rules, but not for RLS", () => {
    const lookup: CatalogTable = {
      ...conformingTable("plans"),
      columns: [{ name: "id", notNull: true }],
      foreignKeys: [],
      triggers: [],
      policies: [
        {
          name: "anyone signed in reads",
          command: "select",
          roles: ["authenticated"],
          permissive: true,
          using: "true",
          withCheck: null,
        },
      ],
      indexes: [],
    };
    expect(check(fakeSnapshot({ tables: [lookup] }))).toEqual([]);
    expect(
      check(fakeSnapshot({ tables: [{ ...lookup, rlsEnabled: false }] })).map((v) => v.rule),
    ).toEqual(["rls-enabled"]);
  });

  it("accept a security definer function that no API role may execute (called by other definer code)", () => {
    const internal = {
      schema: "public",
      name: "internal_helper",
      args: "",
      securityDefiner: true,
      config: ['search_path=""'],
      executableBy: ["postgres", "service_role"],
    };
    expect(check(fakeSnapshot({ functions: [internal] }))).toEqual([]);
  });

  it("let anon execute an intended RPC whose spec allows anon, but never through PUBLIC", () => {
    const preview = {
      schema: "public",
      name: "create_widget",
      args: "org uuid",
      securityDefiner: true,
      config: ['search_path=""'],
      executableBy: ["postgres", "authenticated", "anon"],
    };
    expect(check(fakeSnapshot({ functions: [preview] }))).toEqual([
      expect.objectContaining({ rule: "security-definer-not-anon" }),
    ]);
    const anonAllowed = (snapshot: CatalogSnapshot) =>
      checkCatalog(snapshot, FAKE_RPCS, ["public.create_widget(org uuid)"]);
    expect(anonAllowed(fakeSnapshot({ functions: [preview] }))).toEqual([]);
    expect(
      anonAllowed(
        fakeSnapshot({ functions: [{ ...preview, executableBy: ["postgres", "PUBLIC"] }] }),
      ),
    ).toEqual([expect.objectContaining({ rule: "security-definer-not-anon" })]);
  });

  it("ignore functions that are not security definer", () => {
    const invoker = {
      schema: "public",
      name: "set_updated_at",
      args: "",
      securityDefiner: false,
      config: [],
      executableBy: ["PUBLIC"],
    };
    expect(check(fakeSnapshot({ functions: [invoker] }))).toEqual([]);
  });
});
