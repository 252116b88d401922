import type * as dynamic from "@pulumi/pulumi/dynamic";

type AnyInputs = Record<string, unknown>;

/**
 * The provider object Pulumi serializes into state for every resource of one kind. Each method
 * loads the real handlers, the export `exportName` of `pulumi-zenlayer/provider`, from the package
 * the program has installed, at call time, instead of carrying them by value, so:
 * - the serialized text stays small, and nothing the program holds (credentials, clients) can be
 *   captured into state;
 * - upgrading `pulumi-zenlayer` upgrades the delete and refresh logic of resources created by
 *   older versions (provider code in state is otherwise frozen).
 * The provider process runs with the program's directory as its working directory, so resolving
 * from there finds the installed package (or the package itself, when the program lives inside it).
 * The methods must stay self-contained: the serializer copies their text and `exportName`.
 * @internal
 */
export function providerReference(exportName: string): dynamic.ResourceProvider<AnyInputs, AnyInputs> {
  const load = (): Required<dynamic.ResourceProvider<AnyInputs, AnyInputs>> => {
    const { createRequire } = require("node:module");
    const { join } = require("node:path");
    return createRequire(join(process.cwd(), "pulumi-program.js"))("pulumi-zenlayer/provider")[exportName];
  };
  return {
    async configure(req) {
      await load().configure(req);
    },
    async check(olds, news) {
      return load().check(olds, news);
    },
    async diff(id, olds, news) {
      return load().diff(id, olds, news);
    },
    async create(inputs) {
      return load().create(inputs);
    },
    async read(id, props) {
      return load().read(id, props);
    },
    async update(id, olds, news) {
      return load().update(id, olds, news);
    },
    async delete(id, props) {
      await load().delete(id, props);
    },
  };
}
