/**
 * One provider instance, as the plugin serves it: Pulumi's `ResourceProvider` RPCs answered on the
 * resource core. Each RPC is a short adapter: properties from the wire, a call of the core with a
 * context built for that call (the provider's configuration, the resource's URN for progress, the
 * user's cancellation, the engine's timeout), properties back to the wire.
 * @packageDocumentation
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { ContextBuilder } from "../core/context";
import type { ContextOverrides, Env, ResourceContext } from "../core/context";
import type { OperationLimits } from "../core/operation";
import type { CheckFailure } from "../core/results";
import { detailedDiff } from "./detailedDiff";
import { EngineLog } from "./engineLog";
import { invokeFunction } from "./functions";
import { checkProviderConfig, configurationOf, diffProviderConfig, SECRET_CONFIG } from "./providerConfig";
import type { ProviderConfiguration } from "./providerConfig";
import { plainProperties, toStruct } from "./propertyValues";
import { resourceKindOf, typeOfUrn } from "./resourceKinds";
import type { ResourceKind } from "./resourceKinds";
import { RpcError } from "./rpcErrors";

/** What the plugin is started with. @internal */
export interface PluginOptions {
  readonly version: string;
  /** The engine's address, for logs tied to resources; without it, logs go to stderr. */
  readonly engineAddress?: string | undefined;
  /** The package schema, as `GetSchema` answers it. */
  readonly schema: () => string;
  readonly env?: Env | undefined;
  /** Tests point the plugin at a simulator with fast polling. */
  readonly overrides?: ContextOverrides | undefined;
}

/** A default provider's URN ends in its name, `default` or `default_<version>`. */
function isDefaultProvider(urn: string | undefined): boolean {
  return urn === undefined || /::default(_[\w.-]+)?$/.test(urn);
}

function failuresOf(failures: readonly CheckFailure[]): proto.CheckFailure[] {
  return failures.map((failure) => {
    const wire = new proto.CheckFailure();
    wire.setProperty(failure.property);
    wire.setReason(failure.reason);
    return wire;
  });
}

/** The engine's timeout in seconds (0: none), as the core takes it. */
function limitsOf(timeoutSeconds: number): OperationLimits {
  return timeoutSeconds > 0 ? { timeoutMs: Math.round(timeoutSeconds * 1000) } : {};
}

/** One provider instance: its configuration, the engine's log and the user's cancellation. @internal */
export class ZenlayerProvider {
  readonly #options: PluginOptions;
  readonly #env: Env;
  readonly #log: EngineLog;
  readonly #cancel = new AbortController();
  readonly #builder: ContextBuilder;
  /** Until `Configure`: nothing set, so every setting comes from the environment. */
  #configuration: ProviderConfiguration = { sources: {}, readConsistencyMs: undefined };

  constructor(options: PluginOptions) {
    this.#options = options;
    this.#env = options.env ?? process.env;
    this.#log = new EngineLog(options.engineAddress);
    this.#builder = new ContextBuilder(options.overrides);
  }

  /** A context for one call on the resource `urn`. */
  context(urn: string): ResourceContext {
    return this.#builder.build({
      ...this.#configuration.sources,
      readConsistencyMs: this.#configuration.readConsistencyMs,
      env: this.#env,
      log: (line) => this.#log.info(urn, line),
      cancel: this.#cancel.signal,
    });
  }

  kindOf(urn: string): ResourceKind {
    const type = typeOfUrn(urn);
    const kind = resourceKindOf(type);
    if (kind === undefined)
      throw new RpcError(grpc.status.INVALID_ARGUMENT, `the zenlayer provider has no resource ${type}`);
    return kind;
  }

  async checkConfig(request: proto.CheckRequest): Promise<proto.CheckResponse> {
    const news = plainProperties(request.getNews()).values;
    const failures = checkProviderConfig(news, isDefaultProvider(request.getUrn()), this.#env);
    const response = new proto.CheckResponse();
    response.setFailuresList(failuresOf(failures));
    if (failures.length === 0) response.setInputs(toStruct(news, SECRET_CONFIG));
    return response;
  }

  async diffConfig(request: proto.DiffRequest): Promise<proto.DiffResponse> {
    const olds = plainProperties(request.getOlds()).values;
    const news = plainProperties(request.getNews()).values;
    const { changed } = diffProviderConfig(olds, news);
    const response = new proto.DiffResponse();
    response.setChanges(
      changed.length > 0
        ? proto.DiffResponse.DiffChanges.DIFF_SOME
        : proto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    response.setDiffsList(changed);
    return response;
  }

  async configure(request: proto.ConfigureRequest): Promise<proto.ConfigureResponse> {
    const args = plainProperties(request.getArgs()).values;
    const variables = Object.fromEntries(
      [...request.getVariablesMap().entries()].map(([key, value]) => [
        key.replace(/^zenlayer:(config:)?/, ""),
        value,
      ]),
    );
    this.#configuration = configurationOf({ ...variables, ...args }, isDefaultProvider(request.getUrn()));
    const response = new proto.ConfigureResponse();
    response.setAcceptsecrets(true);
    response.setSupportspreview(false);
    return response;
  }

  async check(request: proto.CheckRequest): Promise<proto.CheckResponse> {
    const kind = this.kindOf(request.getUrn());
    const checked = kind.check(request.getUrn(), plainProperties(request.getNews()).values);
    const response = new proto.CheckResponse();
    response.setFailuresList(failuresOf(checked.failures ?? []));
    if (checked.inputs !== undefined) response.setInputs(toStruct(checked.inputs));
    return response;
  }

  async diff(request: proto.DiffRequest): Promise<proto.DiffResponse> {
    const kind = this.kindOf(request.getUrn());
    const olds = plainProperties(request.getOlds()).values;
    const news = plainProperties(request.getNews()).values;
    return detailedDiff(kind, kind.diff(request.getUrn(), request.getId(), olds, news), olds, news);
  }

  async create(request: proto.CreateRequest): Promise<proto.CreateResponse> {
    const urn = request.getUrn();
    const kind = this.kindOf(urn);
    const inputs = plainProperties(request.getProperties()).values;
    const response = new proto.CreateResponse();
    if (request.getPreview()) {
      response.setProperties(toStruct(inputs));
      return response;
    }
    const created = await kind.create(this.context(urn), urn, inputs, limitsOf(request.getTimeout()));
    response.setId(created.id);
    response.setProperties(toStruct(kind.wire(created.outputs)));
    return response;
  }

  async read(request: proto.ReadRequest): Promise<proto.ReadResponse> {
    const urn = request.getUrn();
    const kind = this.kindOf(urn);
    const stored = plainProperties(request.getProperties()).values;
    const found = await kind.read(this.context(urn), urn, request.getId(), stored);
    const response = new proto.ReadResponse();
    if (found === undefined) return response; // no id: the resource is gone
    response.setId(request.getId());
    response.setProperties(toStruct(kind.wire(found.outputs)));
    response.setInputs(toStruct(kind.wire(found.inputs)));
    return response;
  }

  async update(request: proto.UpdateRequest): Promise<proto.UpdateResponse> {
    const urn = request.getUrn();
    const kind = this.kindOf(urn);
    const olds = plainProperties(request.getOlds()).values;
    const news = plainProperties(request.getNews()).values;
    const response = new proto.UpdateResponse();
    if (request.getPreview()) {
      response.setProperties(toStruct({ ...olds, ...news }));
      return response;
    }
    const outputs = await kind.update(
      this.context(urn),
      urn,
      request.getId(),
      olds,
      news,
      limitsOf(request.getTimeout()),
    );
    response.setProperties(toStruct(kind.wire(outputs)));
    return response;
  }

  async delete(request: proto.DeleteRequest): Promise<Empty> {
    const urn = request.getUrn();
    const kind = this.kindOf(urn);
    const olds = plainProperties(request.getProperties()).values;
    await kind.delete(this.context(urn), urn, request.getId(), olds, limitsOf(request.getTimeout()));
    return new Empty();
  }

  async invoke(request: proto.InvokeRequest): Promise<proto.InvokeResponse> {
    const args = plainProperties(request.getArgs()).values;
    const result = await invokeFunction(this.context(""), request.getTok(), args);
    const response = new proto.InvokeResponse();
    response.setFailuresList(failuresOf(result.failures ?? []));
    if (result.outputs !== undefined) response.setReturn(toStruct(result.outputs));
    return response;
  }

  /** Ctrl-C: every operation in flight stops waiting and sends nothing more; each ends as it must. */
  async cancel(): Promise<Empty> {
    this.#cancel.abort();
    return new Empty();
  }

  async handshake(): Promise<proto.ProviderHandshakeResponse> {
    const response = new proto.ProviderHandshakeResponse();
    response.setAcceptSecrets(true);
    return response;
  }

  async getPluginInfo(): Promise<PluginInfo> {
    const info = new PluginInfo();
    info.setVersion(this.#options.version);
    return info;
  }

  async getSchema(request: proto.GetSchemaRequest): Promise<proto.GetSchemaResponse> {
    if (request.getSubpackageName() !== "") {
      throw new RpcError(grpc.status.INVALID_ARGUMENT, "the zenlayer provider has no subpackages");
    }
    const response = new proto.GetSchemaResponse();
    response.setSchema(this.#options.schema());
    return response;
  }

  close(): void {
    this.#cancel.abort();
    this.#log.close();
  }
}
