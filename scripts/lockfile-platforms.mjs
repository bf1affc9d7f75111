#!/usr/bin/env node
// `npm ci` needs package-lock.json to list every optional dependency of every package,
// for every platform (Next's SWC, Tailwind's oxide, the Supabase CLI and ESLint's
// resolver each ship one package per OS and CPU). npm leaves out the ones its registry
// cannot serve: a registry mirror without the macOS or Windows builds of a release
// yields a lockfile that `npm ci` then refuses on every machine ("Missing:
// @tailwindcss/oxide-android-arm64@ from lock file").
//
//   node scripts/lockfile-platforms.mjs          check: list what is missing, exit 1 if any
//   node scripts/lockfile-platforms.mjs --write  add the missing entries
//
// An added entry holds the exact version its parent pins, and the os/cpu/libc fields
// that npm reads to skip it on other platforms, from the platform in its name
// (`-darwin-arm64`, `-linux-x64-musl`, ...). It has no integrity hash: npm records one
// the next time `npm install` runs against a registry that serves the package.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const lockfile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../package-lock.json");
const lock = JSON.parse(readFileSync(lockfile, "utf8"));
const packages = lock.packages;

/** Where npm would find `name` when required from the package at `from`. */
function resolveLocation(from, name) {
  for (let dir = from; ;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const parent = dir.lastIndexOf("/node_modules/");
    dir = parent === -1 ? "" : dir.slice(0, parent);
  }
}

const OS = {
  android: "android",
  darwin: "darwin",
  freebsd: "freebsd",
  linux: "linux",
  openharmony: "openharmony",
  win32: "win32",
  windows: "win32",
};
const LIBC = { gnu: "glibc", musl: "musl" };

/** os/cpu/libc of a platform package, from the `<os>-<cpu>[-<abi>]` at the end of its name. */
function platformOf(name) {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (base.endsWith("wasm32-wasi")) return { cpu: ["wasm32"] };
  const parts = base.split("-");
  const osIndex = parts.findIndex((part) => part in OS);
  if (osIndex === -1 || osIndex + 1 >= parts.length) {
    throw new Error(`${name}: no <os>-<cpu> in its name; add its lockfile entry by hand`);
  }
  const [cpu, abi] = parts.slice(osIndex + 1);
  const libc = LIBC[abi];
  return { os: [OS[parts[osIndex]]], cpu: [cpu], ...(libc ? { libc: [libc] } : {}) };
}

const missing = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolveLocation(location, name)) continue;
    missing.push({ parent: location, name, spec });
  }
}

if (!process.argv.includes("--write")) {
  for (const { parent, name, spec } of missing) {
    console.error(`package-lock.json: missing ${name}@${spec} (optional dependency of ${parent})`);
  }
  if (missing.length > 0) {
    console.error(
      `${missing.length} optional platform package(s) missing: \`npm ci\` would refuse this lockfile.\n` +
        "Run `node scripts/lockfile-platforms.mjs --write` to add them.",
    );
    process.exit(1);
  }
  process.exit(0);
}

for (const { parent, name, spec } of missing) {
  if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) {
    throw new Error(`${name}@${spec} (from ${parent}) is not an exact version; add it by hand`);
  }
  const parentEntry = packages[parent];
  // A sibling that npm did install tells the flags they share (dev, license, engines).
  const sibling = Object.keys(parentEntry.optionalDependencies)
    .map((other) => resolveLocation(parent, other))
    .find(Boolean);
  const { dev, devOptional, license, engines } = sibling ? packages[sibling] : {};
  const location = packages[`node_modules/${name}`]
    ? `${parent}/node_modules/${name}`
    : `node_modules/${name}`;
  const { os, cpu, libc } = platformOf(name);
  // Keys in the order npm writes them, so that a later `npm install` leaves them be.
  packages[location] = {
    version: spec,
    ...(cpu ? { cpu } : {}),
    ...(dev ? { dev } : {}),
    ...(devOptional ? { devOptional } : {}),
    ...(libc ? { libc } : {}),
    ...(license ? { license } : {}),
    optional: true,
    ...(os ? { os } : {}),
    ...(engines ? { engines } : {}),
  };
  console.log(`added ${location}@${spec}`);
}

// npm's own order: the root package first, then by location.
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"),
  ),
);
writeFileSync(lockfile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `${missing.length} entr${missing.length === 1 ? "y" : "ies"} added to package-lock.json`,
);
