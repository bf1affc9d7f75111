/**
 * Abuse by request shape (docs/security.md): one tenant's request must not take the
 * local stack down for everyone, nor hold it long enough to starve other tenants.
 * Also the stack's side doors: Lite's diagnostics and the mail inbox.
 */
import { get as httpGet } from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  anonClient,
  createWorkspace,
  setPlan,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestUser,
} from "../support/clients";
import { runSql } from "../support/sql";

const stack = inject("stack");

const restHeaders = (user: TestUser) => ({
  apikey: stack.publishableKey,
  authorization: `Bearer ${user.accessToken}`,
  "content-type": "application/json",
});

/** The stack still signs users in and serves reads, for the service role and for a user. */
async function expectStackServes(user: TestUser) {
  const signIn = await anonClient(stack).auth.signInWithPassword({
    email: user.email,
    password: "test-password-1",
  });
  expect(signIn.error?.message ?? null).toBeNull();
  const { data: organizations, error } = await serviceClient(stack)
    .from("organizations")
    .select("id");
  expect(error).toBeNull();
  expect(organizations!.length).toBeGreaterThan(0);
  const mine = await user.client.from("organizations").select("id");
  expect(mine.data).toHaveLength(1);
}

describe("bulk writes", () => {
  let mallory: TestUser;
  let orgId: string;

  beforeAll(async () => {
    mallory = await signUpUser(stack, uniqueEmail("mallory"));
    orgId = (await createWorkspace(mallory, "Mallory", `mallory-${Date.now().toString(36)}`)).id;
    // Unlimited projects: these stories are about request size, not plan limits.
    await setPlan(stack, orgId, "enterprise");
  });

  it("refuses 20,000 rows of the caller's own workspace with 413, and keeps serving everyone", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      organization_id: orgId,
      name: `p${i}`,
    }));
    const response = await fetch(`${stack.url}/rest/v1/projects`, {
      method: "POST",
      headers: { ...restHeaders(mallory), prefer: "return=minimal" },
      body: JSON.stringify(rows),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "request_too_large" });
    const counted = await runSql<{ count: number | string }>(
      stack,
      `select count(*) as count from public.projects where organization_id = '${orgId}'`,
    );
    expect(Number(counted[0]?.count)).toBe(0);
    await expectStackServes(mallory);
  });

  it("refuses a body over 1 MB with 413, even without a Content-Length", async () => {
    const name = "x".repeat(2 * 1024 * 1024);
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode(JSON.stringify({ organization_id: orgId, name })),
        );
        controller.close();
      },
    });
    const response = await fetch(`${stack.url}/rest/v1/projects`, {
      method: "POST",
      headers: restHeaders(mallory),
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    await expectStackServes(mallory);
  });

  it("passes requests without a body on (a DELETE)", async () => {
    const { data: created } = await mallory.client
      .from("projects")
      .insert({ organization_id: orgId, name: "to delete" })
      .select("id")
      .single();
    const { error, count } = await mallory.client
      .from("projects")
      .delete({ count: "exact" })
      .eq("id", created!.id);
    expect(error).toBeNull();
    expect(count).toBe(1);
  });

  it("still takes a batch within the limits", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      organization_id: orgId,
      name: `ok${i}`,
    }));
    const response = await fetch(`${stack.url}/rest/v1/projects`, {
      method: "POST",
      headers: { ...restHeaders(mallory), prefer: "return=minimal" },
      body: JSON.stringify(rows),
    });
    expect(response.status).toBe(201);
    await expectStackServes(mallory);
  });
});

describe("embeds and statement time", () => {
  let mallory: TestUser;
  let bystander: TestUser;

  beforeAll(async () => {
    mallory = await signUpUser(stack, uniqueEmail("mallory-embed"));
    const org = await createWorkspace(mallory, "Embeds", `embeds-${Date.now().toString(36)}`);
    await setPlan(stack, org.id, "enterprise");
    const rows = Array.from({ length: 200 }, (_, i) => ({
      organization_id: org.id,
      name: `e${i}`,
    }));
    const { error } = await mallory.client.from("projects").insert(rows);
    expect(error).toBeNull();
    bystander = await signUpUser(stack, uniqueEmail("bystander"));
    await createWorkspace(bystander, "Bystander", `bystander-${Date.now().toString(36)}`);
  });

  it("refuses an embed that returns to the table it came from, at any depth, with 400", async () => {
    const attack = mallory.client
      .from("projects")
      .select("id,organizations(id,projects(id,organizations(id,projects(id))))")
      .limit(1);
    const short = mallory.client.from("projects").select("id,organizations(id,projects(id))");
    // The bystander's read, sent at the same moment, is answered as usual.
    const [deep, cycle, read] = await Promise.all([
      attack,
      short,
      bystander.client.from("organizations").select("id"),
    ]);
    expect(deep.status).toBe(400);
    expect(deep.error?.code).toBe("embed_too_deep");
    expect(cycle.status).toBe(400);
    expect(cycle.error?.code).toBe("embed_cycle");
    expect(read.error).toBeNull();
    expect(read.data).toHaveLength(1);
  });

  it("still serves the embeds the app uses", async () => {
    const { data, error } = await mallory.client
      .from("organization_members")
      .select("role, organizations(id, name, slug)");
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
  });

  it("caps a list at max_rows (1000)", async () => {
    const { data, error } = await serviceClient(stack).from("projects").select("id");
    expect(error).toBeNull();
    expect(data!.length).toBeLessThanOrEqual(1000);
  });

  it("gives anon and authenticated the hosted statement timeouts, in the catalog", async () => {
    const rows = await runSql<{ rolname: string; timeout: string | null }>(
      stack,
      `select r.rolname,
              (select split_part(c, '=', 2) from unnest(s.setconfig) c where c like 'statement_timeout=%') as timeout
         from pg_roles r
         left join pg_db_role_setting s on s.setrole = r.oid and s.setdatabase = 0
        where r.rolname in ('anon', 'authenticated') order by r.rolname`,
    );
    expect(rows).toEqual([
      { rolname: "anon", timeout: "3s" },
      { rolname: "authenticated", timeout: "8s" },
    ]);
  });

  it.runIf(stack.driver === "postgres")(
    "sets an 8 s statement timeout on the API's connections on the postgres engine",
    async () => {
      // Lite switches roles with `set local role`, which ignores role settings: the
      // stack sets the timeout on its connections (scripts/stack/local-stack.ts). The
      // harness's own SQL lifts it for its transaction (`set local`), so read the
      // connection's value, the one every API request runs with.
      const [row] = await runSql<{ reset_val: string; unit: string }>(
        stack,
        "select reset_val, unit from pg_settings where name = 'statement_timeout'",
      );
      expect(row).toEqual({ reset_val: "8000", unit: "ms" });
    },
  );
});

describe("the stack's side doors", () => {
  it.each(["/_system/config", "/_system/info", "/_system/introspect"])(
    "refuses %s without the secret key",
    async (path) => {
      const keyless = await fetch(`${stack.url}${path}`);
      expect(keyless.status).toBe(401);
      const publishable = await fetch(`${stack.url}${path}`, {
        headers: { apikey: stack.publishableKey },
      });
      expect(publishable.status).toBe(401);
      const secret = await fetch(`${stack.url}${path}`, { headers: { apikey: stack.secretKey } });
      expect(secret.status).toBe(200);
      await secret.body?.cancel();
    },
  );

  it("lets only this machine's tools and the app read the mail inbox", async () => {
    const tool = await fetch(`${stack.mailUrl}/api/email`);
    expect(tool.status).toBe(200);
    await tool.body?.cancel();

    const app = await fetch(`${stack.mailUrl}/api/email`, {
      headers: { origin: "http://localhost:3000" },
    });
    expect(app.status).toBe(200);
    expect(app.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    await app.body?.cancel();

    const page = await fetch(`${stack.mailUrl}/api/email`, {
      headers: { origin: "https://evil.example" },
    });
    expect(page.status).toBe(403);
    expect(page.headers.get("access-control-allow-origin")).toBeNull();
    await page.body?.cancel();

    // DNS rebinding: a page on a name that resolves to 127.0.0.1 sends its own Host
    // (fetch will not set one, node:http will).
    const { port } = new URL(stack.mailUrl);
    const rebound = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpGet(
        { host: "127.0.0.1", port, path: "/api/email", headers: { host: `evil.example:${port}` } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on("error", reject);
    });
    expect(rebound).toBe(403);
  });
});
