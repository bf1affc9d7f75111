import { describe, expect, it } from "vitest";
import { switchTarget } from "@/lib/workspaces/switch-target";

describe("the workspace switcher keeps the page you are on", () => {
  it.each([
    ["/w/acme", "/w/globex"],
    ["/w/acme/settings/members", "/w/globex/settings/members"],
    ["/w/acme/settings/billing", "/w/globex/settings/billing"],
    ["/w/acme/settings", "/w/globex/settings"],
    ["/w/acme/activity", "/w/globex/activity"],
    // One record of this workspace: its section in the other one, not a 404.
    ["/w/acme/activity/42", "/w/globex/activity"],
    ["/w/acme/projects/3f1c2a9e-0000-4000-8000-000000000000", "/w/globex"],
    // Anything else (or another workspace's path): the home.
    ["/w/acme/no-such-page", "/w/globex"],
    ["/w/acme-labs/settings", "/w/globex"],
    ["/onboarding", "/w/globex"],
  ])("%s → %s", (from, to) => {
    expect(switchTarget(from, "acme", "globex")).toBe(to);
  });
});
