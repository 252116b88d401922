import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { removeEmptySidecars } from "../../chaos/engine/kills";
import { stackViewOf, stepsOf } from "../../chaos/engine/reading";
import { ATTACHMENT_TYPE } from "../../e2e/support/stackState";

/** How the engine runs read what the CLI wrote: engine event logs and plain stack exports. */
const urn = (name: string): string => `urn:pulumi:s::p::${ATTACHMENT_TYPE}::${name}`;
const metadata = (op: string, name: string, old?: string, now?: string) => ({
  op,
  urn: urn(name),
  type: ATTACHMENT_TYPE,
  old: old === undefined ? null : { outputs: { instanceId: old } },
  new: now === undefined ? null : { inputs: { instanceId: now } },
});
const line = (event: object): string => JSON.stringify({ sequence: 1, timestamp: 1, ...event });

describe("reading the engine's events", () => {
  it("pairs each step's start with its end, even when the end names another op", () => {
    const log = [
      line({ resourcePreEvent: { metadata: metadata("refresh", "a0", "I1", "I1") } }),
      line({ resOutputsEvent: { metadata: metadata("same", "a0", "I1", "I2") } }),
      line({ resourcePreEvent: { metadata: metadata("create", "a1", undefined, "I1") } }),
      line({
        diagnosticEvent: {
          urn: urn("a1"),
          severity: "error",
          message:
            "1 error occurred:\n\t* attaching NIC 5 to instance I1 did not finish within its 2s timeout\n\n",
        },
      }),
      line({ resOpFailedEvent: { metadata: metadata("create", "a1", undefined, "I1") } }),
      line({ resourcePreEvent: { metadata: metadata("delete", "a2", "I1") } }),
      '{"sequence": 9, "resOutputsEv', // cut short by a kill
    ].join("\n");
    expect(stepsOf(log)).toEqual([
      { resource: "a0", op: "refresh", outcome: "ok", oldInstanceId: "I1", newInstanceId: "I2" },
      {
        resource: "a1",
        op: "create",
        outcome: "failed",
        newInstanceId: "I1",
        error: "attaching NIC 5 to instance I1 did not finish within its 2s timeout",
      },
      { resource: "a2", op: "delete", outcome: "unfinished", oldInstanceId: "I1" },
    ]);
  });

  it("reads attachments and pending operations from a stack export", () => {
    const exported = {
      deployment: {
        resources: [
          { urn: "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s", type: "pulumi:pulumi:Stack" },
          { urn: urn("a0"), type: ATTACHMENT_TYPE, id: "N0:I1", outputs: { instanceId: "I1" } },
          { urn: urn("a1"), type: ATTACHMENT_TYPE, id: "N1:I2", inputs: {} },
        ],
        pending_operations: [{ type: "creating", resource: { urn: urn("a2"), type: ATTACHMENT_TYPE } }],
      },
    };
    expect(stackViewOf(JSON.stringify(exported))).toEqual({
      attachments: [
        { resource: "a0", id: "N0:I1", instanceId: "I1" },
        { resource: "a1", id: "N1:I2", instanceId: "I2" },
      ],
      pending: ["creating a2"],
    });
  });
});

describe("what a kill -9 leaves in the file backend", () => {
  let backend: string;
  beforeEach(() => {
    backend = mkdtempSync(path.join(tmpdir(), "sidecars-"));
  });
  afterEach(() => rmSync(backend, { recursive: true, force: true }));

  const put = (relative: string, text: string): string => {
    const file = path.join(backend, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it("removes only the empty sidecar of an existing checkpoint, wherever it is", () => {
    const stacks = ".pulumi/stacks/project";
    put(`${stacks}/killed.json`, "{}");
    const emptySidecar = put(`${stacks}/killed.json.attrs`, "");
    put(`${stacks}/whole.json`, "{}");
    const wholeSidecar = put(`${stacks}/whole.json.attrs`, '{"user.cache_control":""}\n');
    const orphanSidecar = put(`${stacks}/gone.json.attrs`, "");
    const emptyCheckpoint = put(`${stacks}/empty.json`, "");

    expect(removeEmptySidecars(backend)).toEqual([`${stacks}/killed.json.attrs`]);
    expect(
      [emptySidecar, wholeSidecar, orphanSidecar, emptyCheckpoint].map((file) => existsSync(file)),
    ).toEqual([false, true, true, true]);
    expect(removeEmptySidecars(backend)).toEqual([]);
  });

  it("finds nothing in a backend that does not exist yet", () => {
    expect(removeEmptySidecars(path.join(backend, "missing"))).toEqual([]);
  });
});
