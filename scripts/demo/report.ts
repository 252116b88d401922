import type { Simulator } from "../../simulator/index";

const BOLD = process.stdout.isTTY ? "\u001b[1m" : "";
const RESET = process.stdout.isTTY ? "\u001b[0m" : "";

/** Prints a step heading, so the demo reads as a sequence of commands. */
export function heading(text: string): void {
  process.stdout.write(`\n${BOLD}== ${text}${RESET}\n`);
}

/** Streams engine output indented under the current heading. */
export function indented(chunk: string): void {
  process.stdout.write(chunk.replace(/^(?=.)/gm, "   | "));
}

/** One line per NIC in the simulator: what the cloud really holds now. */
export function printNics(sim: Simulator, nicIds: readonly string[]): void {
  for (const nicId of nicIds) {
    const nic = sim.control.getNic(nicId);
    const where = nic?.instanceId ? `attached to ${nic.instanceId}` : "not attached";
    process.stdout.write(`   nic ${nicId} (${nic?.name ?? "?"}): ${nic?.status ?? "gone"}, ${where}\n`);
  }
}

/** The API calls the simulator received, per action: what each operation cost. */
export function printApiCalls(sim: Simulator): void {
  const counts = Object.entries(sim.control.actionCounts()).sort(([a], [b]) => a.localeCompare(b));
  for (const [action, count] of counts) {
    process.stdout.write(`   ${action.padEnd(28)} ${count}\n`);
  }
}
