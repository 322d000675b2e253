import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authTokensByAccount, Credentials, type SimulatorCredential } from "./auth.js";
import { CallbackDelivery, type CallbackOptions } from "./callbacks/delivery.js";
import { httpUrl } from "./callbacks/http-url.js";
import { Scheduler } from "./clock.js";
import { ConferenceCalls } from "./conference/calls.js";
import { ConversationWebhooks, initialWebhookSettings } from "./conversations/webhooks.js";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "./defaults.js";
import { authenticate, bodyTooLarge, internalError, notFound, TwilioError } from "./errors.js";
import { FormParams, parseForm } from "./form.js";
import { readBody, sendJson, splitTarget } from "./http-io.js";
import { Realism, type RealismOptions } from "./realism.js";
import { resolveTarget, Router, type RouteResult, type TwilioHost } from "./router.js";
import { conferenceRoutes } from "./routes/conference.js";
import { conversationWebhookRoutes } from "./routes/conversation-webhooks.js";
import { conversationRoutes } from "./routes/conversations.js";
import { flexRoutes } from "./routes/flex.js";
import { proxyRoutes } from "./routes/proxy.js";
import { SimulatorStore } from "./store.js";

export type { SimulatorCredential } from "./auth.js";

export interface SimulatorOptions extends RealismOptions, CallbackOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Replaces the default credentials (SIMULATOR_ACCOUNT_SID with SIMULATOR_AUTH_TOKEN). */
  credentials?: SimulatorCredential[];
  /**
   * Auth tokens (by account SID) to sign callbacks with, for accounts whose credentials are API
   * keys; an account credential (username = account SID) already gives its token.
   */
  authTokens?: Readonly<Record<string, string>>;
  /** Time between the stages of a conference participant's call (placed, ringing, answered). */
  callProgressStepMs?: number;
  /** Every account's Conversations post-event webhook URL, for participant events, until changed. */
  conversationsWebhookUrl?: string;
}

/** Slow enough for a person watching the events arrive, quick enough not to wait for. */
const DEFAULT_CALL_PROGRESS_STEP_MS = 1000;

export interface RunningSimulator {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  /** Each product under its Twilio host name, e.g. `http://127.0.0.1:4010/api.twilio.com`. */
  baseUrls: { proxy: string; flex: string; conversations: string; api: string };
  close(): Promise<void>;
  /** Requests received so far, failed ones included. */
  requestCount(): number;
}

const MAX_BODY_BYTES = 1024 * 1024;

const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

interface Reply extends RouteResult {
  headers?: Record<string, string>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const accepted = options.credentials ?? [
    {
      username: SIMULATOR_ACCOUNT_SID,
      password: SIMULATOR_AUTH_TOKEN,
      accountSid: SIMULATOR_ACCOUNT_SID,
    },
  ];
  const credentials = new Credentials(accepted);
  const realism = new Realism(options);
  const webhookUrl = options.conversationsWebhookUrl;
  if (webhookUrl !== undefined && httpUrl(webhookUrl) === undefined) {
    throw new RangeError("conversationsWebhookUrl must be an absolute http(s) URL");
  }
  const store = new SimulatorStore(() => initialWebhookSettings(webhookUrl));
  const scheduler = new Scheduler();
  const delivery = new CallbackDelivery(
    scheduler,
    authTokensByAccount(accepted, options.authTokens),
    options,
  );
  const conferenceCalls = new ConferenceCalls(
    scheduler,
    delivery,
    options.callProgressStepMs ?? DEFAULT_CALL_PROGRESS_STEP_MS,
  );
  const conversationWebhooks = new ConversationWebhooks(delivery);
  const router = new Router([
    ...proxyRoutes,
    ...flexRoutes,
    ...conversationRoutes,
    ...conversationWebhookRoutes,
    ...conferenceRoutes,
  ]);

  function answer(request: IncomingMessage, text: string | undefined): Reply {
    if (text === undefined) {
      return { ...errorReply(bodyTooLarge(MAX_BODY_BYTES)), headers: { Connection: "close" } };
    }
    const { pathname, search } = splitTarget(request.url ?? "/");
    const target = resolveTarget(pathname, request.headers.host, authority);
    if (target === undefined) throw notFound(pathname);
    const accountSid = credentials.authenticate(request.headers.authorization);
    if (accountSid === undefined) {
      return {
        ...errorReply(authenticate()),
        headers: { "WWW-Authenticate": 'Basic realm="Twilio API"' },
      };
    }
    const failure = realism.failure();
    if (failure !== undefined) return { ...errorReply(failure.error), headers: failure.headers };
    const method = request.method ?? "GET";
    const match = router.match(target.host, method, target.path);
    if (match === undefined) throw notFound(target.path);
    return match.route.handler({
      accountSid,
      account: store.account(accountSid),
      params: match.params,
      query: parseForm(search),
      body:
        method === "POST" && isForm(request.headers["content-type"])
          ? parseForm(text)
          : new FormParams(),
      headers: request.headers,
      path: target.path,
      hostUrl: target.hostUrl,
      conferenceCalls,
      conversationWebhooks,
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request, MAX_BODY_BYTES);
    await realism.delay();
    let reply: Reply;
    try {
      reply = answer(request, text);
    } catch (error) {
      if (!(error instanceof TwilioError)) console.error("simulator: unexpected error", error);
      reply = errorReply(error instanceof TwilioError ? error : internalError());
    }
    sendJson(response, reply.status, reply.body, reply.headers);
  }

  // Set once listening; no request is handled before then.
  let authority = "";
  let requests = 0;
  const server = createServer((request, response) => {
    requests++;
    handle(request, response).catch(() => {
      // The client went away mid-request; there is nobody left to answer.
      response.destroy();
    });
  });
  const port = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  authority = `${urlHost(options.host ?? "127.0.0.1")}:${port}`;
  const url = `http://${authority}`;
  const base = (host: TwilioHost): string => `${url}/${host}`;
  return {
    url,
    baseUrls: {
      proxy: base("proxy.twilio.com"),
      flex: base("flex-api.twilio.com"),
      conversations: base("conversations.twilio.com"),
      api: base("api.twilio.com"),
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // First the clock, so that nothing in flight schedules a retry while it is cut off.
        scheduler.close();
        delivery.close();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
    requestCount: () => requests,
  };
}

function errorReply(error: TwilioError): Reply {
  return { status: error.status, body: error.toBody() };
}

/** Twilio reads only form bodies; a JSON body reaches it as no parameters at all. */
function isForm(contentType: string | undefined): boolean {
  return contentType === undefined || contentType.toLowerCase().startsWith(FORM_CONTENT_TYPE);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** How a client should write the listening host in a URL. */
function urlHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}
