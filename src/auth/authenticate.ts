import type { IncomingHttpHeaders } from "node:http";
import { ANONYMOUS, type Principal } from "./principal.js";

/**
 * What a caller presents: the request's headers (HTTP, Server-Sent Events, or a WebSocket's
 * upgrade request) and, on a WebSocket, the `connection_init` payload.
 */
export interface PresentedCredentials {
  headers: IncomingHttpHeaders;
  connectionParams?: Readonly<Record<string, unknown>>;
}

/**
 * Establishes who the caller is, or throws an UnauthenticatedError (answered with HTTP 401, or
 * a refused WebSocket connection). The same function guards every transport.
 */
export type Authenticate = (presented: PresentedCredentials) => Promise<Principal>;

/** No access control: everyone is the anonymous caller. */
export const openAccess: Authenticate = async () => ANONYMOUS;
