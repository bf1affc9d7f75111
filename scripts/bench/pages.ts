/**
 * `npm run bench:pages`: how fast the app's main pages answer a signed-in user, on a
 * production build, with the seeded workspace grown to issue 15's size (100,000
 * projects and 100,000 audit entries in acme). docs/performance.md has the figures.
 *
 * 1. A fresh local stack (on the PostgreSQL server of TENANTKIT_TEST_POSTGRES_URL when
 *    one answers, else PGlite), seeded with the demo workspaces; acme grows with
 *    superuser SQL: each project insert writes its audit entry through the real trigger.
 * 2. `next build` into `.next-bench` and `next start`, with the app's Supabase URL
 *    pointed at a counting proxy in front of the stack: every API call the server makes
 *    for a page passes through it.
 * 3. Per page, signed in as alice (acme's owner): the API round trips of one request,
 *    then load with autocannon for `--duration` seconds: `--connections` users in all,
 *    two of whom record time to first byte (TTFB) request by request, the others
 *    autocannon's connections (its latencies are full responses; its req/s is the
 *    throughput).
 *
 * 4. Per page, one view in Chromium (Debian's, or CHROMIUM_PATH): the requests it sends to
 *    the app once loaded (Next's link prefetches included) and the API calls they cost.
 *
 * Goal (issue 15): TTFB p95 ≤ 150 ms per page. Exit code 1 when a page misses it.
 *
 * Options: --small (10,000 projects and entries, 5 s per page), --projects <n>,
 * --duration <s> (default 10), --connections <n> (default 10), --driver pglite|postgres.
 * The app is built every run: the stack's URL and keys are part of the build.
 */
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { createServerClient } from "@supabase/ssr";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../lib/local-env";
import { DEMO_PASSWORD, seedDemoData } from "../seed";
import { appEnv, buildApp, startApp } from "../../tests/support/app-server";
import {
  createTestDatabase,
  postgresServerProblem,
  redact,
  type TestDatabase,
} from "../../tests/support/postgres-server";
import { setPlan } from "../../tests/support/clients";
import { runSql } from "../../tests/support/sql";
import { startTestStack } from "../../tests/support/test-stack";

const { values } = parseArgs({
  options: {
    small: { type: "boolean", default: false },
    projects: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string", default: "10" },
    driver: { type: "string" },
  },
});
const rows = Number(values.projects ?? (values.small ? 10_000 : 100_000));
const duration = Number(values.duration ?? (values.small ? 5 : 10));
const connections = Number(values.connections);
const TTFB_GOAL_MS = 150;
const APP_PORT = 3990;
const DIST_DIR = ".next-bench";
const SERVER_LOG = path.join(projectRoot, DIST_DIR, "server.log");
const TTFB_USERS = 2;
const PAGES = ["/w/acme", "/w/acme/activity", "/w/acme/settings/members", "/w/acme/settings"];
if (
  ![rows, duration, connections].every((n) => Number.isInteger(n) && n > 0) ||
  connections <= TTFB_USERS
) {
  console.error(
    `bench:pages: --projects and --duration must be positive integers, --connections > ${TTFB_USERS}`,
  );
  process.exit(2);
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const ms = (n: number) => n.toFixed(0).padStart(6);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Forwards everything to the stack and counts the calls by method and path. */
async function startCountingProxy(target: string) {
  const targetUrl = new URL(target);
  const calls: string[] = [];
  const server = http.createServer((request, response) => {
    calls.push(`${request.method} ${(request.url ?? "").split("?")[0]}`);
    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: targetUrl.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => response.destroy(error));
    request.pipe(upstream);
  });
  // The app's server keeps connections to the API alive, as it would to Supabase.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** alice's session cookies, in the app's own format (what the browser would send). */
async function signInCookies(apiUrl: string, publishableKey: string) {
  const jar = new Map<string, string>();
  const client = createServerClient(apiUrl, publishableKey, {
    cookies: {
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      setAll: (cookies) => {
        for (const { name, value } of cookies) {
          if (value) jar.set(name, value);
          else jar.delete(name);
        }
      },
    },
  });
  const { error } = await client.auth.signInWithPassword({
    email: "alice@acme.test",
    password: DEMO_PASSWORD,
  });
  if (error) throw new Error(`sign in as alice: ${error.message}`);
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** One GET; resolves with the time to the response's headers and to its last byte. */
function timedGet(url: string, cookie: string, agent: http.Agent) {
  return new Promise<{ status: number; ttfb: number; total: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers: { cookie }, agent }, (response) => {
      const ttfb = performance.now() - started;
      response.on("data", () => {});
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, ttfb, total: performance.now() - started }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/**
 * One page view in a real browser, signed in: the requests it sends to the app
 * (the page, then any prefetches its links set off) and the API calls those cost
 * the server, counted until the network is idle and two seconds more.
 */
async function browserPageViews(appUrl: string, pages: string[], cookie: string, calls: string[]) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const views: { path: string; appRequests: number; prefetches: number; apiCalls: number }[] = [];
  try {
    for (const pagePath of pages) {
      const context = await browser.newContext({ baseURL: appUrl });
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: appUrl };
        }),
      );
      const page = await context.newPage();
      await page.goto(pagePath); // a first view loads the code: not counted
      let appRequests = 0;
      let prefetches = 0;
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.origin !== appUrl || url.pathname.startsWith("/_next/static")) return;
        appRequests++;
        if (request.headers()["next-router-prefetch"]) prefetches++;
      });
      calls.length = 0;
      await page.goto(pagePath);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(2_000);
      views.push({ path: pagePath, appRequests, prefetches, apiCalls: calls.length });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return views;
}

type CpuSide = "app" | "api" | "postgres";
const CLOCK_TICKS = 100; // USER_HZ on Linux
const CPU_SIDES: Record<CpuSide, RegExp> = {
  app: /^next-server/,
  api: /serve-test-stack/,
  postgres: /^postgres: /,
};

/**
 * CPU seconds used so far by the app server (next-server), the API server (the local
 * stack) and PostgreSQL's backends, from /proc: where a page's time goes on this
 * machine. A process that ends between two readings is missed (the API's pool keeps
 * its database connections open, so its backends do not end).
 */
function cpuSeconds(): Record<CpuSide, number> {
  const totals: Record<CpuSide, number> = { app: 0, api: 0, postgres: 0 };
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      const side = (Object.keys(CPU_SIDES) as CpuSide[]).find((s) => CPU_SIDES[s].test(command));
      if (!side) continue;
      // Fields after the command name: utime and stime are the 12th and 13th, in ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      totals[side] += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      // the process ended meanwhile
    }
  }
  return totals;
}

interface PageResult {
  path: string;
  roundTrips: string[];
  alone: number[];
  cpuMsPerPage: Record<CpuSide, number>;
  ttfb: number[];
  autocannon: autocannon.Result;
}

async function measurePage(appUrl: string, pagePath: string, cookie: string, calls: string[]) {
  const url = appUrl + pagePath;
  const agent = new http.Agent({ keepAlive: true });
  // Warm: the first render of a route loads its code.
  for (let i = 0; i < 3; i++) {
    const { status } = await timedGet(url, cookie, agent);
    if (status !== 200)
      throw new Error(`${pagePath} answered ${status}, not 200: is alice signed in?`);
  }
  calls.length = 0;
  await timedGet(url, cookie, agent);
  const roundTrips = [...calls];
  // One user alone: the floor the load is compared with.
  const alone: number[] = [];
  for (let i = 0; i < 20; i++) alone.push((await timedGet(url, cookie, agent)).ttfb);
  const cpuBefore = cpuSeconds();

  const ttfb: number[] = [];
  let running = true;
  const sampler = async () => {
    while (running) ttfb.push((await timedGet(url, cookie, agent)).ttfb);
  };
  const samplers = Array.from({ length: TTFB_USERS }, sampler);
  const result = await autocannon({
    url,
    connections: connections - TTFB_USERS,
    duration,
    headers: { cookie },
  });
  running = false;
  await Promise.all(samplers);
  agent.destroy();
  const cpuAfter = cpuSeconds();
  const served = result.requests.total + ttfb.length;
  const cpuMsPerPage = Object.fromEntries(
    Object.entries(cpuAfter).map(([side, seconds]) => [
      side,
      ((seconds - cpuBefore[side as CpuSide]) * 1000) / served,
    ]),
  ) as Record<CpuSide, number>;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `${pagePath}: ${result.non2xx} non-2xx answers, ${result.errors} errors under load`,
    );
  return {
    path: pagePath,
    roundTrips,
    alone: alone.sort((a, b) => a - b),
    ttfb: ttfb.sort((a, b) => a - b),
    autocannon: result,
    cpuMsPerPage,
  };
}

function report(results: PageResult[]) {
  console.log(
    `\n== Pages: ${connections} users (${TTFB_USERS} timing TTFB, ${connections - TTFB_USERS} autocannon), ${duration} s each ==`,
  );
  console.log(
    "page                         API calls  TTFB p50  TTFB p95  samples   full p50  full p97.5   req/s  goal",
  );
  let missed = 0;
  for (const { path: page, roundTrips, ttfb, autocannon: load } of results) {
    const p95 = percentile(ttfb, 95);
    const ok = p95 <= TTFB_GOAL_MS;
    if (!ok) missed++;
    console.log(
      `${page.padEnd(28)} ${String(roundTrips.length).padStart(9)}  ${ms(percentile(ttfb, 50))}ms  ${ms(p95)}ms  ${String(ttfb.length).padStart(7)}   ${ms(load.latency.p50)}ms  ${ms(load.latency.p97_5)}ms  ${String(Math.round(load.requests.average)).padStart(6)}  ${ok ? "ok" : `MISSED (goal p95 ≤ ${TTFB_GOAL_MS} ms)`}`,
    );
  }
  console.log(
    "\n== One user alone (20 requests in a row), and CPU per page under the load above ==",
  );
  console.log(
    "page                         TTFB p50  TTFB p95   app server  API server  PostgreSQL",
  );
  for (const { path: page, alone, cpuMsPerPage: cpu } of results) {
    console.log(
      `${page.padEnd(28)} ${ms(percentile(alone, 50))}ms  ${ms(percentile(alone, 95))}ms   ${ms(cpu.app)}ms    ${ms(cpu.api)}ms   ${ms(cpu.postgres)}ms`,
    );
  }
  console.log("\n== API round trips of one request, in order ==");
  for (const { path: page, roundTrips } of results) {
    console.log(`${page}: ${roundTrips.length}`);
    for (const call of roundTrips) console.log(`    ${call}`);
  }
  return missed;
}

async function main() {
  const usePostgres =
    values.driver === "postgres" ||
    (values.driver !== "pglite" && !(await postgresServerProblem()));
  let database: TestDatabase | undefined;
  if (usePostgres) database = await createTestDatabase("tenantkit_benchpages");
  const appUrl = `http://localhost:${APP_PORT}`;
  console.log(
    `bench:pages: acme grown to ${rows.toLocaleString("en")} projects and audit entries; ` +
      `stack on ${database ? `PostgreSQL (${redact(database.url)})` : "PGlite"}; load average ${load()}`,
  );
  const stack = await startTestStack({
    siteUrl: appUrl,
    driver: database ? "postgres" : "pglite",
    dbUrl: database?.url,
  });
  const proxy = await startCountingProxy(stack.info.url);
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    const { info } = stack;
    await seedDemoData(info);
    const [acme] = await runSql<{ id: string }>(
      info,
      "select id from public.organizations where slug = 'acme'",
    );
    // Enterprise: no project limit (Pro allows fewer than the issue's size).
    await setPlan(info, acme!.id, "enterprise");
    let started = performance.now();
    // In batches: one statement per 10,000 rows keeps each transaction's trigger work bounded.
    for (let done = 0; done < rows; done += 10_000) {
      const batch = Math.min(10_000, rows - done);
      await runSql(
        info,
        `insert into public.projects (organization_id, name)
         select '${acme!.id}', 'Bench project ' || (${done} + n) from generate_series(1, ${batch}) as n`,
      );
      process.stdout.write(`\r  growing acme: ${(done + batch).toLocaleString("en")} projects`);
    }
    await runSql(info, "analyze public.projects; analyze public.audit_logs");
    const [counts] = await runSql<{ projects: number; audit: number }>(
      info,
      `select (select count(*) from public.projects where organization_id = '${acme!.id}')::int as projects,
              (select count(*) from public.audit_logs where organization_id = '${acme!.id}')::int as audit`,
    );
    console.log(
      `\r  acme: ${counts!.projects.toLocaleString("en")} projects, ${counts!.audit.toLocaleString("en")} audit entries (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );

    const env = appEnv(info, { siteUrl: appUrl, distDir: DIST_DIR, apiUrl: proxy.url });
    started = performance.now();
    console.log("  building the app (next build)…");
    buildApp(env, { quiet: true });
    console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Its log: when autocannon stops, it drops the requests in flight, and Next logs
    // the renders it was still running for them as errors.
    app = await startApp(env, APP_PORT, { logFile: SERVER_LOG });
    const cookie = await signInCookies(proxy.url, info.publishableKey);

    const results: PageResult[] = [];
    for (const page of PAGES) {
      process.stdout.write(`  ${page}…`);
      results.push(await measurePage(app.url, page, cookie, proxy.calls));
      process.stdout.write(" done\n");
    }
    const missed = report(results);
    console.log(
      "\n== One page view in Chromium: requests to the app and the API calls they cost ==",
    );
    console.log("page                         app requests  of which prefetches  API calls");
    for (const view of await browserPageViews(app.url, PAGES, cookie, proxy.calls)) {
      console.log(
        `${view.path.padEnd(28)} ${String(view.appRequests).padStart(12)}  ${String(view.prefetches).padStart(19)}  ${String(view.apiCalls).padStart(9)}`,
      );
    }
    console.log(`\nload average at the end: ${load()}; the app server's log: ${SERVER_LOG}`);
    if (missed > 0) {
      console.log(`${missed} page(s) missed the goal: see docs/performance.md, "Pages".`);
      process.exitCode = 1;
    }
  } finally {
    await app?.stop();
    await proxy.close();
    await stack.stop();
    await database?.drop();
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench:pages failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
