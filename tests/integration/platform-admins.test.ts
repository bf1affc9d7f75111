/**
 * Platform admins (the operator console's staff) are managed by command only:
 * `npm run tenant -- admin add|remove|list` through the service role. A user can
 * neither read the list nor make themselves one; public.is_platform_admin()
 * answers only about the caller.
 */
import { describe, expect, inject, it } from "vitest";
import { runTenantCommand } from "../../scripts/tenant/index";
import { serviceClient, signUpUser, uniqueEmail, type TestUser } from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

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

const isAdmin = async (user: TestUser) => {
  const { data, error } = await user.client.rpc("is_platform_admin");
  expect(error).toBeNull();
  return data;
};

describe("npm run tenant -- admin", () => {
  it("adds a signed-up user once, lists them, and removes them; each change is in the platform log", async () => {
    const ops = await signUpUser(stack, uniqueEmail("ops"));
    const bystander = await signUpUser(stack, uniqueEmail("bystander"));
    expect(await isAdmin(ops)).toBe(false);

    expect(await tenant("admin", "add", ops.email.toUpperCase())).toEqual({
      code: 0,
      output: `✓ ${ops.email} is now a platform admin (the console is at /admin).`,
    });
    expect(await isAdmin(ops)).toBe(true);
    expect(await isAdmin(bystander)).toBe(false);
    expect((await tenant("admin", "add", ops.email)).output).toBe(
      `${ops.email} is already a platform admin: nothing changed.`,
    );
    expect((await tenant("admin", "list")).output).toContain(`${ops.email}  (added `);

    expect((await tenant("admin", "remove", ops.email)).output).toBe(
      `✓ ${ops.email} is no longer a platform admin.`,
    );
    expect(await isAdmin(ops)).toBe(false);
    expect((await tenant("admin", "remove", ops.email)).output).toContain("nothing changed");

    const log = await runSql<{ event: string; by: string }>(
      stack,
      `select event, details->>'by' as by from platform.audit_events
       where details->>'user_id' = ${literal(ops.id)} order by id`,
    );
    expect(log).toEqual([
      { event: "platform_admin.added", by: "test-operator" },
      { event: "platform_admin.removed", by: "test-operator" },
    ]);
  });

  it("refuses an unknown address and a malformed one with a clear message", async () => {
    const unknown = await tenant("admin", "add", uniqueEmail("nobody"));
    expect(unknown).toEqual({
      code: 1,
      output: "✗ No account uses that email address. The person must sign up first.",
    });
    const malformed = await tenant("admin", "add", "not-an-email");
    expect(malformed.code).toBe(2);
    expect(malformed.output).toMatch(/^✗ Give the person's email address/);
    expect((await tenant("admin", "promote", "x@y.z")).output).toMatch(/^✗ Unknown admin action/);
    expect((await tenant("frobnicate")).code).toBe(2);
  });

  it("cannot be done or read by a user: the table is unreachable and the RPCs refuse", async () => {
    const attacker = await signUpUser(stack, uniqueEmail("attacker"));
    const add = await attacker.client.rpc("add_platform_admin", {
      email: attacker.email,
      added_by: "me",
    });
    expect(add.error).not.toBeNull();
    expect(await isAdmin(attacker)).toBe(false);
    const list = await attacker.client.rpc("list_platform_admins");
    expect(list.data ?? []).toEqual([]);
    const rows = await runSql(
      stack,
      `select 1 from platform.platform_admins where user_id = ${literal(attacker.id)}`,
    );
    expect(rows).toEqual([]);
  });
});
