/**
 * The provider plugin's RPCs against the simulator, over real gRPC on 127.0.0.1: what the engine
 * sends and what it must get back (secrets kept secret, a partial failure as "created, but not
 * ready", a detailed diff, an import by id, Cancel ending a wait). The engine's own use of them is
 * proven by the end-to-end tests; these pin the protocol details cheaply.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { plainProperties, toStruct } from "../../../provider/native/propertyValues";
import { servePlugin } from "../../../provider/native/server";
import type { RunningPlugin } from "../../../provider/native/server";
import { DEFAULT_ACCESS_KEY, startSimulator } from "../../../simulator/index";
import type { Simulator } from "../../../simulator/index";

const PROJECT = "urn:pulumi:dev::native";
const ATTACHMENT_URN = `${PROJECT}::zenlayer:zec:NetworkInterfaceAttachment::app`;
const DEFAULT_PROVIDER = `${PROJECT}::pulumi:providers:zenlayer::default_0_2_0`;
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

let sim: Simulator;
let plugin: RunningPlugin;
let client: ResourceProviderClient;
let instanceId: string;
let nicId: string;

/** Calls one RPC and resolves with its answer, or rejects with the gRPC error. */
function rpc<Res>(
  send: (callback: (error: grpc.ServiceError | null, response: Res) => void) => unknown,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    send((error, response) => (error === null ? resolve(response) : reject(error)));
  });
}

async function configure(): Promise<void> {
  const request = new proto.ConfigureRequest();
  request.setUrn(DEFAULT_PROVIDER);
  request.setArgs(
    toStruct(
      {
        accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
        accessKeyPassword: DEFAULT_ACCESS_KEY.accessKeyPassword,
        domain: sim.domain,
        scheme: "HTTP",
      },
      new Set(["accessKeyPassword"]),
    ),
  );
  const response = await rpc<proto.ConfigureResponse>((done) => client.configure(request, done));
  expect(response.getAcceptsecrets()).toBe(true);
}

function createRequest(properties: object, timeoutSeconds = 0): proto.CreateRequest {
  const request = new proto.CreateRequest();
  request.setUrn(ATTACHMENT_URN);
  request.setProperties(toStruct(properties));
  request.setTimeout(timeoutSeconds);
  return request;
}

beforeEach(async () => {
  sim = await startSimulator({ transitionDelayMs: 40 });
  instanceId = sim.control.addInstance({ regionId: "asia-east-1" }).instanceId;
  nicId = sim.control.addNic({ regionId: "asia-east-1" }).nicId;
  plugin = await servePlugin({
    version: "0.2.0",
    schema: () => "{}",
    env: {},
    overrides: { polling: { intervalMs: 20 }, readConsistencyMs: 50 },
  });
  client = new ResourceProviderClient(`127.0.0.1:${String(plugin.port)}`, grpc.credentials.createInsecure());
});

afterEach(async () => {
  client.close();
  await plugin.stop();
  await sim.stop();
});

describe("the provider plugin over gRPC", () => {
  it("keeps the password secret in the configuration it checks", async () => {
    const request = new proto.CheckRequest();
    request.setUrn(DEFAULT_PROVIDER);
    const config = {
      accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
      accessKeyPassword: "plain",
      domain: sim.domain,
    };
    request.setNews(toStruct(config));
    const response = await rpc<proto.CheckResponse>((done) => client.checkConfig(request, done));
    expect(response.getFailuresList()).toEqual([]);
    const wire = response.getInputs()?.toJavaScript() as Record<string, unknown>;
    expect(wire["accessKeyPassword"]).toEqual({
      "4dabf18193072939515e22adb298388d": SECRET_SIG,
      value: "plain",
    });
  });

  it("names the setting at fault in a configuration it cannot use", async () => {
    const request = new proto.CheckRequest();
    request.setUrn(DEFAULT_PROVIDER);
    request.setNews(toStruct({ accessKeyId: "id", accessKeyPassword: "pw", scheme: "FTP" }));
    const failures = (
      await rpc<proto.CheckResponse>((done) => client.checkConfig(request, done))
    ).getFailuresList();
    expect(failures.map((failure) => [failure.getProperty(), failure.getReason()])).toEqual([
      ["scheme", expect.stringContaining("must be HTTP or HTTPS")],
    ]);
  });

  it("attaches, reads back, imports by id and detaches", async () => {
    await configure();
    const created = await rpc<proto.CreateResponse>((done) =>
      client.create(createRequest({ nicId, instanceId }), done),
    );
    expect(created.getId()).toBe(`${nicId}:${instanceId}`);
    expect(plainProperties(created.getProperties()).values).toMatchObject({ status: "USED", instanceId });

    const imported = new proto.ReadRequest();
    imported.setUrn(ATTACHMENT_URN);
    imported.setId(created.getId());
    const read = await rpc<proto.ReadResponse>((done) => client.read(imported, done));
    expect(read.getId()).toBe(created.getId());
    expect(plainProperties(read.getInputs()).values).toEqual({ nicId, instanceId });

    const deletion = new proto.DeleteRequest();
    deletion.setUrn(ATTACHMENT_URN);
    deletion.setId(created.getId());
    deletion.setProperties(created.getProperties());
    await rpc<Empty>((done) => client.delete(deletion, done));
    expect(sim.control.getNic(nicId)).toMatchObject({ status: "AVAILABLE", instanceId: null });
  });

  it("reports a timed-out attach as created but not ready, with the named instance", async () => {
    await configure();
    sim.control.stallTransitions({ nicId, forMs: "forever" });
    const error = await rpc<proto.CreateResponse>((done) =>
      client.create(createRequest({ nicId, instanceId }, 0.3), done),
    ).then(
      () => undefined,
      (thrown: grpc.ServiceError) => thrown,
    );
    const details = error?.metadata.get("grpc-status-details-bin")[0];
    expect(details).toBeInstanceOf(Buffer);
    const status = Status.deserializeBinary(details as Buffer);
    const detail = status
      .getDetailsList()[0]
      ?.unpack(proto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
    expect(detail?.getId()).toBe(`${nicId}:${instanceId}`);
    expect(plainProperties(detail?.getProperties()).values).toMatchObject({
      instanceId,
      status: "ATTACHING",
    });
    expect(error?.details).toContain("did not finish within its 300ms timeout");
    sim.control.releaseStalls();
  });

  it("answers a diff in detail: a new instance replaces the attachment, the old one detached first", async () => {
    const request = new proto.DiffRequest();
    request.setUrn(ATTACHMENT_URN);
    request.setId(`${nicId}:${instanceId}`);
    request.setOlds(toStruct({ nicId, instanceId, status: "USED" }));
    request.setNews(toStruct({ nicId, instanceId: "1000000000000000009" }));
    const diff = await rpc<proto.DiffResponse>((done) => client.diff(request, done));
    expect(diff.getChanges()).toBe(proto.DiffResponse.DiffChanges.DIFF_SOME);
    expect(diff.getReplacesList()).toEqual(["instanceId"]);
    expect(diff.getDeletebeforereplace()).toBe(true);
    expect(diff.getDetaileddiffMap().get("instanceId")?.getKind()).toBe(
      proto.PropertyDiff.Kind.UPDATE_REPLACE,
    );
  });

  it("stops a waiting attach within a second of Cancel, keeping it as created but not ready", async () => {
    await configure();
    sim.control.stallTransitions({ nicId, forMs: "forever" });
    const started = Date.now();
    const creating = rpc<proto.CreateResponse>((done) =>
      client.create(createRequest({ nicId, instanceId }), done),
    ).then(
      () => undefined,
      (thrown: grpc.ServiceError) => thrown,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await rpc<Empty>((done) => client.cancel(new Empty(), done));
    const error = await creating;
    expect(Date.now() - started).toBeLessThan(300 + 1000);
    expect(error?.details).toContain("was cancelled before it finished");
    expect(error?.metadata.get("grpc-status-details-bin")).toHaveLength(1);
    sim.control.releaseStalls();
  });

  it("looks up an instance through Invoke, and names a bad id", async () => {
    await configure();
    const request = new proto.InvokeRequest();
    request.setTok("zenlayer:zec:getInstance");
    request.setArgs(toStruct({ instanceId }));
    const found = await rpc<proto.InvokeResponse>((done) => client.invoke(request, done));
    expect(found.getReturn()?.toJavaScript()).toMatchObject({ instanceId, status: "RUNNING" });
    request.setArgs(toStruct({ instanceId: "no-such" }));
    await expect(rpc<proto.InvokeResponse>((done) => client.invoke(request, done))).rejects.toMatchObject({
      details: expect.stringContaining("getInstance: instanceId must be a Zenlayer id"),
    });
  });

  it("refuses an Invoke whose filter the lookup's definition refuses, before anything is sent", async () => {
    await configure();
    const request = new proto.InvokeRequest();
    request.setTok("zenlayer:zec:getNetworkInterfaces");
    request.setArgs(toStruct({ status: "ATTACHED" }));
    const before = sim.control.requestLog().length;
    const error = await rpc<proto.InvokeResponse>((done) => client.invoke(request, done)).catch(
      (failure: { details?: string }) => failure,
    );
    expect(error).toMatchObject({ details: expect.stringMatching(/^getNetworkInterfaces: status /) });
    expect(
      sim.control
        .requestLog()
        .slice(before)
        .map((entry) => entry.action),
    ).toEqual([]);
  });
});
