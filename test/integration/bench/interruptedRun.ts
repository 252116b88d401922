/**
 * A bench run cut short, for interrupt.test.ts: it makes the bench's temporary folder, starts a
 * stand-in for a driver (a process group that keeps writing into the folder, re-creating it if it
 * is gone, as the Pulumi CLI's file backend would), prints the folder and the stand-in's pid, and
 * waits to be interrupted.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { createBenchRoot } from "../../../scripts/bench/benchRoot";

async function main(): Promise<void> {
  const root = await createBenchRoot();
  mkdirSync(path.join(root.path, "project"));
  writeFileSync(path.join(root.path, "project", "package.json"), "{}\n");
  const state = path.join(root.path, "pulumi", "stacks");
  const writer = `setInterval(() => { const fs = require("fs"); fs.mkdirSync(${JSON.stringify(state)}, { recursive: true }); fs.writeFileSync(${JSON.stringify(path.join(state, "dev.json"))}, "{}"); }, 10);`;
  const driver = spawn(process.execPath, ["-e", writer], { detached: true, stdio: "ignore" });
  root.runs(driver);
  process.stdout.write(`${JSON.stringify({ folder: root.path, driver: driver.pid })}\n`);
  setInterval(() => undefined, 60_000);
}

void main();
