import type { Client, createClient as CreateClient, SubscribePayload } from "graphql-ws";
import type { Data, OperationName, Variables } from "./operations.js";

/** graphql-ws's browser build (`graphql-ws/umd/graphql-ws.min.js`), loaded before this module. */
declare const graphqlWs: { createClient: typeof CreateClient };

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string };
}

/** What the gateway refused or failed, in its own words, with its codes. */
export class GatewayError extends Error {
  constructor(readonly errors: readonly GraphQLErrorShape[]) {
    super(errors.map((error) => error.message).join("; "));
  }

  get codes(): string[] {
    return this.errors.flatMap((error) => (error.extensions?.code ? [error.extensions.code] : []));
  }
}

export interface Sink<T> {
  next(data: T): void;
  error(error: GatewayError): void;
}

/**
 * The page's one way to the gateway: operations by trusted-document id (`documentId`), over
 * HTTP POST to `/graphql`, subscriptions over graphql-ws on the same URL. The gateway key, if
 * the user gave one, lives only here, in memory.
 */
export class Gateway {
  private key: string | undefined;
  private socket: Client | undefined;

  constructor(
    /** Each console operation's id, from the page (the gateway's manifest). */
    private readonly ids: Readonly<Record<string, string>>,
    private readonly endpoint: URL,
  ) {}

  /** Sent as `Authorization: Bearer` on HTTP and in `connection_init`; a new key reconnects. */
  useKey(key: string | undefined): void {
    this.key = key || undefined;
    this.socket?.dispose();
    this.socket = undefined;
  }

  async execute<Name extends OperationName>(
    name: Name,
    variables: Variables<Name>,
  ): Promise<Data<Name>> {
    const response = await fetch(this.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...this.authorization() },
      body: JSON.stringify({ documentId: this.idOf(name), variables }),
    });
    const answer = (await response.json()) as {
      data?: Data<Name> | null;
      errors?: GraphQLErrorShape[];
    };
    // A mutation that failed answers `data` with a null field and says why in `errors`.
    if (answer.errors?.length) throw new GatewayError(answer.errors);
    if (!answer.data) throw new GatewayError([{ message: `HTTP ${response.status}` }]);
    return answer.data;
  }

  /** Starts a subscription; the returned function ends it. */
  subscribe<Name extends OperationName>(
    name: Name,
    variables: Variables<Name>,
    sink: Sink<Data<Name>>,
  ): () => void {
    // Both protocols insist on a `query` string; the id stands for the text.
    const payload: SubscribePayload & { documentId: string } = {
      query: "",
      documentId: this.idOf(name),
      variables: variables as Record<string, unknown>,
    };
    return this.webSocket().subscribe<Data<Name>>(payload, {
      next: (result) => {
        if (result.errors?.length) sink.error(new GatewayError(result.errors));
        else if (result.data) sink.next(result.data);
      },
      error: (failure) => sink.error(asGatewayError(failure)),
      complete: () => {},
    });
  }

  private webSocket(): Client {
    const url = new URL(this.endpoint);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    this.socket ??= graphqlWs.createClient({
      url: url.href,
      // A browser cannot set headers on a WebSocket: the key travels in connection_init.
      connectionParams: () => this.authorization(),
    });
    return this.socket;
  }

  private authorization(): Record<string, string> {
    return this.key ? { authorization: `Bearer ${this.key}` } : {};
  }

  private idOf(name: OperationName): string {
    const id = this.ids[name];
    if (!id) throw new GatewayError([{ message: `${name} is not among the gateway's documents` }]);
    return id;
  }
}

/** graphql-ws reports GraphQL errors, a closed socket (4401: refused key) or an Event. */
function asGatewayError(failure: unknown): GatewayError {
  if (Array.isArray(failure)) return new GatewayError(failure as GraphQLErrorShape[]);
  const close = failure as { code?: unknown; reason?: unknown };
  if (close.code === 4401) {
    const message = "The gateway refused the WebSocket's credentials (4401)";
    return new GatewayError([{ message, extensions: { code: "UNAUTHENTICATED" } }]);
  }
  if (typeof close.code === "number") {
    const reason = close.reason ? `: ${String(close.reason)}` : "";
    return new GatewayError([{ message: `The WebSocket closed (${close.code}${reason})` }]);
  }
  return new GatewayError([{ message: "The WebSocket could not connect" }]);
}
