import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

let httpAgent: HttpAgent | undefined;
let httpsAgent: HttpsAgent | undefined;

/**
 * Keep-alive agents shared by every client in this module copy. Reusing connections avoids a TLS
 * handshake per call, which matters when a deployment polls many NICs. Created on first use so that
 * merely importing the package opens nothing.
 * @internal
 */
export function sharedAgents(): { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent } {
  httpAgent ??= new HttpAgent({ keepAlive: true });
  httpsAgent ??= new HttpsAgent({ keepAlive: true });
  return { httpAgent, httpsAgent };
}
