/**
 * pulumi-zenlayer: Pulumi resources for Zenlayer Cloud.
 * @packageDocumentation
 */
export { sign } from "./sdk/signing/signer";
