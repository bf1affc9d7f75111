import { describe, expect, it } from "vitest";
import {
  hiddenWorkspaces,
  onboardingSteps,
  showsOnboarding,
  withHiddenWorkspace,
} from "@/lib/workspaces/onboarding";

const facts = { slug: "acme", role: "owner" as const, projects: 0, seats: 1, planId: "free" };
const done = (steps: ReturnType<typeof onboardingSteps>) =>
  steps.filter((step) => step.done).map((step) => step.id);

describe("the onboarding checklist", () => {
  it("starts with nothing done and is shown to owners and admins, never to members", () => {
    const steps = onboardingSteps(facts);
    expect(done(steps)).toEqual([]);
    expect(showsOnboarding("owner", steps)).toBe(true);
    expect(showsOnboarding("admin", steps)).toBe(true);
    expect(showsOnboarding("member", steps)).toBe(false);
  });

  it("ticks each step from what the workspace holds", () => {
    expect(done(onboardingSteps({ ...facts, projects: 1 }))).toEqual(["project"]);
    expect(done(onboardingSteps({ ...facts, seats: 2 }))).toEqual(["invite"]);
    expect(done(onboardingSteps({ ...facts, planId: "pro" }))).toEqual(["plan"]);
  });

  it("is gone once a project and a second person exist, even on Free (the plan is optional)", () => {
    const steps = onboardingSteps({ ...facts, projects: 3, seats: 2 });
    expect(showsOnboarding("owner", steps)).toBe(false);
    expect(steps.find((step) => step.id === "plan")).toMatchObject({ done: false, optional: true });
  });

  it("links each step to where it is done", () => {
    expect(onboardingSteps(facts).map((step) => step.href)).toEqual([
      null,
      "/w/acme/settings/members",
      "/w/acme/settings/billing",
    ]);
  });

  it("remembers hidden workspaces by id, the last 20, ignoring anything else in the cookie", () => {
    const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
    expect(hiddenWorkspaces("junk.<script>." + id(1))).toEqual([id(1)]);
    let cookie: string | undefined;
    for (let n = 1; n <= 25; n++) cookie = withHiddenWorkspace(cookie, id(n));
    expect(hiddenWorkspaces(cookie)).toHaveLength(20);
    expect(hiddenWorkspaces(cookie)[0]).toBe(id(6));
    expect(hiddenWorkspaces(withHiddenWorkspace(cookie, id(6))).at(-1)).toBe(id(6));
  });
});
