#!/usr/bin/env node
// Entry point of every npm script that needs the project's toolchain. It runs on
// whatever Node the machine has (>= 18), installs dependencies (`npm ci`) when they
// are missing or stale, then runs the given TypeScript script on the Node release pinned in
// package.json (the `node` devDependency), which supabase-js and Vitest require.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const binDir = path.join(root, "node_modules", ".bin");
const localNode = path.join(binDir, process.platform === "win32" ? "node.cmd" : "node");
const installMarker = path.join(root, "node_modules", ".package-lock.json");
const lockfile = path.join(root, "package-lock.json");

const manifest = path.join(root, "package.json");

function dependenciesAreStale() {
  if (!existsSync(installMarker) || !existsSync(localNode)) return true;
  const installed = statSync(installMarker).mtimeMs;
  return [lockfile, manifest].some((file) => statSync(file).mtimeMs > installed);
}

if (dependenciesAreStale()) {
  console.log("tenantkit: installing dependencies, this takes a minute the first time…");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  // `npm ci`: exactly what package-lock.json pins, in a clean node_modules, the same
  // install as CI's. It refuses a lockfile that no longer matches package.json: after
  // editing dependencies, run `npm install` once to update the lockfile.
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error(
      "tenantkit: npm ci failed. If package.json changed, run `npm install` to update package-lock.json; otherwise fix the error above. Then run the command again.",
    );
    process.exit(result.status ?? 1);
  }
  const now = new Date();
  utimesSync(installMarker, now, now);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <script.ts> [args...]");
  process.exit(2);
}

const child = spawn(localNode, ["--import", "tsx", path.resolve(root, script), ...args], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` },
});
// Ctrl-C reaches the whole process group, so the child already has SIGINT; other
// signals sent to this wrapper alone are passed on.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
