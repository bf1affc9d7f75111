import { describe, expect, inject, it } from "vitest";
import { anonClient, createWorkspace, signUpUser, uniqueEmail } from "../support/clients";

describe("local stack", () => {
  const stack = inject("stack");

  it("signs up a user who can create a workspace and read it back", async () => {
    const user = await signUpUser(stack, uniqueEmail("smoke"));
    const slug = `smoke-${Date.now()}`;
    const org = await createWorkspace(user, "Smoke", slug);
    const { data, error } = await user.client.from("organizations").select("slug").eq("id", org.id);
    expect(error).toBeNull();
    expect(data).toEqual([{ slug }]);
  });

  it("serves nothing of organizations to anon", async () => {
    const { data, error } = await anonClient(stack).from("organizations").select("*");
    console.log(JSON.stringify({ data, error }));
    expect(data ?? []).toEqual([]);
  });
});
