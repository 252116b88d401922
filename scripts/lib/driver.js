"use strict";
/**
 * Runs ONE Pulumi operation on an inline program that uses the INSTALLED `pulumi-zenlayer` package,
 * the way a user's program would (or, with `programDir`, on the program in that folder): the end-to-end tests, the engine chaos runs and `npm run bench`
 * copy it into a project where the packed package is installed and run it there with `node`
 * (cwd = that project). The program, the Automation API and the dynamic-provider process then all
 * use that project's own `@pulumi/pulumi` and `pulumi-zenlayer` (an inline program must run on the
 * same copy of `@pulumi/pulumi` as the Automation API, so it cannot run inside jest).
 *
 * Plain CommonJS on purpose: it must run unchanged on every Node version and SDK the tests install.
 *
 * Input: one JSON command on stdin:
 *   { op, pulumiRoot, stackName, projectName, attachments?: AttachmentSpec[], noops?, config?,
 *     refresh?, clearPendingCreates?, parallel?, ignoreInterrupt?, eventLog?, programDir? }
 *   op: "up" | "preview" | "refresh" | "destroy" | "cancel" | "setConfig"
 *   AttachmentSpec: { name, nicId, instanceId, timeouts?, nicIdFromOutput? }
 *     nicIdFromOutput: the nicId reaches the attachment through the output of another resource that
 *     only gets its value when created, so it is unknown during a preview.
 *   noops: that many dynamic resources that make no API call (to time Pulumi's dynamic-provider host).
 *   config: { key: { value, secret? } }, set on the stack before the operation ("setConfig" sets only it).
 *   parallel: the engine's --parallel; absent means the CLI's default.
 *   ignoreInterrupt: the driver outlives a SIGINT (it notes it on stderr and keeps waiting), like a
 *     program that lets the CLI finish: a SIGINT sent to the driver's process group then acts on the
 *     CLI alone, which cancels gracefully (a second SIGINT makes it stop at once).
 *   eventLog: a file to append the operation's engine events to, one JSON line each, as they arrive.
 *   programDir: run the program of that folder (its Pulumi.yaml names the project and the runtime,
 *     e.g. a YAML program on the provider plugin) instead of the inline one; attachments, noops and
 *     projectName are then not used. Everything else (the operation, events, timing) is the same.
 * Output: progress (the CLI's output) on stderr; one JSON line on stdout at the end:
 *   { ok: true, op, output, runtime, startedAtMs, finishedAtMs, failedSteps, errorDiagnostics,
 *     completions, outputs?, changes? } or the same with ok: false and error.
 *   startedAtMs and finishedAtMs bracket the Automation API call (not the driver's start-up or the
 *   stack selection); completions lists { name, op, atMs } for every resource step the engine
 *   reported done (its ResOutputsEvent), dated when the driver received the event.
 * Exit code 0 on success, 1 on failure.
 */
const fs = require("node:fs");
const automation = require("@pulumi/pulumi/automation");
const pulumi = require("@pulumi/pulumi");
const zenlayer = require("pulumi-zenlayer");

/** Copies its input to an output that is unknown until the resource is created, with no API call. */
const echoProvider = {
  async create(inputs) {
    return { id: `echo-${inputs.value}`, outs: { value: inputs.value, echoed: inputs.value } };
  },
};

class Echo extends pulumi.dynamic.Resource {
  constructor(name, value) {
    super(echoProvider, name, { value, echoed: undefined }, {}, "driver", "Echo");
  }
}

function declareAttachment(spec) {
  const nicId = spec.nicIdFromOutput ? new Echo(`${spec.name}-nic-source`, spec.nicId).echoed : spec.nicId;
  const args = { nicId, instanceId: spec.instanceId };
  if (spec.timeouts !== undefined) {
    args.timeouts = spec.timeouts;
  }
  return new zenlayer.zec.NetworkInterfaceAttachment(spec.name, args);
}

function programFor(command) {
  return async () => {
    const outputs = {};
    for (const spec of command.attachments || []) {
      const attachment = declareAttachment(spec);
      outputs[spec.name] = {
        id: attachment.id,
        nicId: attachment.nicId,
        instanceId: attachment.instanceId,
        status: attachment.status,
      };
    }
    for (let index = 0; index < (command.noops || 0); index++) {
      new Echo(`noop-${index}`, String(index));
    }
    return outputs;
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

function plainOutputs(outputs) {
  return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));
}

async function openStack(command) {
  const pulumiCommand = await automation.PulumiCommand.get({ root: command.pulumiRoot });
  const stack =
    typeof command.programDir === "string"
      ? await automation.LocalWorkspace.createOrSelectStack(
          { stackName: command.stackName, workDir: command.programDir },
          { pulumiCommand },
        )
      : await automation.LocalWorkspace.createOrSelectStack(
          { stackName: command.stackName, projectName: command.projectName, program: programFor(command) },
          { workDir: process.cwd(), pulumiCommand },
        );
  if (command.config !== undefined) {
    await stack.setAllConfig(command.config);
  }
  return stack;
}

async function runOperation(stack, command, options) {
  switch (command.op) {
    case "up": {
      const result = await stack.up({ ...options, refresh: Boolean(command.refresh) });
      return { outputs: plainOutputs(result.outputs), changes: result.summary.resourceChanges };
    }
    case "preview":
      return { changes: (await stack.preview(options)).changeSummary };
    case "refresh": {
      const clearPendingCreates = Boolean(command.clearPendingCreates);
      return { changes: (await stack.refresh({ ...options, clearPendingCreates })).summary.resourceChanges };
    }
    case "destroy":
      return { changes: (await stack.destroy(options)).summary.resourceChanges };
    case "cancel":
      await stack.cancel();
      return {};
    case "setConfig":
      return {};
    default:
      throw new Error(`unknown op ${JSON.stringify(command.op)}`);
  }
}

/**
 * The engine events, counted (failed steps, error diagnostics, completed steps) and, with
 * `eventLog`, appended to that file as they arrive (the format of the CLI's `--event-log`), so the
 * events before a kill survive it.
 */
function eventWatch(command, counted) {
  return (event) => {
    if (typeof command.eventLog === "string")
      fs.appendFileSync(command.eventLog, `${JSON.stringify(event)}\n`);
    if (event.resOpFailedEvent) counted.failedSteps += 1;
    if (event.diagnosticEvent && event.diagnosticEvent.severity === "error") counted.errorDiagnostics += 1;
    const done = event.resOutputsEvent && event.resOutputsEvent.metadata;
    if (done) counted.completions.push({ name: done.urn.split("::").pop(), op: done.op, atMs: Date.now() });
  };
}

/** Which Node.js and which copy of `@pulumi/pulumi` this run used, for compatibility checks. */
function runtimeVersions() {
  return { node: process.version, pulumiSdk: require("@pulumi/pulumi/package.json").version };
}

async function main() {
  const command = JSON.parse(await readStdin());
  if (command.ignoreInterrupt) {
    process.on("SIGINT", () => process.stderr.write("[driver] SIGINT received; waiting for the CLI\n"));
  }
  const report = { op: command.op, output: "", runtime: runtimeVersions(), startedAtMs: 0, finishedAtMs: 0 };
  const counted = { failedSteps: 0, errorDiagnostics: 0, completions: [] };
  const onOutput = (text) => {
    report.output += text;
    process.stderr.write(text);
  };
  const options = {
    onOutput,
    onEvent: eventWatch(command, counted),
    ...(command.parallel === undefined ? {} : { parallel: command.parallel }),
  };
  try {
    const stack = await openStack(command);
    report.startedAtMs = Date.now();
    const result = await runOperation(stack, command, options);
    report.finishedAtMs = Date.now();
    process.stdout.write(`${JSON.stringify({ ok: true, ...report, ...counted, ...result })}\n`);
  } catch (error) {
    report.finishedAtMs = Date.now();
    // Only the message: error objects of a failed run can reference the program's inputs.
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`${JSON.stringify({ ok: false, ...report, ...counted, error: message })}\n`);
    process.exitCode = 1;
  }
}

main();
