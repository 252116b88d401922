import type { Simulator } from "../../../simulator/index";
import { note } from "./e2eWorld";
import type { OnDiskStack } from "./onDiskStack";
import { destroy, refresh, setConfig, stackOutputs, up } from "./onDiskStack";
import type { CliResult } from "./pulumiCliRunner";
import { requestsFor, succeeded } from "./simulatorQueries";
import { eventually } from "../../support/eventually";

/** The NIC and instance the program attaches (stack config `nicId` and `instanceId`). */
export interface AttachmentIds {
  readonly nicId: string;
  readonly instanceId: string;
}

/** The output of each command of one lifecycle, for tests that check what the CLI printed. */
export interface LifecycleOutput {
  readonly up: CliResult;
  readonly refresh: CliResult;
  readonly destroy: CliResult;
}

/** What a test wants to look at in the middle of a lifecycle. */
export interface LifecycleHooks {
  /** Runs while the attach is held in flight (NIC transitions stalled), so every process is alive. */
  readonly whileAttaching?: () => void | Promise<void>;
  /** Runs after `up` succeeded, while the stack holds the attachment. */
  readonly afterUp?: () => void | Promise<void>;
}

async function upHoldingTheAttach(
  stack: OnDiskStack,
  sim: Simulator,
  ids: AttachmentIds,
  whileAttaching: () => void | Promise<void>,
): Promise<CliResult> {
  sim.control.stallTransitions({ nicId: ids.nicId, forMs: "forever" });
  const running = up(stack);
  try {
    await eventually(
      () => succeeded(requestsFor(sim, "AttachNetworkInterface", ids.nicId)).length > 0,
      "the attach to be accepted",
      { timeoutMs: 120_000 },
    );
    await whileAttaching();
  } finally {
    sim.control.releaseStalls();
  }
  return running;
}

/**
 * Runs `check`; when it fails, prints what the command printed first (it holds no secret), since
 * the simulator's state alone rarely says why, e.g. when `up` ran no program at all.
 */
async function explainedBy(run: CliResult, check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    note(`${run.command} printed:\n${run.stdout}${run.stderr}`);
    throw error;
  }
}

/**
 * The program's whole life, as a user runs it: stack config `nicId` and `instanceId`, then
 * `pulumi up` (the NIC ends up USED on the instance after exactly one successful
 * AttachNetworkInterface, and the stack outputs say so), `pulumi refresh` (still attached), and
 * `pulumi destroy` (the NIC is AVAILABLE again).
 */
export async function runAttachLifecycle(
  stack: OnDiskStack,
  sim: Simulator,
  ids: AttachmentIds,
  hooks: LifecycleHooks = {},
): Promise<LifecycleOutput> {
  const { nicId, instanceId } = ids;
  await setConfig(stack, "nicId", nicId);
  await setConfig(stack, "instanceId", instanceId);
  const upOutput =
    hooks.whileAttaching === undefined
      ? await up(stack)
      : await upHoldingTheAttach(stack, sim, ids, hooks.whileAttaching);
  await explainedBy(upOutput, async () => {
    expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });
    expect(succeeded(requestsFor(sim, "AttachNetworkInterface", nicId))).toHaveLength(1);
    expect(await stackOutputs(stack)).toMatchObject({
      attachmentId: `${nicId}:${instanceId}`,
      status: "USED",
    });
  });
  await hooks.afterUp?.();

  const refreshOutput = await refresh(stack);
  expect(sim.control.getNic(nicId)).toMatchObject({ status: "USED", instanceId });

  const destroyOutput = await destroy(stack);
  await explainedBy(destroyOutput, () => {
    expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
    expect(succeeded(requestsFor(sim, "DetachNetworkInterface", nicId))).toHaveLength(1);
  });
  return { up: upOutput, refresh: refreshOutput, destroy: destroyOutput };
}

/** Everything the CLI printed in a lifecycle, for checks that no secret was printed. */
export function allOutput(output: LifecycleOutput): string {
  return [output.up, output.refresh, output.destroy].map((run) => run.stdout + run.stderr).join("\n");
}
