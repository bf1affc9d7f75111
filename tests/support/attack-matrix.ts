/**
 * The machinery of the generated attack matrix (tests/integration/attack-matrix.test.ts):
 * fixture users and workspaces, the attempt for each verb, and how an attempt's
 * effect is observed. What is expected lives in tests/access-specs.ts.
 *
 * Effects are observed with superuser SQL (a fingerprint of the workspace's rows
 * before and after), never inferred from the HTTP answer: a refused write may come
 * back as an RLS error, a permission error, a trigger error, or a success that
 * touched 0 rows, depending on the engine.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { randomUUID } from "node:crypto";
import {
  lit,
  TABLES,
  type Actor,
  type FixtureUser,
  type Verb,
  type Verdict,
  type Workspace,
} from "../access-specs";
import type { CatalogSnapshot, CatalogTable } from "./catalog-snapshot";
import { anonClient, signUpUser, uniqueEmail, type TestUser } from "./clients";
import { runSql } from "./sql";
import type { TestStackInfo } from "./test-stack";

export const TENANT_COLUMN = "organization_id";

export const tableKey = (table: { schema: string; name: string }) =>
  `${table.schema}.${table.name}`;

export const unique = () => randomUUID().slice(0, 8);

export interface Users {
  owner: TestUser;
  admin: TestUser;
  member: TestUser;
  outsider: TestUser;
  bystander: TestUser;
  newcomer: TestUser;
}

export async function signUpUsers(stack: TestStackInfo): Promise<Users> {
  const labels = ["owner", "admin", "member", "outsider", "bystander", "newcomer"] as const;
  const users = await Promise.all(
    labels.map((label) => signUpUser(stack, uniqueEmail(`attack-${label}`))),
  );
  return Object.fromEntries(labels.map((label, i) => [label, users[i]])) as unknown as Users;
}

const plain = (user: TestUser): FixtureUser => ({ id: user.id, email: user.email });

export class Matrix {
  constructor(
    readonly stack: TestStackInfo,
    readonly catalog: CatalogSnapshot,
    readonly users: Users,
  ) {}

  sql = <Row = Record<string, unknown>>(query: string) => runSql<Row>(this.stack, query);

  client(actor: Actor): SupabaseClient {
    return actor === "anon" ? anonClient(this.stack) : this.users[actor].client;
  }

  /** The catalog entry of a table the spec names. */
  table(key: string): CatalogTable {
    const table = this.catalog.tables.find((t) => tableKey(t) === key);
    if (!table) throw new Error(`${key} is not in the catalog`);
    return table;
  }

  primaryKey(key: string): string {
    const pk = this.table(key).primaryKey ?? [];
    if (pk.length !== 1)
      throw new Error(`${key}: the attack matrix needs a single-column primary key`);
    return pk[0]!;
  }

  isTenantTable(key: string) {
    return this.table(key).columns.some((column) => column.name === TENANT_COLUMN);
  }

  /**
   * Columns authenticated may read: "*" with a table-level SELECT, else the granted
   * columns (hosted Supabase refuses select=* when one column is not granted).
   */
  readable(key: string): string {
    const grants = this.table(key).grants.filter(
      (g) => g.grantee === "authenticated" && g.privilege === "SELECT",
    );
    if (grants.some((g) => g.column === null)) return "*";
    const columns = grants.map((g) => g.column).filter((c): c is string => Boolean(c));
    return columns.length > 0 ? columns.join(",") : this.primaryKey(key);
  }

  /** Tables of the catalog that have a spec, in spec order (seeds may depend on earlier ones). */
  specifiedTables(): string[] {
    const present = new Set(this.catalog.tables.map(tableKey));
    return Object.keys(TABLES).filter((key) => present.has(key));
  }

  /**
   * A new workspace: the owner, an admin, a member (workspace A's shape), or with
   * `owner: "outsider"` the outsider as owner (workspace B's shape); the bystander
   * as a plain member either way; then one seeded row of every specified table.
   */
  async workspace(shape: "A" | "B"): Promise<Workspace> {
    const { users } = this;
    const slug = `attack-${shape.toLowerCase()}-${unique()}`;
    const owner = shape === "A" ? users.owner : users.outsider;
    const members: [TestUser, string][] =
      shape === "A"
        ? [
            [users.owner, "owner"],
            [users.admin, "admin"],
            [users.member, "member"],
            [users.bystander, "member"],
          ]
        : [
            [users.outsider, "owner"],
            [users.bystander, "member"],
          ];
    // On Pro: Free's 3 seats would refuse the fourth member (plan limits have their
    // own attacks, tests/integration/plans.test.ts).
    const [org] = await this.sql<{ id: string }>(
      `insert into public.organizations (name, slug) values (${lit(`Attack ${shape}`)}, ${lit(slug)})
       returning id`,
    );
    if (!org) throw new Error("could not create a workspace");
    await this.sql(
      `select public.change_workspace_plan(${lit(org.id)}, 'pro');
       insert into public.organization_members (organization_id, user_id, role)
       select ${lit(org.id)}::uuid, m.user_id::uuid, m.role::public.org_role from
         (values ${members.map(([user, role]) => `(${lit(user.id)}, ${lit(role)})`).join(", ")})
           as m(user_id, role)`,
    );
    const w: Workspace = {
      id: org.id,
      slug,
      users: {
        owner: plain(owner),
        admin: shape === "A" ? plain(users.admin) : undefined,
        member: shape === "A" ? plain(users.member) : undefined,
        bystander: plain(users.bystander),
        newcomer: plain(users.newcomer),
      },
      rows: {},
      sql: this.sql,
      unique,
    };
    for (const key of this.specifiedTables()) w.rows[key] = await TABLES[key]!.seed(w);
    return w;
  }

  scope(key: string, w: Workspace): string {
    const scope = TABLES[key]?.scope ?? `t.${TENANT_COLUMN} = :org`;
    return scope.replaceAll(":org", `${lit(w.id)}::uuid`);
  }

  /**
   * What is in the workspace, table by table: a fingerprint of its rows, and the
   * table's total row count (an insert that lands elsewhere still shows).
   */
  async state(w: Workspace, keys = this.specifiedTables()): Promise<Record<string, string>> {
    const parts = keys.map(
      (key) =>
        `select ${lit(key)} as key,
           (select count(*) from ${key})::text || ':' ||
           (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${key} t where ${this.scope(key, w)}) as state`,
    );
    const rows = await this.sql<{ key: string; state: string }>(parts.join("\nunion all\n"));
    return Object.fromEntries(rows.map((row) => [row.key, row.state]));
  }

  /** The tables whose state differs. */
  static changed(before: Record<string, string>, after: Record<string, string>): string[] {
    return Object.keys(before).filter((key) => before[key] !== after[key]);
  }

  /** Every value of workspace A that another workspace's user must never see. */
  secrets(w: Workspace): string[] {
    const values = [w.id, w.slug];
    for (const user of [w.users.owner, w.users.admin, w.users.member])
      if (user) values.push(user.id, user.email);
    for (const [key, row] of Object.entries(w.rows)) {
      const pk = row[this.primaryKey(key)];
      if (pk !== undefined && pk !== null) values.push(String(pk));
    }
    return values;
  }

  /** Which of A's secrets a response body contains, as a whole value anywhere in it. */
  static leaks(body: unknown, secrets: string[]): string[] {
    const values = new Set<string>();
    const walk = (value: unknown) => {
      if (value === null || value === undefined) return;
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === "object") Object.values(value).forEach(walk);
      else values.add(String(value));
    };
    walk(body);
    return secrets.filter((secret) => values.has(secret));
  }
}

// ─────────────────────────────────────────────────────────────────────────────────
// Attempts
// ─────────────────────────────────────────────────────────────────────────────────

export interface Observation {
  effect: boolean;
  response: { error: { code?: string; message: string } | null; data?: unknown };
  /** For the failure message. */
  detail?: string;
}

const tableName = (key: string) => key.split(".")[1]!;

/** Runs `verb` as `client` against the seeded row of `key` in workspace `w`, and observes the effect. */
export async function attempt(
  matrix: Matrix,
  key: string,
  verb: Verb,
  client: SupabaseClient,
  actor: { id: string | null; isMember: boolean },
  w: Workspace,
): Promise<Observation> {
  const spec = TABLES[key]!;
  const pk = matrix.primaryKey(key);
  const row = w.rows[key]!;
  const from = client.from(tableName(key));

  if (verb === "select") {
    const response = await from.select(pk).eq(pk, row[pk] as string);
    const data = (response.data ?? []) as unknown as Record<string, unknown>[];
    const effect = !response.error && data.some((r) => String(r[pk]) === String(row[pk]));
    return { effect, response };
  }

  const before = await matrix.state(w, [key]);
  let response: Observation["response"];
  if (verb === "insert") {
    const body = {
      ...(matrix.isTenantTable(key) ? { [TENANT_COLUMN]: w.id } : {}),
      ...spec.insert(w, actor),
    };
    response = await from.insert(body);
  } else if (verb === "update") {
    response = await from.update(spec.patch(w)).eq(pk, row[pk] as string);
  } else if (verb === "delete") {
    response = await from.delete().eq(pk, row[pk] as string);
  } else {
    // The full current row (what an attacker who could read it would send), changed.
    const [current] = await matrix.sql<{ row: Record<string, unknown> }>(
      `select to_jsonb(t) as row from ${key} t where t.${pk} = ${lit(row[pk])}`,
    );
    response = await from.upsert({ ...current?.row, ...spec.patch(w) }, { onConflict: pk });
  }
  const after = await matrix.state(w, [key]);
  return { effect: Matrix.changed(before, after).length > 0, response };
}

export type Outcome = Verdict | "allow, but the API reported an error";

/** An effect that happened while the API reported an error matches no expectation. */
export function outcomeOf({ effect, response }: Observation): Outcome {
  if (!effect) return "deny";
  return response.error ? "allow, but the API reported an error" : "allow";
}

export const summarize = (response: Observation["response"]) =>
  JSON.stringify({
    error: response.error && { code: response.error.code, message: response.error.message },
    data: response.data,
  }).slice(0, 600);
