import type { TestProject } from "vitest/node";
import { startTestStack } from "../support/test-stack";

declare module "vitest" {
  export interface ProvidedContext {
    stack: import("../support/test-stack").TestStackInfo;
  }
}

export default async function setup(project: TestProject) {
  const { info, stop } = await startTestStack({});
  project.provide("stack", info);
  return stop;
}
