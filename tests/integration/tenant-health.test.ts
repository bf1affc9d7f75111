/**
 * Per-tenant health's storage: the app's flush (service role) adds page loads up per
 * workspace and hour, and the operator console reads the last 24 hours of every
 * workspace; nobody else may read it, and nobody but the service role may write it.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  createTeam,
  makePlatformAdmin,
  serviceClient,
  signUpUser,
  uniqueEmail,
  type TestTeam,
  type TestUser,
} from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

let team: TestTeam;
let operator: TestUser;

beforeAll(async () => {
  [team, operator] = await Promise.all([
    createTeam(stack, "health"),
    signUpUser(stack, uniqueEmail("ops")),
  ]);
  await makePlatformAdmin(stack, operator);
});

const thisHour = () => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();

describe("tenant request stats", () => {
  it("adds flushed batches up per workspace and hour, and shows the last 24 hours to operators", async () => {
    const flush = (requests: number, histogram: number[], hour = thisHour()) =>
      serviceClient(stack).rpc("record_request_stats", {
        stats: [{ org: team.orgId, hour, requests, queries: requests * 5, histogram }],
      });
    expect((await flush(3, [1, 2, 0, 0, 0, 0, 0, 0, 0])).error).toBeNull();
    expect((await flush(2, [0, 0, 0, 0, 0, 0, 1, 0, 1])).error).toBeNull();
    // Two days ago: outside the console's window.
    const old = new Date(Date.now() - 48 * 3_600_000).toISOString();
    expect((await flush(100, [0, 0, 0, 0, 0, 0, 0, 0, 100], old)).error).toBeNull();
    // A malformed histogram is refused whole.
    expect((await flush(1, [1, 0])).error).not.toBeNull();

    const rows = await runSql<{ requests: number; hist: number[] }>(
      stack,
      `select requests, server_ms_histogram as hist from platform.tenant_request_stats
       where organization_id = ${literal(team.orgId)} order by hour desc`,
    );
    expect(rows).toEqual([
      { requests: 5, hist: [1, 2, 0, 0, 0, 0, 1, 0, 1] },
      { requests: 100, hist: [0, 0, 0, 0, 0, 0, 0, 0, 100] },
    ]);

    const { data, error } = await operator.client.rpc("admin_tenant_health", { hours: 24 });
    expect(error).toBeNull();
    expect(data?.find((row) => row.organization_id === team.orgId)).toEqual({
      organization_id: team.orgId,
      name: "Team health",
      slug: expect.any(String),
      requests: 5,
      queries: 25,
      server_ms_histogram: [1, 2, 0, 0, 0, 0, 1, 0, 1],
    });
    expect((await operator.client.rpc("admin_tenant_health", { hours: 0 })).error?.message).toBe(
      "health_window_invalid",
    );
  });

  it("is refused to every normal user, who cannot write it either", async () => {
    const before = await runSql(
      stack,
      `select * from platform.tenant_request_stats where organization_id = ${literal(team.orgId)}`,
    );
    for (const user of [team.member, team.admin, team.owner]) {
      const read = await user.client.rpc("admin_tenant_health", { hours: 24 });
      expect(read.data).toBeNull();
      expect(read.error?.message).toBe("not_platform_admin");
      const write = await user.client.rpc("record_request_stats", {
        stats: [
          {
            org: team.orgId,
            hour: thisHour(),
            requests: 1000,
            queries: 0,
            histogram: [0, 0, 0, 0, 0, 0, 0, 0, 1000],
          },
        ],
      });
      expect(write.error).not.toBeNull();
    }
    expect(
      await runSql(
        stack,
        `select * from platform.tenant_request_stats where organization_id = ${literal(team.orgId)}`,
      ),
    ).toEqual(before);
  });
});
