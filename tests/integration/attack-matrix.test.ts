/**
 * The attack matrix, generated from the live catalog.
 *
 * Every table of the exposed schemas and every function `authenticated` may execute
 * is found in the catalog (read before the first API request, tests/integration/
 * global-setup.ts) and attacked through the real HTTP API, as real signed-up users:
 *
 *   1. actor x verb: anon, another workspace's owner, member, admin and owner of
 *      workspace A try select / insert / update / delete / upsert on A's rows and call
 *      each RPC with A's ids; expected outcomes are the data in tests/access-specs.ts.
 *      Control: the outsider in their own workspace B gets what A's owner gets in A.
 *   2. the attacks people get wrong, by the outsider: filtering by A's ids, or=
 *      filters, count=exact, embedding related tables, moving a row into A.
 *   3. "RLS alone": the cross-workspace cells again with every table privilege
 *      granted to anon and authenticated (as Supabase Lite does, or as a migration
 *      that forgot its revokes would leave it): policies alone must still hold.
 *
 *   4. schema private: every function of it (helpers, triggers), read from the live
 *      catalog, called as /rest/v1/rpc/<name> by anon and by workspace A's owner, is
 *      "not found" and changes nothing; asking for the schema by name is refused.
 *
 * A table or RPC without a spec fails "every table and RPC has an access spec".
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ACTORS,
  CATALOG_TABLES,
  expectedVerdict,
  missingSpecMessage,
  RPCS,
  TABLES,
  VERBS,
  type Actor,
  type RpcResponse,
  type Verb,
  type Verdict,
  type Workspace,
} from "../access-specs";
import { grantEverything, restoreApiPrivileges } from "../support/api-grants";
import {
  attempt,
  Matrix,
  outcomeOf,
  signUpUsers,
  summarize,
  tableKey,
  TENANT_COLUMN,
  type Observation,
} from "../support/attack-matrix";
import { runSql } from "../support/sql";

const stack = inject("stack");
const catalog = inject("catalog");
const privateCatalog = inject("privateCatalog");
const apiPrivileges = inject("apiPrivileges");

const tableKeys = catalog.tables.map(tableKey);
const rpcKeys = catalog.functions
  .filter(
    (fn) =>
      (fn.executableBy.includes("authenticated") || fn.executableBy.includes("PUBLIC")) &&
      fn.returns !== "trigger",
  )
  .map((fn) => `${fn.schema}.${fn.name}(${fn.args})`);
const specTables = tableKeys.filter((key) => TABLES[key]);
const specRpcs = rpcKeys.filter((key) => RPCS[key]);

let matrix: Matrix;
/** Workspace A (the target) and B (the outsider's own), standing for read-only attacks. */
let A: Workspace;
let B: Workspace;

beforeAll(async () => {
  matrix = new Matrix(stack, catalog, await signUpUsers(stack));
  A = await matrix.workspace("A");
  B = await matrix.workspace("B");
}, 120_000);

const actorInfo = (actor: Actor, on: "A" | "B") => ({
  id: actor === "anon" ? null : matrix.users[actor].id,
  isMember: on === "B" ? actor === "outsider" : ["member", "admin", "owner"].includes(actor),
});

describe("every table and RPC has an access spec", () => {
  it("the catalog lists the tables and RPCs (the generator has something to attack)", () => {
    expect(tableKeys).toEqual(expect.arrayContaining(["public.organizations", "public.projects"]));
    expect(rpcKeys).toEqual(
      expect.arrayContaining(["public.create_organization(name text, slug text)"]),
    );
  });

  it.each(tableKeys)("table %s", (key) => {
    if (!TABLES[key] && !CATALOG_TABLES[key]) throw new Error(missingSpecMessage("table", key));
  });

  it.each(rpcKeys)("rpc %s", (key) => {
    if (!RPCS[key]) throw new Error(missingSpecMessage("rpc", key));
  });

  it("no spec is stale (every spec names an existing table or callable RPC)", () => {
    const stale = [
      ...[...Object.keys(TABLES), ...Object.keys(CATALOG_TABLES)].filter(
        (key) => !tableKeys.includes(key),
      ),
      ...Object.keys(RPCS).filter((key) => !rpcKeys.includes(key)),
    ];
    expect(
      stale,
      `tests/access-specs.ts has entries for objects the catalog does not have (renamed, dropped, or execute revoked): remove or rename them`,
    ).toEqual([]);
  });
});

// ─── 1. actor x verb ─────────────────────────────────────────────────────────────

interface TableCell {
  key: string;
  verb: Verb;
  actor: Actor;
  on: "A" | "B";
  expect: Verdict;
}

const tableCells: TableCell[] = specTables.flatMap((key) =>
  VERBS.flatMap((verb) => {
    const who = TABLES[key]!.may[verb];
    return [
      ...ACTORS.map((actor): TableCell => ({
        key,
        verb,
        actor,
        on: "A",
        expect: expectedVerdict(who, actor),
      })),
      { key, verb, actor: "outsider", on: "B", expect: expectedVerdict(who, "owner") },
    ];
  }),
);

async function runTableCell(cell: TableCell): Promise<Observation> {
  // Reads use the standing workspaces; every write gets a fresh one, so no cell
  // depends on what another cell did.
  const w = cell.verb === "select" ? (cell.on === "A" ? A : B) : await matrix.workspace(cell.on);
  return attempt(
    matrix,
    cell.key,
    cell.verb,
    matrix.client(cell.actor),
    actorInfo(cell.actor, cell.on),
    w,
  );
}

describe("tables: every actor tries every verb on workspace A's rows", () => {
  it.each(tableCells)("$key $verb by $actor on $on: $expect", async (cell) => {
    const observation = await runTableCell(cell);
    expect(
      outcomeOf(observation),
      `${cell.actor} ${cell.verb} on ${cell.key} in workspace ${cell.on}; API said ${summarize(observation.response)}`,
    ).toBe(cell.expect);
  });
});

interface RpcCell {
  key: string;
  actor: Actor;
  on: "A" | "B";
  expect: Verdict;
}

const rpcCells: RpcCell[] = specRpcs.flatMap((key) => {
  const who = RPCS[key]!.may;
  return [
    ...ACTORS.map((actor): RpcCell => ({
      key,
      actor,
      on: "A",
      expect: expectedVerdict(who, actor),
    })),
    { key, actor: "outsider", on: "B", expect: expectedVerdict(who, "owner") },
  ];
});

describe("RPCs: every actor calls every RPC with workspace A's ids", () => {
  it.each(rpcCells)("$key by $actor on $on: $expect", async (cell) => {
    const spec = RPCS[cell.key]!;
    const w = await matrix.workspace(cell.on);
    const fn = cell.key.slice(cell.key.indexOf(".") + 1, cell.key.indexOf("("));
    const before = await matrix.state(w);
    const response = (await matrix.client(cell.actor).rpc(fn, spec.args(w))) as RpcResponse;
    const changed = Matrix.changed(before, await matrix.state(w));
    const effect = spec.effect === "writes" ? changed.length > 0 : await spec.effect(response, w);
    const message = `${cell.actor} calls ${cell.key} in workspace ${cell.on}; changed: [${changed.join(", ")}]; API said ${summarize(response)}`;
    expect(outcomeOf({ effect, response }), message).toBe(cell.expect);
    // A refused call leaves the workspace as it was, whatever kind of RPC it is.
    if (cell.expect === "deny") expect(changed, message).toEqual([]);
  });
});

// ─── 2. the attacks people get wrong ────────────────────────────────────────────

/** The relationships between specified tables: PostgREST can embed along each foreign key, both ways. */
const relations = specTables.flatMap((key) =>
  catalog.tables
    .find((t) => tableKey(t) === key)!
    .foreignKeys.filter((fk) => specTables.includes(fk.referencedTable))
    .map((fk) => ({ from: key, to: fk.referencedTable, fk: fk.name })),
);
const name = (key: string) => key.split(".")[1]!;

describe("attacks by a user of another workspace (the outsider, owner of B)", () => {
  const outsider = () => matrix.client("outsider");
  const noLeak = (body: unknown, what: string) =>
    expect(Matrix.leaks(body, matrix.secrets(A)), `${what} returned workspace A's data`).toEqual(
      [],
    );

  /** Filters that name A's rows: A's tenant id, the seeded row's primary key. */
  const foreignFilters = (key: string): [string, string][] => {
    const pk = matrix.primaryKey(key);
    const filters: [string, string][] = [[pk, String(A.rows[key]![pk])]];
    if (matrix.isTenantTable(key)) filters.push([TENANT_COLUMN, A.id]);
    return filters;
  };

  describe.each(specTables)("%s", (key) => {
    it("filtering by workspace A's ids returns nothing", async () => {
      for (const [column, value] of foreignFilters(key)) {
        const { data, error } = await outsider()
          .from(name(key))
          .select(matrix.readable(key))
          .eq(column, value);
        expect(error, `${column}=eq.${value}`).toBeNull();
        expect(data, `${column}=eq.${value}`).toEqual([]);
      }
    });

    it("or= filters naming workspace A return nothing of A", async () => {
      const [own] = await runSql<{ pk: string }>(
        stack,
        `select ${matrix.primaryKey(key)}::text as pk from ${key} t where ${matrix.scope(key, B)} limit 1`,
      );
      const alternatives = [
        ...foreignFilters(key).map(([column, value]) => `${column}.eq.${value}`),
        ...(own ? [`${matrix.primaryKey(key)}.eq.${own.pk}`] : []),
      ];
      const response = await outsider()
        .from(name(key))
        .select(matrix.readable(key))
        .or(alternatives.join(","));
      expect(response.error, alternatives.join(",")).toBeNull();
      noLeak(response.data, `or=(${alternatives.join(",")})`);
    });

    it("count=exact counts only what the outsider may read", async () => {
      const pk = matrix.primaryKey(key);
      for (const [column, value] of foreignFilters(key)) {
        const filtered = await outsider()
          .from(name(key))
          .select(pk, { count: "exact", head: true })
          .eq(column, value);
        expect(filtered.error).toBeNull();
        expect(filtered.count, `count with ${column}=eq.${value}`).toBe(0);
      }
      const listed = await outsider().from(name(key)).select(matrix.readable(key));
      const counted = await outsider().from(name(key)).select(pk, { count: "exact", head: true });
      expect(listed.error).toBeNull();
      noLeak(listed.data, "the unfiltered list");
      expect(counted.count, "the unfiltered count").toBe(listed.data?.length);
    });

    const embeds = relations.filter((r) => r.from === key || r.to === key);
    it.runIf(embeds.length > 0)(
      "embedding related tables (select=*,other(*)) returns nothing of A",
      async () => {
        for (const r of embeds) {
          const other = r.from === key ? r.to : r.from;
          const select = `${matrix.readable(key)},${name(other)}!${r.fk}(${matrix.readable(other)})`;
          const response = await outsider().from(name(key)).select(select);
          expect(response.error, select).toBeNull();
          noLeak(response.data, `select=${select}`);

          // !inner with a filter on the embedded table's id: the classic way to probe.
          const otherRow = A.rows[other]!;
          const otherPk = matrix.primaryKey(other);
          const probe = `${matrix.primaryKey(key)},${name(other)}!${r.fk}!inner(${otherPk})`;
          const probed = await outsider()
            .from(name(key))
            .select(probe)
            .eq(`${name(other)}.${otherPk}`, String(otherRow[otherPk]));
          expect(probed.error, probe).toBeNull();
          expect(probed.data, `${probe} filtered on A's ${other}`).toEqual([]);
        }
      },
    );
  });

  describe.each(specTables.filter((key) => key !== "public.organizations"))("%s", (key) => {
    it.runIf(matrixIsTenant(key))(
      "moving the outsider's own row into workspace A is refused",
      async () => {
        await expectNotMoved(key, A.id);
      },
    );
    it.runIf(matrixIsTenant(key))(
      "moving a row between two workspaces the outsider owns is refused",
      async () => {
        const other = await matrix.workspace("B");
        await expectNotMoved(key, other.id);
      },
    );
  });
});

function matrixIsTenant(key: string) {
  return catalog.tables
    .find((t) => tableKey(t) === key)!
    .columns.some((c) => c.name === TENANT_COLUMN);
}

/** The outsider tries update and upsert to set organization_id of a fresh row of their own. */
async function expectNotMoved(key: string, destination: string) {
  for (const how of ["update", "upsert"] as const) {
    const own = await matrix.workspace("B");
    const pk = matrix.primaryKey(key);
    const row = own.rows[key]!;
    const client = matrix.client("outsider").from(name(key));
    let response;
    if (how === "update") {
      response = await client.update({ [TENANT_COLUMN]: destination }).eq(pk, row[pk] as string);
    } else {
      const [current] = await runSql<{ row: Record<string, unknown> }>(
        stack,
        `select to_jsonb(t) as row from ${key} t where t.${pk} = '${String(row[pk])}'`,
      );
      response = await client.upsert(
        { ...current?.row, [TENANT_COLUMN]: destination },
        { onConflict: pk },
      );
    }
    const [now] = await runSql<{ org: string }>(
      stack,
      `select ${TENANT_COLUMN}::text as org from ${key} where ${pk} = '${String(row[pk])}'`,
    );
    expect(now?.org, `${how} of ${key}.${TENANT_COLUMN}; API said ${summarize(response)}`).toBe(
      own.id,
    );
    const [landed] = await runSql<{ n: number }>(
      stack,
      `select count(*)::int as n from ${key} where ${TENANT_COLUMN} = '${destination}' and ${pk} = '${String(row[pk])}'`,
    );
    expect(landed?.n, `${how}: a copy of the row landed in the destination`).toBe(0);
  }
}

// ─── 3. RLS alone ────────────────────────────────────────────────────────────────

describe("RLS alone: cross-workspace cells with every table privilege granted", () => {
  beforeAll(async () => {
    await grantEverything((sql) => runSql(stack, sql));
  });
  afterAll(async () => {
    await restoreApiPrivileges((sql) => runSql(stack, sql), apiPrivileges);
  });

  it.each(
    tableCells.filter((cell) => cell.on === "A" && ["anon", "outsider"].includes(cell.actor)),
  )("$key $verb by $actor on A: $expect", async (cell) => {
    const observation = await runTableCell(cell);
    expect(
      outcomeOf(observation),
      `${cell.actor} ${cell.verb} on ${cell.key} with every privilege granted; API said ${summarize(observation.response)}`,
    ).toBe(cell.expect);
  });

  it.each(specTables.filter((key) => key !== "public.organizations" && matrixIsTenant(key)))(
    "%s: moving the outsider's own row into workspace A is refused",
    async (key) => {
      await expectNotMoved(key, A.id);
    },
  );
});

// ─── 4. schema private is not part of the API ───────────────────────────────────

const privateFunctions = privateCatalog.functions.map((fn) => ({
  key: `private.${fn.name}(${fn.args})`,
  fn,
}));

/** Arguments a real call would send: A's id for every uuid, plausible values otherwise. */
function privateArgs(identityArgs: string, w: Workspace): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const declaration of identityArgs.split(",").map((part) => part.trim())) {
    const [argName, ...type] = declaration.split(/\s+/);
    if (!argName) continue;
    const typeName = type.join(" ");
    args[argName] = typeName.endsWith("[]")
      ? ["owner", "admin", "member"]
      : typeName === "uuid"
        ? w.id
        : typeName === "bigint" || typeName === "integer"
          ? 1
          : "x";
  }
  return args;
}

describe("schema private: no helper or trigger function is an API endpoint", () => {
  it("the catalog lists private's functions (the RLS helpers and the trigger functions)", () => {
    expect(privateFunctions.map(({ key }) => key)).toEqual(
      expect.arrayContaining([
        "private.get_user_org_ids()",
        "private.has_org_role(org uuid, roles text[])",
        "private.guard_tenant_row()",
        "private.audit_tenant_change()",
      ]),
    );
  });

  const cells = privateFunctions.flatMap(({ key, fn }) =>
    (["anon", "owner"] as const).map((actor) => ({ key, fn, actor })),
  );

  it.each(cells)(
    "POST /rest/v1/rpc/$fn.name as $actor: not found, no effect",
    async ({ fn, actor }) => {
      const before = await matrix.state(A);
      const client = matrix.client(actor);
      const response = (await client.rpc(fn.name, privateArgs(fn.args, A))) as RpcResponse & {
        status: number;
      };
      const message = `${actor} calls /rest/v1/rpc/${fn.name}; API said ${summarize(response)}`;
      expect(response.status, message).toBe(404);
      expect(response.error?.code, message).toBe("PGRST202");
      expect(Matrix.leaks(response.data, matrix.secrets(A)), message).toEqual([]);
      // Naming the schema (Content-Profile: private) is refused too: it is not exposed.
      const named = (await client
        .schema("private")
        .rpc(fn.name, privateArgs(fn.args, A))) as RpcResponse & { status: number };
      const namedMessage = `${actor} calls private.${fn.name} with Content-Profile: private; API said ${summarize(named)}`;
      expect(named.status, namedMessage).toBe(406);
      expect(named.error?.code, namedMessage).toBe("PGRST106");
      expect(Matrix.changed(before, await matrix.state(A)), message).toEqual([]);
    },
  );
});

// ─── Catalog tables: everyone signed in reads, nobody writes ────────────────────────

describe.each(Object.keys(CATALOG_TABLES).filter((key) => tableKeys.includes(key)))(
  "catalog table %s",
  (key) => {
    const spec = () => CATALOG_TABLES[key]!;
    const state = async () =>
      (
        await runSql<{ state: string }>(
          stack,
          `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as state from ${key} t`,
        )
      )[0]!.state;

    it("anon reads nothing; a signed-in user of any workspace reads it", async () => {
      const anon = await matrix.client("anon").from(name(key)).select("*");
      expect(anon.data ?? []).toEqual([]);
      for (const actor of ["outsider", "member", "owner"] as const) {
        const { data, error } = await matrix.client(actor).from(name(key)).select("*");
        expect(error, actor).toBeNull();
        expect(data?.length ?? 0, `${actor} reads ${key}`).toBeGreaterThan(0);
      }
    });

    it.each(ACTORS)("%s can neither insert, update, delete nor upsert a row", async (actor) => {
      const before = await state();
      const table = () => matrix.client(actor).from(name(key));
      // Every row: a filter that matches all of them (PostgREST refuses an unfiltered update).
      const everyRow = Object.keys(spec().insert)[0]!;
      await table().insert(spec().insert);
      await table().upsert(spec().insert);
      await table().update(spec().patch).not(everyRow, "is", null);
      await table().delete().not(everyRow, "is", null);
      expect(await state(), `${actor} changed ${key}`).toBe(before);
    });
  },
);
