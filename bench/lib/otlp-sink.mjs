// Where the `all` profile's gateway exports traces: accepts OTLP/HTTP posts (JSON or protobuf),
// discards them and counts them, so the report can say whether spans were actually exported.
import http from "node:http";
import { once } from "node:events";

export async function startOtlpSink() {
  const received = { posts: 0, bytes: 0 };
  const server = http.createServer((req, res) => {
    req.on("data", (chunk) => (received.bytes += chunk.length));
    req.on("end", () => {
      received.posts += 1;
      // An empty ExportTraceServiceResponse: full success, in the encoding that was sent.
      const json = (req.headers["content-type"] ?? "").includes("json");
      res.writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" });
      res.end(json ? "{}" : undefined);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received: () => ({ ...received }),
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
