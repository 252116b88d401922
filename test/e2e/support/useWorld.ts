import { ENSURE_PULUMI_TIMEOUT_MS } from "../../../scripts/lib/pulumiCli";
import { createWorld, destroyWorld, succeed } from "./e2eWorld";
import type { E2eWorld, WorldOptions } from "./e2eWorld";

/** How long the clean-up after a file may take. */
const TEARDOWN_TIMEOUT_MS = 120_000;

/**
 * Sets up one world (CLI, installed package, simulator) for the calling test file and tears it
 * down after the file's last test. Returns an accessor for the tests; a world that could not be
 * made (no Pulumi CLI, failed install) fails every test of the file rather than skipping it.
 */
export function useWorld(options: WorldOptions): () => E2eWorld {
  let world: E2eWorld | undefined;
  beforeAll(async () => {
    world = await createWorld(options);
  }, ENSURE_PULUMI_TIMEOUT_MS);
  afterAll(async () => {
    world?.sim.control.releaseStalls();
    await destroyWorld(world);
  }, TEARDOWN_TIMEOUT_MS);
  return () => {
    if (world === undefined) {
      throw new Error("the end-to-end world was not set up; see the beforeAll failure above");
    }
    return world;
  };
}

/** The stack's state as `pulumi stack export` gives it. */
export async function exportedDeployment(world: E2eWorld, stackName: string) {
  return (await succeed(world, { op: "export", stackName })).deployment;
}
