import http, { type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { sendJson } from "./body.js";

/** The gateway's bound socket, before and after it serves. */
export interface GatewayListener {
  server: http.Server;
  /** e.g. http://127.0.0.1:4000 */
  url: string;
  /** Hands every request to `handler` from now on; until then each is answered 503. */
  serve(handler: RequestListener): void;
}

/**
 * Binds the gateway's port first, so its URL is known before the rest is built: the embedded
 * simulator must be told where to call the gateway back before the gateway can be made.
 */
export async function listen(options: { port: number; host: string }): Promise<GatewayListener> {
  const starting: RequestListener = (_req, res) => sendJson(res, 503, { status: "starting" });
  const server = http.createServer(starting);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}`,
    serve(handler) {
      server.off("request", starting);
      server.on("request", handler);
    },
  };
}
