/**
 * The action wrappers, with Next.js and Supabase replaced: what a form gets back on
 * invalid input, on a coded failure and on success, and what is revalidated.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const calls = vi.hoisted(() => ({
  revalidated: [] as string[],
  workspaceSlugs: [] as string[],
  platformAdmin: false,
}));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  revalidatePath: (path: string) => calls.revalidated.push(path),
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`REDIRECT ${to}`);
  },
}));
vi.mock("@/lib/supabase/server", () => ({ createClient: async () => ({ fake: "client" }) }));
vi.mock("@/lib/auth/session", () => ({
  requireUser: async () => ({ id: "u1", email: "ann@test.example" }),
}));
vi.mock("@/lib/admin/guard", () => ({
  requirePlatformAdmin: async () => {
    if (!calls.platformAdmin) throw new Error("NOT_FOUND");
    return { id: "op1", email: "ops@test.example" };
  },
}));
vi.mock("@/lib/workspaces/context", () => ({
  requireWorkspace: async (slug: string) => {
    calls.workspaceSlugs.push(slug);
    return {
      user: { id: "u1", email: "ann@test.example" },
      workspace: { id: "w1", name: "Acme", slug, role: "admin", membersCanViewActivity: false },
    };
  },
}));

const { fail, formAction, ok, operatorAction, redirectTo, workspaceAction } =
  await import("@/lib/actions/safe-action");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;

beforeEach(() => {
  calls.revalidated = [];
  calls.workspaceSlugs = [];
  calls.platformAdmin = false;
});

describe("operatorAction", () => {
  const suspend = operatorAction(
    { schema: z.object({ reason: z.string().min(1, "Say why.") }) },
    async ({ data, operator }) => ok(`${operator.email}: ${data.reason}`),
  );

  it("is a 404 for anyone who is not a platform admin, before reading the form", async () => {
    await expect(suspend(idle, form({ reason: "abuse" }))).rejects.toThrow("NOT_FOUND");
    expect(calls.revalidated).toEqual([]);
  });

  it("runs the body as the operator and revalidates the console", async () => {
    calls.platformAdmin = true;
    expect(await suspend(idle, form({ reason: "abuse" }))).toEqual({
      status: "success",
      message: "ops@test.example: abuse",
    });
    expect(calls.revalidated).toEqual(["/admin"]);
    expect(await suspend(idle, form({ reason: "" }))).toMatchObject({
      status: "error",
      fieldErrors: { reason: "Say why." },
    });
  });
});

describe("workspaceAction", () => {
  const rename = workspaceAction(
    { schema: z.object({ name: z.string().min(1, "Give it a name.") }), revalidate: "workspace" },
    async ({ data, workspace, supabase }) => {
      expect(supabase).toEqual({ fake: "client" });
      if (data.name === "taken") return fail({ message: "slug_taken", code: "23505" });
      if (data.name === "odd") return fail({ message: "odd_code" }, "project_not_created");
      if (data.name === "away") return redirectTo(`/w/${workspace.slug}/elsewhere`);
      return ok(`Renamed to ${data.name} in ${workspace.name}.`);
    },
  );

  it("resolves the workspace from the slug, runs the body and revalidates the workspace", async () => {
    const state = await rename("acme", idle, form({ name: "Roadmap" }));
    expect(state).toEqual({ status: "success", message: "Renamed to Roadmap in Acme." });
    expect(calls.workspaceSlugs).toEqual(["acme"]);
    expect(calls.revalidated).toEqual(["/w/acme"]);
  });

  it("returns zod's field errors with the typed values, passwords left out, and changes nothing", async () => {
    const state = await rename("acme", idle, form({ name: "", password: "secret" }));
    expect(state).toEqual({
      status: "error",
      message: "Check the highlighted fields.",
      fieldErrors: { name: "Give it a name." },
      values: { name: "" },
    });
    expect(calls.revalidated).toEqual([]);
  });

  it("maps a coded database error through the one table, onto its field", async () => {
    const state = await rename("acme", idle, form({ name: "taken", currentPassword: "x" }));
    expect(state).toEqual({
      status: "error",
      message: "That URL is taken.",
      fieldErrors: { slug: "Another workspace already uses this URL. Try another one." },
      values: { name: "taken" },
    });
    expect(calls.revalidated).toEqual([]);
  });

  it("shows the action's own fallback for a code the table does not know", async () => {
    const state = await rename("acme", idle, form({ name: "odd" }));
    expect(state.message).toBe("The project could not be created. Try again.");
  });

  it("revalidates before it redirects", async () => {
    await expect(rename("acme", idle, form({ name: "away" }))).rejects.toThrow(
      "REDIRECT /w/acme/elsewhere",
    );
    expect(calls.revalidated).toEqual(["/w/acme"]);
  });
});

describe("formAction", () => {
  it("validates and runs without a user or workspace", async () => {
    const action = formAction({ schema: z.object({ email: z.email() }) }, async ({ data }) =>
      ok(`Sent to ${data.email}.`),
    );
    expect(await action(idle, form({ email: "a@b.co" }))).toEqual({
      status: "success",
      message: "Sent to a@b.co.",
    });
    expect(calls.workspaceSlugs).toEqual([]);
    expect(calls.revalidated).toEqual([]);
  });
});
