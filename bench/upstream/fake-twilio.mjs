// The fake Twilio every target calls, in a process of its own: the conference participant
// endpoints of the 2010 API with Twilio-shaped answers, Basic auth checked, an answer latency
// that can be changed while it runs, and a count of every hit so the bench can tell a target
// that did the upstream work from one that failed fast.
//
// Control routes (not counted): GET /__bench/counts (hits by kind, and in flight), PUT /__bench/latency?ms=N,
// GET /__bench/last-create (the last create form, to check what a target put on the wire).
// Env: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, FAKE_TWILIO_LATENCY_MS, PORT, HOST.
import http from "node:http";
import {
  TWILIO_DATE,
  callSidNumber,
  participantLabel,
  participantMuted,
} from "../lib/fixtures.mjs";

const accountSid = process.env.TWILIO_ACCOUNT_SID;
const expectedAuthorization =
  "Basic " + Buffer.from(`${accountSid}:${process.env.TWILIO_AUTH_TOKEN}`).toString("base64");
let latencyMs = Number(process.env.FAKE_TWILIO_LATENCY_MS ?? 0);

/** Hits since start; `inFlight`: received and not yet answered (waiting out the latency). */
const counts = { create: 0, list: 0, fetch: 0, rejected: 0, total: 0, inFlight: 0 };
let lastCreateForm = "";
let createdCalls = 0;

const prefix = `/2010-04-01/Accounts/${accountSid}/Conferences/`;
const LIST = /^(CF[0-9a-f]{32})\/Participants\.json$/;
const FETCH = /^(CF[0-9a-f]{32})\/Participants\/(CA[0-9a-f]{32})\.json$/;

function participant(conferenceSid, callSid, fields) {
  return {
    account_sid: accountSid,
    call_sid: callSid,
    label: participantLabel(callSid),
    conference_sid: conferenceSid,
    date_created: TWILIO_DATE,
    date_updated: TWILIO_DATE,
    end_conference_on_exit: false,
    muted: participantMuted(callSid),
    hold: false,
    status: "connected",
    start_conference_on_enter: true,
    coaching: false,
    call_sid_to_coach: null,
    queue_time: null,
    uri: `${prefix}${conferenceSid}/Participants/${callSid}.json`,
    ...fields,
  };
}

/** Pages are the same for the whole run, so each is serialized once. */
const pages = new Map();
function listPage(conferenceSid, search) {
  const pageSize = Math.min(Number(search.get("PageSize") ?? 50) || 50, 1000);
  const page = Math.max(Number(search.get("Page") ?? 0) || 0, 0);
  const key = `${conferenceSid}/${pageSize}/${page}`;
  let text = pages.get(key);
  if (text === undefined) {
    const base = `${prefix}${conferenceSid}/Participants.json`;
    const first = page * pageSize;
    text = JSON.stringify({
      participants: Array.from({ length: pageSize }, (_, i) =>
        participant(conferenceSid, callSidNumber(first + i + 1)),
      ),
      first_page_uri: `${base}?PageSize=${pageSize}&Page=0`,
      next_page_uri: `${base}?PageSize=${pageSize}&Page=${page + 1}&PageToken=PA${callSidNumber(first + pageSize).slice(2)}`,
      previous_page_uri: null,
      uri: `${base}?PageSize=${pageSize}&Page=${page}`,
      page,
      page_size: pageSize,
      start: first,
      end: first + pageSize - 1,
    });
    pages.set(key, text);
  }
  return text;
}

function twilioError(status, code, message) {
  return JSON.stringify({
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

function answer(res, status, text) {
  const send = () => {
    counts.inFlight -= 1;
    res.writeHead(status, { "content-type": "application/json", "twilio-request-id": "RQbench" });
    res.end(text);
  };
  if (latencyMs > 0) setTimeout(send, latencyMs);
  else send();
}

function control(req, res, url) {
  if (url.pathname === "/__bench/counts") return res.end(JSON.stringify(counts));
  if (url.pathname === "/__bench/last-create") return res.end(lastCreateForm);
  if (url.pathname === "/__bench/latency" && req.method === "PUT") {
    latencyMs = Number(url.searchParams.get("ms"));
    return res.end(JSON.stringify({ latencyMs }));
  }
  res.statusCode = 404;
  res.end();
}

function twilio(req, res, url, body) {
  counts.total += 1;
  counts.inFlight += 1;
  if (req.headers.authorization !== expectedAuthorization) {
    counts.rejected += 1;
    return answer(res, 401, twilioError(401, 20003, "Authenticate"));
  }
  const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : "";
  const list = LIST.exec(rest);
  if (list && req.method === "POST") {
    const form = new URLSearchParams(body);
    if (!form.get("From") || !form.get("To")) {
      counts.rejected += 1;
      return answer(res, 400, twilioError(400, 21604, "A 'To' phone number is required."));
    }
    counts.create += 1;
    lastCreateForm = body;
    createdCalls += 1;
    const created = participant(list[1], "CA" + createdCalls.toString(16).padStart(32, "f"), {
      label: form.get("Label"),
      muted: form.get("Muted") === "true",
      status: "queued",
      start_conference_on_enter: form.get("StartConferenceOnEnter") !== "false",
      end_conference_on_exit: form.get("EndConferenceOnExit") === "true",
      queue_time: "1000",
    });
    return answer(res, 201, JSON.stringify(created));
  }
  if (list && req.method === "GET") {
    counts.list += 1;
    return answer(res, 200, listPage(list[1], url.searchParams));
  }
  const fetch = FETCH.exec(rest);
  if (fetch && req.method === "GET") {
    counts.fetch += 1;
    return answer(res, 200, JSON.stringify(participant(fetch[1], fetch[2])));
  }
  counts.rejected += 1;
  return answer(
    res,
    404,
    twilioError(404, 20404, `The requested resource ${url.pathname} was not found`),
  );
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, "http://fake-twilio");
  if (url.pathname.startsWith("/__bench/")) return control(req, res, url);
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => twilio(req, res, url, body));
});
// Never close an idle connection: a target's pool sits idle while the others are measured, and
// a close racing its next request on that socket is an ECONNRESET the target did not cause.
server.keepAliveTimeout = 0;
// A target may open thousands of connections at once (256 clients × 10 reads); with Node's
// default backlog of 511 the kernel drops handshakes and the client retries a second later.
// The kernel caps this at net.core.somaxconn.
const listen = {
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? "127.0.0.1",
  backlog: 65_535,
};
server.listen(listen, () => {
  const { address, port } = server.address();
  process.stdout.write(`fake-twilio ready: http://${address}:${port}\n`);
});
process.on("SIGTERM", () => process.exit(0));
