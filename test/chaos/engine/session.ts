import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Simulator } from "../../../simulator/index";
import { killHard, killProcessesIn } from "../../e2e/support/processes";
import type { ChaosAgent } from "../chaosAgent";
import { commandLine } from "../format";
import { nicsNow } from "../cloud";
import { STREAMS, streamFor } from "../plan";
import type { PlannedCommand } from "../plan";
import type { ChaosEvent, CommandRecord, ResourceSpec, StackView } from "../trace";
import { killAtPoint, removeEmptySidecars } from "./kills";
import { stackViewOf, stepsOf } from "./reading";
import type { StackCommands } from "./stack";

/** The stack lock a killed CLI leaves behind; the user's answer is `pulumi cancel`. */
const LOCKED = /the stack is currently locked/;
/** A command still running after this long is stopped (kill -9), so that one hang cannot stall a batch. */
const COMMAND_LIMIT_MS = 300_000;

/** What one run's commands act on and where they are recorded. */
export interface SessionSetup {
  readonly sim: Simulator;
  readonly stack: StackCommands;
  readonly specs: readonly ResourceSpec[];
  readonly projectDir: string;
  /** The folder of the stack's file backend. */
  readonly backendDir: string;
  /** Where each command's engine events go (one file per command). */
  readonly eventsDir: string;
  readonly seed: number;
  readonly agent: ChaosAgent;
  readonly log: (line: string) => void;
}

/**
 * Runs a run's `pulumi` commands one at a time, as one user at one terminal does, and records
 * each: timing, outcome, output, the engine's steps, a kill if one was planned, the NICs' true
 * state the moment it returned, and the stack (plain export) right after.
 */
export class Session {
  readonly commands: CommandRecord[] = [];
  /** Provider plugins left running by kills. */
  readonly orphanPids: number[] = [];
  /** What the user changed themselves: detaches the provider's errors asked for, a repaired backend. */
  readonly userEvents: ChaosEvent[] = [];
  /** The stack as last exported: the chaos agent never moves a NIC to the instance it records. */
  held: StackView = { attachments: [], pending: [] };
  readonly startMs = Date.now();

  constructor(private readonly setup: SessionSetup) {}

  /** Runs one command; with `chaos`, two rounds of the agent's events fire while it runs (a command lasts several handler rounds). */
  async run(planned: PlannedCommand): Promise<CommandRecord> {
    const { setup } = this;
    const { name } = planned;
    const index = this.commands.length;
    const eventLog = path.join(setup.eventsDir, `${index}-${name.replace(/[^a-z]+/g, "-")}.jsonl`);
    if (planned.chaos) {
      const random = streamFor(setup.seed, STREAMS.engineCommands + index);
      setup.agent.startRound(random);
      setup.agent.startRound(random);
    }
    const startMs = Date.now();
    const started = setup.stack.start(name, eventLog);
    let ended = false;
    let stopped = false;
    const watchdog = setTimeout(() => {
      stopped = true;
      if (started.groupLeader !== undefined) killHard(-started.groupLeader);
      killProcessesIn(setup.projectDir);
    }, COMMAND_LIMIT_MS);
    const outcome = started.outcome.finally(() => {
      ended = true;
      clearTimeout(watchdog);
    });
    const kill =
      planned.kill === undefined || started.groupLeader === undefined
        ? undefined
        : killAtPoint(planned.kill, {
            ...setup,
            groupLeader: started.groupLeader,
            startMs,
            ended: () => ended,
          });
    const result = await outcome;
    const endMs = Date.now();
    const nicsAfter = nicsNow(setup.sim, setup.specs);
    setup.agent.endRound();
    const killed = await kill;
    this.orphanPids.push(...(killed?.orphanPids ?? []));
    if (killed?.record.signal.startsWith("SIGKILL") === true) this.repairBackendAsUser();
    const exported = name === "cancel" ? undefined : await this.exportState();
    const error = stopped
      ? `still running after ${COMMAND_LIMIT_MS / 1000} s: stopped by the harness (kill -9)`
      : result.error;
    const record: CommandRecord = {
      index,
      name,
      phase: planned.phase,
      startMs,
      endMs,
      ...result,
      ...(error === undefined ? {} : { error }),
      ...(killed === undefined ? {} : { kill: killed.record }),
      ...(killed === undefined && planned.kill !== undefined ? { killMissed: planned.kill.signal } : {}),
      steps: existsSync(eventLog) ? stepsOf(readFileSync(eventLog, "utf8")) : [],
      ...(exported === undefined ? {} : { stateAfter: exported.view, exportText: exported.text }),
      nicsAfter,
    };
    this.commands.push(record);
    if (exported !== undefined) this.held = exported.view;
    setup.log(`  ${commandLine(this.startMs, record)}`);
    return record;
  }

  /** Runs a command as a user does: when the CLI says the stack is locked (a killed CLI left its lock), `pulumi cancel`, then again. */
  async runAsUser(planned: PlannedCommand): Promise<CommandRecord> {
    const first = await this.run(planned);
    if (first.ok || !LOCKED.test(`${first.error ?? ""}\n${first.output ?? ""}`)) return first;
    await this.run({ name: "cancel", phase: planned.phase, chaos: false });
    return this.run({ name: planned.name, phase: planned.phase, chaos: planned.chaos });
  }

  /**
   * Detaches NICs from the instances they are attached to, as a user does in the console when
   * `up` says "NIC … is attached to instance …, not …. Detach it there first". Recorded as an
   * out-of-band detach, which is what it is to the provider.
   */
  detachAsUser(nics: readonly { readonly nicId: string; readonly instanceId: string }[]): void {
    for (const { nicId, instanceId } of nics) {
      const nic = this.setup.sim.control.getNic(nicId);
      if (nic?.instanceId !== instanceId || (nic.status !== "USED" && nic.status !== "ATTACHING")) continue;
      this.setup.sim.control.outOfBand.detachNic(nicId);
      this.userEvents.push({ atMs: Date.now(), kind: "out-of-band detach", nicId, instanceId });
      this.setup.log(`  the user detaches NIC ${nicId} from instance ${instanceId}, as the error says`);
    }
  }

  /**
   * After a kill -9, deletes the empty checkpoint sidecar Pulumi's file backend can leave (see
   * {@link removeEmptySidecars}), as a user does when every command then says "failed to load
   * checkpoint: EOF". Recorded as a user event, so the trace shows it.
   */
  private repairBackendAsUser(): void {
    for (const file of removeEmptySidecars(this.setup.backendDir)) {
      this.userEvents.push({ atMs: Date.now(), kind: `user deletes the empty ${file} a kill -9 left` });
      this.setup.log(`  the kill left ${file} empty (Pulumi's file backend); the user deletes it`);
    }
  }

  /** The plain export and what it shows; tried twice, since a failing export says nothing about the provider. */
  private async exportState(): Promise<{ text: string; view: StackView } | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const text = await this.setup.stack.exportPlain();
        return { text, view: stackViewOf(text) };
      } catch (error) {
        this.setup.log(
          `  export failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        );
      }
    }
    return undefined;
  }
}
