/**
 * The provider plugin's gRPC server: Pulumi's `ResourceProvider` service mapped onto
 * {@link ZenlayerProvider}, UNIMPLEMENTED for the RPCs a custom-resource provider has no use for.
 * @packageDocumentation
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { IResourceProviderServer } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as proto from "@pulumi/pulumi/proto/provider_pb";
import { resourceKindOf, typeOfUrn } from "./resourceKinds";
import { unary, unimplemented } from "./rpcErrors";
import { ZenlayerProvider } from "./zenlayerProvider";
import type { PluginOptions } from "./zenlayerProvider";

/** The service implementation: each RPC of {@link ZenlayerProvider}, and UNIMPLEMENTED for the rest. */
function serviceOf(provider: ZenlayerProvider): IResourceProviderServer {
  const wireOf = (urn: string) => (outputs: object) => {
    const kind = resourceKindOf(typeOfUrn(urn));
    return kind === undefined ? outputs : kind.wire(outputs);
  };
  return {
    handshake: unary(() => provider.handshake()),
    parameterize: unimplemented("Parameterize"),
    getSchema: unary((request: proto.GetSchemaRequest) => provider.getSchema(request)),
    checkConfig: unary((request: proto.CheckRequest) => provider.checkConfig(request)),
    diffConfig: unary((request: proto.DiffRequest) => provider.diffConfig(request)),
    configure: unary((request: proto.ConfigureRequest) => provider.configure(request)),
    invoke: unary((request: proto.InvokeRequest) => provider.invoke(request)),
    call: unimplemented("Call"),
    check: unary((request: proto.CheckRequest) => provider.check(request)),
    diff: unary((request: proto.DiffRequest) => provider.diff(request)),
    create: (call, callback) =>
      unary((request: proto.CreateRequest) => provider.create(request), wireOf(call.request.getUrn()))(
        call,
        callback,
      ),
    read: unary((request: proto.ReadRequest) => provider.read(request)),
    list: (call) => {
      call.emit("error", {
        code: grpc.status.UNIMPLEMENTED,
        details: "List is not implemented by the zenlayer provider",
      });
    },
    update: (call, callback) =>
      unary((request: proto.UpdateRequest) => provider.update(request), wireOf(call.request.getUrn()))(
        call,
        callback,
      ),
    delete: unary((request: proto.DeleteRequest) => provider.delete(request)),
    construct: unimplemented("Construct"),
    cancel: unary(() => provider.cancel()),
    getPluginInfo: unary(() => provider.getPluginInfo()),
    attach: unimplemented("Attach"),
    getMapping: unimplemented("GetMapping"),
    getMappings: unimplemented("GetMappings"),
  };
}

/** A running plugin: where it listens, and how to stop it. @internal */
export interface RunningPlugin {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Serves the provider on a port of its own on 127.0.0.1 (the engine reads the port from the
 * plugin's stdout). The engine stops the plugin by signal after the operation; `stop` is for tests.
 * @internal
 */
export async function servePlugin(options: PluginOptions): Promise<RunningPlugin> {
  const provider = new ZenlayerProvider(options);
  const server = new grpc.Server({ "grpc.max_receive_message_length": 64 * 1024 * 1024 });
  server.addService(ResourceProviderService, serviceOf(provider));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    );
  });
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        provider.close();
        server.tryShutdown(() => resolve());
      }),
  };
}
