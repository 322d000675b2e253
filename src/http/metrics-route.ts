import type { IncomingMessage, ServerResponse } from "node:http";
import { EXPOSITION_CONTENT_TYPE } from "../metrics/exposition.js";
import type { GatewayMetrics } from "../metrics/gateway-metrics.js";
import { sendJson } from "./body.js";

/** `GET /metrics`: Prometheus text format. */
export function metricsRoute(metrics: GatewayMetrics) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, { error: "Method not allowed" });
    }
    res.statusCode = 200;
    res.setHeader("content-type", EXPOSITION_CONTENT_TYPE);
    res.end(metrics.render());
  };
}
