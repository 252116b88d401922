import type * as dynamic from "@pulumi/pulumi/dynamic";

type AnyInputs = Record<string, unknown>;
type Handlers = Required<dynamic.ResourceProvider<AnyInputs, AnyInputs>>;

/**
 * Loads the real handlers from the `pulumi-zenlayer` package that the Pulumi program uses. The
 * provider process runs with the program's directory as its working directory, so resolving from
 * there finds the installed package (or the package itself, when the program lives inside it).
 */
function loadHandlers(): Handlers {
  const { createRequire } = require("node:module");
  const { join } = require("node:path");
  const programRequire = createRequire(join(process.cwd(), "pulumi-program.js"));
  return programRequire("pulumi-zenlayer/provider").networkInterfaceAttachmentProvider;
}

/**
 * The provider object Pulumi serializes into state for every attachment. Each method loads the
 * real handlers from the installed package at call time instead of carrying them by value, so:
 * the serialized text stays small; nothing the program holds (credentials, clients) can be
 * captured into state; and upgrading `pulumi-zenlayer` upgrades the delete and refresh logic of
 * resources created by older versions (provider code in state is otherwise frozen).
 *
 * The methods must stay self-contained: the serializer copies their text and `loadHandlers`.
 * @internal
 */
export const attachmentProviderReference: dynamic.ResourceProvider<AnyInputs, AnyInputs> = {
  async configure(req) {
    await loadHandlers().configure(req);
  },
  async check(olds, news) {
    return loadHandlers().check(olds, news);
  },
  async diff(id, olds, news) {
    return loadHandlers().diff(id, olds, news);
  },
  async create(inputs) {
    return loadHandlers().create(inputs);
  },
  async read(id, props) {
    return loadHandlers().read(id, props);
  },
  async update(id, olds, news) {
    return loadHandlers().update(id, olds, news);
  },
  async delete(id, props) {
    await loadHandlers().delete(id, props);
  },
};
