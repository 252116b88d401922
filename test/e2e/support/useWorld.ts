import { ENSURE_PULUMI_TIMEOUT_MS } from "../../../scripts/lib/pulumiCli";
import { closeWorldBase, createWorld, createWorldBase, destroyWorld } from "./e2eWorld";
import type { E2eWorld, WorldBase, WorldBaseOptions, WorldOptions } from "./e2eWorld";

/** How long the clean-up after a file may take. */
const TEARDOWN_TIMEOUT_MS = 120_000;

/**
 * Sets up one world for the calling test file (or `describe` block) and tears it down after its
 * last test. Returns an accessor for the tests; a world that could not be made (no Pulumi CLI,
 * failed install) fails every test of the block rather than skipping it.
 */
function useSetup<T extends WorldBase>(
  create: () => Promise<T>,
  close: (world: T) => Promise<void>,
): () => T {
  let world: T | undefined;
  beforeAll(async () => {
    world = await create();
  }, ENSURE_PULUMI_TIMEOUT_MS);
  afterAll(async () => {
    if (world !== undefined) {
      world.sim.control.releaseStalls();
      await close(world);
    }
  }, TEARDOWN_TIMEOUT_MS);
  return () => {
    if (world === undefined) {
      throw new Error("the end-to-end world was not set up; see the beforeAll failure above");
    }
    return world;
  };
}

/** A world with the packed package installed in a project (see `createWorld`). */
export function useWorld(options: WorldOptions): () => E2eWorld {
  return useSetup(() => createWorld(options), destroyWorld);
}

/** A world without a project: CLI, private backend and home, simulator (see `createWorldBase`). */
export function useWorldBase(options: WorldBaseOptions): () => WorldBase {
  return useSetup(() => createWorldBase(options), closeWorldBase);
}
