// Where a tracing gateway exports its spans, in a process of its own (as a collector would be):
// accepts OTLP/HTTP posts (JSON or protobuf), discards them and counts them, so the report can
// say whether spans were actually exported. Receiving hundreds of kilobytes a second in the load
// generator's process would slow the load it generates, and only while a tracing target runs.
//
// Control route (not counted): GET /__bench/received ({ posts, bytes }).
// Env: PORT, HOST.
import http from "node:http";

const received = { posts: 0, bytes: 0 };

const server = http.createServer((req, res) => {
  if (req.url === "/__bench/received") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(received));
    return;
  }
  req.on("data", (chunk) => (received.bytes += chunk.length));
  req.on("end", () => {
    received.posts += 1;
    // An empty ExportTraceServiceResponse: full success, in the encoding that was sent.
    const json = (req.headers["content-type"] ?? "").includes("json");
    res.writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" });
    res.end(json ? "{}" : undefined);
  });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  console.log(
    `otlp-sink ready: http://${process.env.HOST ?? "127.0.0.1"}:${server.address().port}`,
  );
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
