/**
 * pulumi-zenlayer: Pulumi resources for Zenlayer Cloud.
 * @packageDocumentation
 */
import * as zec from "./provider/zec/index";

export { zec };
