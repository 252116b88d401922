"use strict";
/**
 * Benchmark driver: runs ONE timed Pulumi operation on an inline program that declares
 * `NetworkInterfaceAttachment`s from the INSTALLED `pulumi-zenlayer` package. `npm run bench` copies
 * it into a temporary project where the packed package is installed and runs it there with `node`,
 * so the program, the Automation API and the dynamic-provider process use that project's own
 * `@pulumi/pulumi` and `pulumi-zenlayer`, as a user's would.
 *
 * Input: one JSON command on stdin:
 *   { op: "up" | "destroy", pulumiRoot, stackName, projectName, attachments: [{ name, nicId, instanceId }],
 *     noops?: number, parallel?: number, config?: { key: value } }
 *   noops: that many dynamic resources that make no API call (to time Pulumi's dynamic-provider host).
 *   parallel: the engine's --parallel; absent means the CLI's default.
 * Output: the CLI's output on stderr; one JSON line on stdout:
 *   { ok, op, startedAtMs, finishedAtMs, failedSteps, errorDiagnostics, completions, changes?, error? }
 * where the times bracket the Automation API call (`pulumi up` / `pulumi destroy` and the inline
 * program), not the driver's own start-up or the stack selection before it, and `completions` lists
 * { name, op, atMs } for every resource step the engine reported done (its ResOutputsEvent), dated
 * when the driver received it: after the handler returned, by the engine's own latency plus up to
 * 200 ms of the Automation API's event-file polling.
 */
const automation = require("@pulumi/pulumi/automation");
const pulumi = require("@pulumi/pulumi");
const zenlayer = require("pulumi-zenlayer");

const noopProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.index}`, outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name, index) {
    super(noopProvider, name, { index }, {}, "bench", "Noop");
  }
}

function programFor(command) {
  return async () => {
    for (const spec of command.attachments || []) {
      new zenlayer.zec.NetworkInterfaceAttachment(spec.name, {
        nicId: spec.nicId,
        instanceId: spec.instanceId,
      });
    }
    for (let index = 0; index < (command.noops || 0); index++) {
      new Noop(`noop-${index}`, index);
    }
    return {};
  };
}

function readStdin() {
  return new Promise((resolve, reject) => {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
    process.stdin.on("error", reject);
  });
}

async function main() {
  const command = JSON.parse(await readStdin());
  const pulumiCommand = await automation.PulumiCommand.get({ root: command.pulumiRoot });
  const stack = await automation.LocalWorkspace.createOrSelectStack(
    { stackName: command.stackName, projectName: command.projectName, program: programFor(command) },
    { workDir: process.cwd(), pulumiCommand },
  );
  for (const [key, value] of Object.entries(command.config || {})) {
    await stack.setConfig(key, { value });
  }
  const counted = { failedSteps: 0, errorDiagnostics: 0, completions: [] };
  const options = {
    onOutput: (text) => process.stderr.write(text),
    onEvent: (event) => {
      if (event.resOpFailedEvent) counted.failedSteps += 1;
      if (event.diagnosticEvent && event.diagnosticEvent.severity === "error") counted.errorDiagnostics += 1;
      const done = event.resOutputsEvent && event.resOutputsEvent.metadata;
      if (done) counted.completions.push({ name: done.urn.split("::").pop(), op: done.op, atMs: Date.now() });
    },
    ...(command.parallel === undefined ? {} : { parallel: command.parallel }),
  };
  const startedAtMs = Date.now();
  try {
    const result = command.op === "up" ? await stack.up(options) : await stack.destroy(options);
    const finishedAtMs = Date.now();
    const changes = result.summary.resourceChanges;
    process.stdout.write(
      `${JSON.stringify({ ok: true, op: command.op, startedAtMs, finishedAtMs, ...counted, changes })}\n`,
    );
  } catch (error) {
    const finishedAtMs = Date.now();
    const message = error instanceof Error ? error.message : String(error);
    const result = { ok: false, op: command.op, startedAtMs, finishedAtMs, ...counted, error: message };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ ok: false, error: String(error) })}\n`);
  process.exitCode = 1;
});
