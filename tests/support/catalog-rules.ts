/**
 * The catalog gate: pure checks over a CatalogSnapshot (tests/support/catalog-snapshot.ts).
 * Pure so that the rules themselves can be tested on fake snapshots: a gate that
 * cannot fail proves nothing.
 *
 * Each violation names the object and says what to add, because the person who
 * reads it is whoever just wrote a migration, not whoever wrote this file.
 * The convention being enforced is docs/adding-a-tenant-table.md;
 * supabase/migrations/20261123000500_projects.sql is the reference table, and
 * docs/security.md lists which rule guards which item of the checklist.
 */
import type {
  CatalogFunction,
  CatalogSnapshot,
  CatalogTable,
  CatalogView,
} from "./catalog-snapshot";

export const TENANT_COLUMN = "organization_id";
export const TENANTS_TABLE = "public.organizations";
export const GUARD_FUNCTION = "private.guard_tenant_row";
export const AUDIT_FUNCTION = "private.audit_tenant_change";
/** The audit log is tenant data too, but it cannot audit itself. */
const AUDIT_EXEMPT = new Set(["public.audit_logs"]);

/** Roles that must never be given anything on tenant data. "public" in a policy and PUBLIC in an ACL include anon. */
const UNTRUSTED_ROLES = new Set(["anon", "public", "PUBLIC"]);

export const RULES = {
  "rls-enabled": "every table in an exposed schema has row level security enabled",
  "tenant-id-not-null": "every tenant table has organization_id not null",
  "tenant-id-foreign-key":
    "every tenant table has a foreign key from organization_id to public.organizations",
  "tenant-id-index": "every tenant table has an index whose first column is organization_id",
  "tenant-guard-trigger":
    "every tenant table runs guard_tenant_row() before insert, update or delete, for each row",
  "tenant-audit-trigger":
    "every tenant table (but audit_logs) runs audit_tenant_change() after insert, update and delete, for each row",
  "tenant-select-policy": "every tenant table has a permissive select policy for authenticated",
  "tenant-no-anon-policy": "no policy on a tenant table targets anon or public",
  "tenant-no-anon-grant": "anon and PUBLIC hold no privilege on a tenant table",
  "security-definer-search-path": "every security definer function pins search_path",
  "security-definer-not-anon":
    "no security definer function is executable by PUBLIC, nor by anon unless its access spec lets anon call it (RPCS of tests/access-specs.ts)",
  "security-definer-intended-rpc":
    "a security definer function in an exposed schema that authenticated may execute is an intended RPC (listed in RPCS of tests/access-specs.ts); helpers belong in schema private (Supabase lint 0029)",
  "view-security-invoker":
    "every view in an exposed schema runs as the caller (security_invoker), no materialized views",
  "foreign-key-index": "every foreign key is covered by an index that starts with its columns",
  "policy-initplan":
    "policies wrap auth.uid(), auth.jwt(), current_setting() and other row-independent calls in (select ...)",
  "grants-match-policies":
    "authenticated holds exactly the table privileges its policies use: no TRUNCATE/REFERENCES/TRIGGER, no privilege without a policy, no policy without a privilege",
} as const;

export type RuleId = keyof typeof RULES;

export interface Violation {
  rule: RuleId;
  /** "schema.name" of the table, view or function. */
  object: string;
  message: string;
}

const qualified = (object: { schema: string; name: string }) => `${object.schema}.${object.name}`;

/** A tenant table is any table with an organization_id column: that column is what makes it tenant data. */
export const isTenantTable = (table: CatalogTable) =>
  table.columns.some((column) => column.name === TENANT_COLUMN);

/**
 * `intendedRpcs`: the functions the app calls through the API, as
 * "schema.name(identity args)" (the keys of RPCS in tests/access-specs.ts, the one
 * list of them). Every other function of an exposed schema must not be executable
 * by the API roles. `anonRpcs`: those of them whose spec lets anon call them (the
 * attack matrix then holds anon to exactly what the spec says); every other
 * security definer function must not be executable by anon.
 */
export function checkCatalog(
  snapshot: CatalogSnapshot,
  intendedRpcs: readonly string[],
  anonRpcs: readonly string[] = [],
): Violation[] {
  const intended = new Set(intendedRpcs);
  const forAnon = new Set(anonRpcs.filter((rpc) => intended.has(rpc)));
  return [
    ...snapshot.tables.flatMap(checkTable),
    ...snapshot.tables.flatMap(checkForeignKeyIndexes),
    ...snapshot.tables.flatMap(checkPolicyInitplans),
    ...snapshot.tables.flatMap(checkGrantsMatchPolicies),
    ...snapshot.views.flatMap(checkView),
    ...snapshot.functions.flatMap((fn) => checkFunction(fn, intended, forAnon)),
  ];
}

function checkTable(table: CatalogTable): Violation[] {
  const name = qualified(table);
  const violations: Violation[] = [];
  const report = (rule: RuleId, message: string) =>
    violations.push({ rule, object: name, message: `${name}: ${message}` });

  if (!table.rlsEnabled) {
    // Without RLS, the API serves every row to whoever holds a grant (on Supabase Lite: everyone).
    report(
      "rls-enabled",
      `row level security is off. Add: alter table ${name} enable row level security; plus its policies.`,
    );
  }
  if (!isTenantTable(table)) return violations;

  const tenantColumn = table.columns.find((column) => column.name === TENANT_COLUMN);
  if (tenantColumn && !tenantColumn.notNull) {
    // A null organization_id is a row that belongs to no workspace: invisible, or worse, matched by a sloppy policy.
    report(
      "tenant-id-not-null",
      `${TENANT_COLUMN} is nullable. Declare it "${TENANT_COLUMN} uuid not null references ${TENANTS_TABLE}(id) on delete cascade".`,
    );
  }

  const hasTenantForeignKey = table.foreignKeys.some(
    (key) =>
      key.columns.length === 1 &&
      key.columns[0] === TENANT_COLUMN &&
      key.referencedTable === TENANTS_TABLE &&
      key.referencedColumns[0] === "id",
  );
  if (!hasTenantForeignKey) {
    report(
      "tenant-id-foreign-key",
      `no foreign key from ${TENANT_COLUMN} to ${TENANTS_TABLE}(id). Add "references ${TENANTS_TABLE}(id) on delete cascade" so rows cannot point at a workspace that does not exist and go away with it.`,
    );
  }

  // Every policy filters on organization_id: without a leading index each query scans the table.
  const hasTenantIndex = table.indexes.some(
    (index) => !index.partial && index.columns[0] === TENANT_COLUMN,
  );
  if (!hasTenantIndex) {
    report(
      "tenant-id-index",
      `no (non-partial) index starts with ${TENANT_COLUMN}. Add: create index ${table.name}_org_idx on ${name} (${TENANT_COLUMN}, ...);`,
    );
  }

  const hasGuard = table.triggers.some(
    (trigger) =>
      trigger.function === GUARD_FUNCTION &&
      trigger.enabled &&
      trigger.timing === "before" &&
      trigger.level === "row" &&
      trigger.events.includes("insert") &&
      trigger.events.includes("update") &&
      // Delete too: a suspended or offboarding workspace refuses deletes (lifecycle migration).
      trigger.events.includes("delete"),
  );
  if (!hasGuard) {
    // Column grants say the same, but they are not enforced by every engine (Supabase Lite ignores them).
    report(
      "tenant-guard-trigger",
      `no enabled "before insert or update or delete ... for each row" trigger calling ${GUARD_FUNCTION}(), so a row could be moved to another workspace or changed in a frozen one. Add: create trigger ${table.name}_guard_tenant_row before insert or update or delete on ${name} for each row execute function ${GUARD_FUNCTION}();`,
    );
  }

  const hasAudit = table.triggers.some(
    (trigger) =>
      trigger.function === AUDIT_FUNCTION &&
      trigger.enabled &&
      trigger.timing === "after" &&
      trigger.level === "row" &&
      (["insert", "update", "delete"] as const).every((event) => trigger.events.includes(event)),
  );
  if (!hasAudit && !AUDIT_EXEMPT.has(name)) {
    report(
      "tenant-audit-trigger",
      `no enabled "after insert or update or delete ... for each row" trigger calling ${AUDIT_FUNCTION}(), so its writes would not reach the audit log. Add: create trigger ${table.name}_audit after insert or update or delete on ${name} for each row execute function ${AUDIT_FUNCTION}();`,
    );
  }

  const hasSelectPolicy = table.policies.some(
    (policy) =>
      policy.permissive &&
      (policy.command === "select" || policy.command === "all") &&
      policy.roles.includes("authenticated"),
  );
  if (!hasSelectPolicy) {
    report(
      "tenant-select-policy",
      `no permissive select policy "to authenticated". Add: create policy "members read" on ${name} for select to authenticated using (${TENANT_COLUMN} = any (array(select private.get_user_org_ids())));`,
    );
  }

  for (const policy of table.policies) {
    const untrusted = policy.roles.filter((role) => UNTRUSTED_ROLES.has(role));
    if (untrusted.length > 0) {
      report(
        "tenant-no-anon-policy",
        `policy "${policy.name}" targets ${untrusted.join(", ")} (a policy without "to" targets public, which includes anon). Write it "to authenticated".`,
      );
    }
  }

  const untrustedGrants = table.grants.filter((grant) => UNTRUSTED_ROLES.has(grant.grantee));
  if (untrustedGrants.length > 0) {
    const listed = untrustedGrants.map(
      (grant) => `${grant.privilege}${grant.column ? `(${grant.column})` : ""} to ${grant.grantee}`,
    );
    report(
      "tenant-no-anon-grant",
      `grants ${listed.join(", ")}. anon gets nothing on tenant tables: add "revoke all on ${name} from anon, public;" and grant authenticated only what the policies allow.`,
    );
  }

  return violations;
}

function checkView(view: CatalogView): Violation[] {
  const name = qualified(view);
  if (view.materialized) {
    // A materialized view cannot have RLS: anyone with a grant reads every tenant's rows.
    return [
      {
        rule: "view-security-invoker",
        object: name,
        message: `${name}: a materialized view cannot have RLS. Move it to a schema the API does not expose.`,
      },
    ];
  }
  if (!view.securityInvoker) {
    // A view runs with its owner's rights by default, which skips the RLS of the tables it reads.
    return [
      {
        rule: "view-security-invoker",
        object: name,
        message: `${name}: the view bypasses RLS. Create it "with (security_invoker = true)".`,
      },
    ];
  }
  return [];
}

/** Roles the API serves as: a function they may execute in an exposed schema is an endpoint. */
const API_ROLES = new Set(["authenticated", "anon", "PUBLIC"]);

function checkFunction(
  fn: CatalogFunction,
  intendedRpcs: ReadonlySet<string>,
  anonRpcs: ReadonlySet<string>,
): Violation[] {
  if (!fn.securityDefiner) return [];
  const name = qualified(fn);
  const signature = `${name}(${fn.args})`;
  const violations: Violation[] = [];
  if (!fn.config.some((setting) => setting.startsWith("search_path="))) {
    // A security definer function resolving names through the caller's search_path can be hijacked by the caller's objects.
    violations.push({
      rule: "security-definer-search-path",
      object: name,
      message: `${signature}: security definer without a pinned search_path. Add "set search_path = ''" and qualify every name (public.x, auth.uid()).`,
    });
  }
  // PUBLIC never: it includes every role a future migration creates.
  const untrusted = fn.executableBy.filter(
    (role) => UNTRUSTED_ROLES.has(role) && !(role === "anon" && anonRpcs.has(signature)),
  );
  if (untrusted.length > 0) {
    violations.push({
      rule: "security-definer-not-anon",
      object: name,
      message: `${signature}: executable by ${untrusted.join(", ")}. Add: revoke execute on function ${signature} from public, anon; grant execute on function ${signature} to authenticated;`,
    });
  }
  // Supabase lint 0029 (authenticated_security_definer_function_executable): in an
  // exposed schema, EXECUTE makes a function an endpoint, /rest/v1/rpc/<name>, that
  // runs with its owner's rights. The CLI's local linter does not have this lint.
  const callers = fn.executableBy.filter((role) => API_ROLES.has(role));
  if (callers.length > 0 && !intendedRpcs.has(signature)) {
    violations.push({
      rule: "security-definer-intended-rpc",
      object: name,
      message: `${signature}: security definer, executable by ${callers.join(", ")} through the API (/rest/v1/rpc/${fn.name}), and not an intended RPC. A helper or trigger function belongs in schema private ("create function private.${fn.name}(...)"; grant execute to authenticated only if a policy calls it). An RPC the app calls gets an entry "${signature}" in RPCS of tests/access-specs.ts.`,
    });
  }
  return violations;
}

/**
 * Postgres does not index the referencing side of a foreign key. Without an index,
 * every delete or key update on the referenced table scans this one (a workspace
 * deletion cascades through every tenant table), and joins along the key scan too.
 * Covered means: some non-partial index starts with exactly the key's columns.
 */
function checkForeignKeyIndexes(table: CatalogTable): Violation[] {
  const name = qualified(table);
  return table.foreignKeys.flatMap((fk) => {
    const covered = table.indexes.some(
      (index) =>
        !index.partial &&
        index.columns.length >= fk.columns.length &&
        fk.columns.every((column) => index.columns.slice(0, fk.columns.length).includes(column)),
    );
    if (covered) return [];
    const columns = fk.columns.join(", ");
    return [
      {
        rule: "foreign-key-index" as const,
        object: name,
        message: `${name}: foreign key ${fk.name} (${columns}) -> ${fk.referencedTable} has no covering index. Add: create index ${table.name}_${fk.columns.join("_")}_idx on ${name} (${columns});`,
      },
    ];
  });
}

/**
 * A call that does not depend on the row (auth.uid(), auth.jwt(), current_setting(...),
 * a helper such as get_user_org_ids()) is evaluated once per row unless it is wrapped
 * in a scalar subquery, which Postgres runs once per statement as an initplan
 * (Supabase's "auth_rls_initplan" advice). Policies are read in their deparsed form
 * (pg_policies), where a wrapped call reads "( SELECT auth.uid() AS uid)".
 */
const CALL = /((?:"?[A-Za-z_][\w$]*"?\.)?"?[A-Za-z_][\w$]*"?)\s*\(/g;

/** Calls in a deparsed expression that run once per row: zero-argument calls and current_setting(...), not wrapped in "SELECT". */
export function unwrappedCalls(expression: string): string[] {
  const found: string[] = [];
  for (const match of expression.matchAll(CALL)) {
    const fn = (match[1] ?? "").replace(/"/g, "").toLowerCase();
    const open = (match.index ?? 0) + match[0].length;
    // The argument list, up to the matching parenthesis.
    let depth = 1;
    let close = open;
    while (close < expression.length && depth > 0) {
      if (expression[close] === "(") depth++;
      else if (expression[close] === ")") depth--;
      close++;
    }
    const args = expression.slice(open, close - 1).trim();
    const rowIndependent = args === "" || fn.endsWith("current_setting");
    if (!rowIndependent || ["array", "any", "all", "exists", "in"].includes(fn)) continue;
    if (/select\s+$/i.test(expression.slice(0, match.index ?? 0))) continue;
    found.push(`${match[1]}(${args})`);
  }
  return found;
}

function checkPolicyInitplans(table: CatalogTable): Violation[] {
  const name = qualified(table);
  return table.policies.flatMap((policy) => {
    const calls = [
      ...new Set([
        ...unwrappedCalls(policy.using ?? ""),
        ...unwrappedCalls(policy.withCheck ?? ""),
      ]),
    ];
    if (calls.length === 0) return [];
    return [
      {
        rule: "policy-initplan" as const,
        object: name,
        message: `${name}: policy "${policy.name}" calls ${calls.join(", ")} once per row. Wrap each in a subquery: (select auth.uid()), or "= any (array(select private.get_user_org_ids()))" for a set.`,
      },
    ];
  });
}

const POLICY_VERBS = ["select", "insert", "update", "delete"] as const;

/**
 * Grants and policies say the same thing twice, on purpose: hosted Supabase checks
 * both, Supabase Lite only the policies (docs/local-stack.md). A privilege without a
 * policy is a door that only RLS keeps shut; a policy without a privilege is dead on
 * hosted and alive locally, so the two environments disagree. TRUNCATE ignores RLS
 * altogether, and REFERENCES / TRIGGER have no use for an API role.
 */
function checkGrantsMatchPolicies(table: CatalogTable): Violation[] {
  const name = qualified(table);
  const violations: Violation[] = [];
  const held = new Set(
    table.grants
      .filter((grant) => grant.grantee === "authenticated")
      .map((grant) => grant.privilege.toLowerCase()),
  );
  const policyVerbs = new Set(
    table.policies
      .filter(
        (policy) =>
          policy.permissive &&
          (policy.roles.includes("authenticated") || policy.roles.includes("public")),
      )
      .flatMap((policy) => (policy.command === "all" ? [...POLICY_VERBS] : [policy.command])),
  );
  for (const privilege of held) {
    if (!(POLICY_VERBS as readonly string[]).includes(privilege)) {
      violations.push({
        rule: "grants-match-policies",
        object: name,
        message: `${name}: authenticated holds ${privilege.toUpperCase()}, which no API request needs${privilege === "truncate" ? " and which bypasses RLS" : ""}. Add: revoke ${privilege} on ${name} from authenticated;`,
      });
    } else if (!policyVerbs.has(privilege as (typeof POLICY_VERBS)[number])) {
      violations.push({
        rule: "grants-match-policies",
        object: name,
        message: `${name}: authenticated holds ${privilege.toUpperCase()} but no permissive ${privilege} policy exists. Revoke it ("revoke ${privilege} on ${name} from authenticated;") or add the policy that says who may.`,
      });
    }
  }
  for (const verb of policyVerbs) {
    if (!held.has(verb)) {
      violations.push({
        rule: "grants-match-policies",
        object: name,
        message: `${name}: a ${verb} policy exists but authenticated holds no ${verb.toUpperCase()} privilege, so hosted Supabase refuses what the local stack allows. Grant it ("grant ${verb} (...) on ${name} to authenticated;") or drop the policy.`,
      });
    }
  }
  return violations;
}
