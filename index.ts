/**
 * pulumi-zenlayer: Pulumi resources for Zenlayer Cloud.
 * @packageDocumentation
 * @module pulumi-zenlayer
 */
import * as zec from "./provider/zec/index";

export { zec };
