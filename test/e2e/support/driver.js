"use strict";
/**
 * End-to-end driver: runs ONE Pulumi operation on an inline program that uses the INSTALLED
 * `pulumi-zenlayer` package, the way a user's program would. It is copied into a temporary project
 * and run there with `node` (cwd = that project), so the program, the Automation API and the
 * dynamic-provider process all use that project's own `@pulumi/pulumi` and `pulumi-zenlayer`
 * (an inline program must run on the same copy of `@pulumi/pulumi` as the Automation API).
 *
 * Plain CommonJS on purpose: it must run unchanged on every Node version and SDK the tests install.
 *
 * Input: one JSON command on stdin:
 *   { op, pulumiRoot, stackName, projectName, attachments?: AttachmentSpec[], config?, refresh?,
 *     clearPendingCreates?, ignoreInterrupt?, eventLog? }
 *   op: "up" | "preview" | "refresh" | "destroy" | "cancel" | "export" | "setConfig"
 *   AttachmentSpec: { name, nicId, instanceId, timeouts?, nicIdFromOutput? }
 *     nicIdFromOutput: the nicId reaches the attachment through the output of another resource that
 *     only gets its value when created, so it is unknown during a preview.
 *   ignoreInterrupt: the driver outlives a SIGINT (it notes it on stderr and keeps waiting), like a
 *     program that lets the CLI finish: a SIGINT sent to the driver's process group then acts on the
 *     CLI alone, which cancels gracefully (a second SIGINT makes it stop at once).
 *   eventLog: a file to append the operation's engine events to, one JSON line each.
 * Output: progress (the CLI's output) on stderr; one JSON line on stdout at the end:
 *   { ok: true, op, output, runtime, outputs?, changes?, deployment? } or { ok: false, op, error, output }.
 * Exit code 0 on success, 1 on failure.
 */
const fs = require("node:fs");
const automation = require("@pulumi/pulumi/automation");
const pulumi = require("@pulumi/pulumi");
const zenlayer = require("pulumi-zenlayer");

/** Copies its input to an output that is unknown until the resource is created. */
const echoProvider = {
  async create(inputs) {
    return { id: `echo-${inputs.value}`, outs: { value: inputs.value, echoed: inputs.value } };
  },
};

class Echo extends pulumi.dynamic.Resource {
  constructor(name, value) {
    super(echoProvider, name, { value, echoed: undefined }, {}, "e2e", "Echo");
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

function programFor(attachments) {
  return async () => {
    const outputs = {};
    for (const spec of attachments) {
      const attachment = declareAttachment(spec);
      outputs[spec.name] = {
        id: attachment.id,
        nicId: attachment.nicId,
        instanceId: attachment.instanceId,
        status: attachment.status,
      };
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
  return automation.LocalWorkspace.createOrSelectStack(
    {
      stackName: command.stackName,
      projectName: command.projectName,
      program: programFor(command.attachments || []),
    },
    { workDir: process.cwd(), pulumiCommand },
  );
}

async function runOperation(stack, command, watch) {
  switch (command.op) {
    case "up": {
      const result = await stack.up({ ...watch, refresh: Boolean(command.refresh) });
      return { outputs: plainOutputs(result.outputs), changes: result.summary.resourceChanges };
    }
    case "preview": {
      const result = await stack.preview({ ...watch });
      return { changes: result.changeSummary };
    }
    case "refresh": {
      const result = await stack.refresh({
        ...watch,
        clearPendingCreates: Boolean(command.clearPendingCreates),
      });
      return { changes: result.summary.resourceChanges };
    }
    case "destroy": {
      const result = await stack.destroy({ ...watch });
      return { changes: result.summary.resourceChanges };
    }
    case "cancel":
      await stack.cancel();
      return {};
    case "export":
      return { deployment: (await stack.exportStack()).deployment };
    case "setConfig":
      await stack.setAllConfig(command.config || {});
      return {};
    default:
      throw new Error(`unknown op ${JSON.stringify(command.op)}`);
  }
}

/**
 * With `eventLog`, every engine event is appended to that file as one JSON line as it arrives (the
 * format of the CLI's `--event-log`), so the events before a kill survive it.
 */
function eventWatch(command) {
  if (typeof command.eventLog !== "string") {
    return {};
  }
  return { onEvent: (event) => fs.appendFileSync(command.eventLog, `${JSON.stringify(event)}\n`) };
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
  let output = "";
  const onOutput = (text) => {
    output += text;
    process.stderr.write(text);
  };
  try {
    const stack = await openStack(command);
    const result = await runOperation(stack, command, { onOutput, ...eventWatch(command) });
    process.stdout.write(
      `${JSON.stringify({ ok: true, op: command.op, output, runtime: runtimeVersions(), ...result })}\n`,
    );
  } catch (error) {
    // Only the message: error objects of a failed run can reference the program's inputs.
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`${JSON.stringify({ ok: false, op: command.op, error: message, output })}\n`);
    process.exitCode = 1;
  }
}

main();
