// The floor the gateway is measured against: a hand-written forwarder with no GraphQL and no
// framework. JSON in → one Twilio form POST or GET on a keep-alive agent → JSON out, mapped to
// the same camelCase fields the GraphQL targets return.
//
//   POST /conferences/{CF}/participants        body: camelCase params, values as Twilio spells them
//   GET  /conferences/{CF}/participants?pageSize=N
//   GET  /conferences/{CF}/participants/{CA}
//   POST /participants/lookup                  body: { keys: [{ conferenceSid, callSid }, …] }
//
// The lookup is the `_entities` equivalent: it fetches each distinct key once (a Map is all a
// hand-written forwarder needs for that), so its upstream work equals the gateway's DataLoader's.
// Env: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL, PORT, HOST.
import http from "node:http";
import { CREATE_WIRE_NAMES, nextPageToken, toParticipant } from "./twilio-conference.mjs";

const accountSid = process.env.TWILIO_ACCOUNT_SID;
const authorization =
  "Basic " + Buffer.from(`${accountSid}:${process.env.TWILIO_AUTH_TOKEN}`).toString("base64");
const upstream = new URL(process.env.TWILIO_API_BASE_URL);
const agent = new http.Agent({ keepAlive: true });
const UPSTREAM_TIMEOUT_MS = 10_000;

/** RFC 3986 percent-encoding, as Twilio's SDKs send it (`%20`, never `+`). */
function encode(value) {
  return encodeURIComponent(String(value)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function toForm(params) {
  const parts = [];
  for (const [field, value] of Object.entries(params)) {
    const name = CREATE_WIRE_NAMES[field];
    if (name === undefined || value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${name}=${encode(item)}`);
    }
  }
  return parts.join("&");
}

/** The caller's mistake: a 400, not a 502. */
class ClientError extends Error {}

function callTwilio(method, path, form) {
  return new Promise((resolve, reject) => {
    const headers = { authorization, accept: "application/json" };
    if (form !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = Buffer.byteLength(form);
    }
    const req = http.request(
      {
        agent,
        host: upstream.hostname,
        port: upstream.port,
        path,
        method,
        headers,
        timeout: UPSTREAM_TIMEOUT_MS,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => {
          if (res.statusCode < 200 || res.statusCode >= 300) {
            reject(new Error(`Twilio answered ${res.statusCode}: ${text}`));
          } else {
            resolve(JSON.parse(text));
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error("Twilio did not answer in time")));
    req.on("error", reject);
    req.end(form);
  });
}

function participantsPath(conferenceSid) {
  return `/2010-04-01/Accounts/${accountSid}/Conferences/${encode(conferenceSid)}/Participants`;
}

async function readJson(req) {
  let text = "";
  req.setEncoding("utf8");
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    throw new ClientError("the body is not JSON");
  }
}

const PARTICIPANTS = /^\/conferences\/([^/]+)\/participants$/;
const PARTICIPANT = /^\/conferences\/([^/]+)\/participants\/([^/]+)$/;

async function route(req, url) {
  const many = PARTICIPANTS.exec(url.pathname);
  if (many && req.method === "POST") {
    const json = await callTwilio(
      "POST",
      `${participantsPath(many[1])}.json`,
      toForm(await readJson(req)),
    );
    return toParticipant(json);
  }
  if (many && req.method === "GET") {
    const pageSize = Number(url.searchParams.get("pageSize") ?? 50);
    const json = await callTwilio(
      "GET",
      `${participantsPath(many[1])}.json?PageSize=${pageSize}&Page=0`,
    );
    const token = nextPageToken(json);
    return {
      participants: json.participants.map(toParticipant),
      hasNextPage: token !== null,
      nextPageToken: token,
    };
  }
  const one = PARTICIPANT.exec(url.pathname);
  if (one && req.method === "GET") {
    return toParticipant(
      await callTwilio("GET", `${participantsPath(one[1])}/${encode(one[2])}.json`),
    );
  }
  if (url.pathname === "/participants/lookup" && req.method === "POST") {
    const { keys } = await readJson(req);
    const fetches = new Map();
    for (const { conferenceSid, callSid } of keys) {
      const id = `${conferenceSid}/${callSid}`;
      if (!fetches.has(id)) {
        fetches.set(
          id,
          callTwilio("GET", `${participantsPath(conferenceSid)}/${encode(callSid)}.json`),
        );
      }
    }
    const found = await Promise.all(
      keys.map((k) => fetches.get(`${k.conferenceSid}/${k.callSid}`)),
    );
    return { participants: found.map(toParticipant) };
  }
  return undefined;
}

const server = http.createServer(async (req, res) => {
  let status = 200;
  let body;
  try {
    body = await route(req, new URL(req.url, "http://forwarder"));
    if (body === undefined) [status, body] = [404, { error: "no such route" }];
  } catch (error) {
    // Anything but the caller's own mistake is upstream trouble: Twilio's answer or the network.
    status = error instanceof ClientError ? 400 : 502;
    body = { error: error.message };
  }
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address();
  process.stdout.write(`forwarder ready: http://${address}:${port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
