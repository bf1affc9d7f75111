import type { TestProject } from "vitest/node";
import { readCatalogSnapshot } from "../support/catalog-snapshot";
import { runSql } from "../support/sql";
import { startTestStack } from "../support/test-stack";

declare module "vitest" {
  export interface ProvidedContext {
    stack: import("../support/test-stack").TestStackInfo;
    catalog: import("../support/catalog-snapshot").CatalogSnapshot;
  }
}

export default async function setup(project: TestProject) {
  const { info, stop } = await startTestStack({});
  try {
    // Read the catalog now, before any API request: Supabase Lite grants ALL on every
    // table of an RLS schema to anon/authenticated at its first request, after which
    // the snapshot would show Lite's grants instead of the ones the migrations wrote
    // (which are what hosted Supabase enforces).
    project.provide("catalog", await readCatalogSnapshot((sql) => runSql(info, sql), ["public"]));
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide("stack", info);
  return stop;
}
