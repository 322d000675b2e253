import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayMetrics } from "../metrics/gateway-metrics.js";
import { sendJson } from "./body.js";

/** `GET /metrics`: Prometheus text format. */
export function metricsRoute(metrics: GatewayMetrics) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, { error: "Method not allowed" });
    }
    const text = await metrics.metrics();
    res.statusCode = 200;
    res.setHeader("content-type", metrics.contentType);
    res.end(text);
  };
}
