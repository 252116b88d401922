import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { isUnknown } from "../core/inputValues";
import type { DiffResult } from "../core/results";
import type { ResourceKind } from "./resourceKinds";

type Bag = Record<string, unknown>;
const Kind = proto.PropertyDiff.Kind;

/** How `property` changed between the stored state and the new inputs, or `undefined` if it did not. */
function kindOf(
  property: string,
  olds: Bag,
  news: Bag,
  replaces: ReadonlySet<string>,
): proto.PropertyDiff.Kind | undefined {
  const before = olds[property];
  const after = news[property];
  if (!isUnknown(after) && JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const replace = replaces.has(property);
  if (before === undefined) return replace ? Kind.ADD_REPLACE : Kind.ADD;
  if (after === undefined) return replace ? Kind.DELETE_REPLACE : Kind.DELETE;
  return replace ? Kind.UPDATE_REPLACE : Kind.UPDATE;
}

/**
 * The engine's diff answer: the core's verdict (changes, replaces, delete first) with the detail a
 * preview shows per property, so `pulumi preview` says which input changed and which change
 * replaces the resource.
 * @internal
 */
export function detailedDiff(
  kind: ResourceKind,
  verdict: DiffResult,
  olds: Bag,
  news: Bag,
): proto.DiffResponse {
  const replaces = new Set(verdict.replaces ?? []);
  const response = new proto.DiffResponse();
  const details = response.getDetaileddiffMap();
  const changed: string[] = [];
  for (const property of new Set([...kind.inputNames, ...replaces])) {
    const how = kindOf(property, olds, news, replaces);
    if (how === undefined) continue;
    changed.push(property);
    const detail = new proto.PropertyDiff();
    detail.setKind(how);
    detail.setInputdiff(true);
    details.set(property, detail);
  }
  const changes = verdict.changes || replaces.size > 0;
  response.setChanges(
    changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE,
  );
  response.setReplacesList([...replaces]);
  response.setDeletebeforereplace(verdict.deleteBeforeReplace === true);
  response.setDiffsList(changed);
  response.setHasdetaileddiff(true);
  return response;
}
