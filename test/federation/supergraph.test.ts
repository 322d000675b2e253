import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeTwilio } from "../support/fake-twilio.js";
import { ACCOUNT_SID, startTestGateway, type TestGateway } from "../support/gateway.js";

const CF = "CF" + "f".repeat(32);
const CA = (n: number) => "CA" + n.toString(16).padStart(32, "0");
const KD = "KD" + "d".repeat(32);
const UO = (n: number) => "UO" + n.toString(16).padStart(32, "0");
const UT = (n: number) => "UT" + n.toString(16).padStart(32, "0");

/**
 * A second subgraph, as another team would write it by the Federation and Relay idioms: support
 * tickets that point at calls and agents by `ID!` keys, paged as a Relay connection with its own
 * `@shareable` `PageInfo`.
 */
const TICKETS_SDL = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])

  type Query {
    tickets: [Ticket!]!
    ticketPage(first: Int, after: String): TicketConnection!
  }

  type Ticket {
    id: ID!
    subject: String!
    participant: ConferenceParticipant!
    agent: InteractionParticipant!
  }

  type TicketConnection {
    edges: [TicketEdge!]!
    pageInfo: PageInfo!
  }

  type TicketEdge {
    cursor: String!
    node: Ticket!
  }

  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type ConferenceParticipant @key(fields: "conferenceSid callSid", resolvable: false) {
    conferenceSid: ID!
    callSid: ID!
  }

  type InteractionParticipant @key(fields: "interactionSid channelSid sid", resolvable: false) {
    interactionSid: ID!
    channelSid: ID!
    sid: ID!
  }
`);

// Five tickets, three distinct conference participants and four agents over two Flex channels:
// the router must cause exactly three conference reads and two channel list reads.
const TICKETS = [1, 2, 1, 3, 2].map((n, i) => ({
  id: `T${i}`,
  subject: `ticket ${i}`,
  callSid: CA(n),
  channelSid: UO(1 + (i % 2)),
  agentSid: UT(1 + (i % 4)),
}));

const fake = new FakeTwilio();
let participants: TestGateway;
let tickets: { url: string; stop(): Promise<void> };
let router: { url: string; stop(): Promise<void> };
let composedHints: string[] = [];

async function serve(server: ApolloServer): Promise<{ url: string; stop(): Promise<void> }> {
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, stop: () => server.stop() };
}

beforeAll(async () => {
  await fake.start();
  fake.setFallback((request) => {
    const channel = /Channels\/(UO[0-9a-f]{32})\/Participants\?/.exec(request.url)?.[1];
    if (channel) {
      // Each channel holds the agents of the tickets that point at it.
      const sids = [
        ...new Set(TICKETS.filter((t) => t.channelSid === channel).map((t) => t.agentSid)),
      ];
      return {
        status: 200,
        body: {
          participants: sids.map((sid) => ({
            sid,
            type: "agent",
            interaction_sid: KD,
            channel_sid: channel,
          })),
          meta: { key: "participants", next_page_url: null },
        },
      };
    }
    if (request.url.includes("/Participants.json?")) {
      // The conference's list: two participants a page, a second page after the first.
      return {
        status: 200,
        body: {
          participants: [1, 2].map((n) => ({ call_sid: CA(n), conference_sid: CF })),
          next_page_uri: request.url.includes("PageToken") ? null : "/x.json?Page=1&PageToken=PT",
        },
      };
    }
    const callSid = /Participants\/(CA[0-9a-f]{32})\.json/.exec(request.url)?.[1] ?? "";
    return {
      status: 200,
      body: {
        account_sid: ACCOUNT_SID,
        call_sid: callSid,
        conference_sid: CF,
        muted: callSid === CA(2),
        status: "connected",
        uri: `/x/${callSid}.json`,
      },
    };
  });
  participants = await startTestGateway(fake.url);

  tickets = await serve(
    new ApolloServer({
      schema: buildSubgraphSchema({
        typeDefs: TICKETS_SDL,
        resolvers: {
          Query: {
            tickets: () => TICKETS,
            ticketPage: (_: unknown, args: { first?: number; after?: string }) => {
              const start = args.after ? Number(args.after) + 1 : 0;
              const end = Math.min(start + (args.first ?? TICKETS.length), TICKETS.length);
              const edges = TICKETS.slice(start, end).map((node, i) => ({
                cursor: String(start + i),
                node,
              }));
              return {
                edges,
                pageInfo: {
                  hasNextPage: end < TICKETS.length,
                  hasPreviousPage: start > 0,
                  startCursor: edges[0]?.cursor ?? null,
                  endCursor: edges.at(-1)?.cursor ?? null,
                },
              };
            },
          },
          Ticket: {
            participant: (t: (typeof TICKETS)[number]) => ({
              conferenceSid: CF,
              callSid: t.callSid,
            }),
            agent: (t: (typeof TICKETS)[number]) => ({
              interactionSid: KD,
              channelSid: t.channelSid,
              sid: t.agentSid,
            }),
          },
        },
      }),
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    }),
  );

  const sdl = await participants.graphql<{ _service: { sdl: string } }>("{ _service { sdl } }");
  const composition = composeServices([
    { name: "participants", typeDefs: parse(sdl.data!._service.sdl), url: participants.graphqlUrl },
    { name: "tickets", typeDefs: TICKETS_SDL, url: tickets.url },
  ]);
  if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join("\n"));
  composedHints = composition.hints.map((hint) => `${hint.definition.code}: ${hint.message}`);

  const gateway = new ApolloGateway({
    supergraphSdl: composition.supergraphSdl,
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url }),
  });
  router = await serve(new ApolloServer({ gateway }));
});

afterAll(async () => {
  await router?.stop();
  await tickets?.stop();
  await participants?.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

async function viaRouter(query: string) {
  const response = await fetch(router.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

describe("participants as a Federation 2 subgraph", () => {
  it("composes with another subgraph without hints that matter", () => {
    expect(composedHints).toEqual([]);
  });

  it("resolves N references with one Twilio read per distinct participant", async () => {
    const result = await viaRouter(`{ tickets { id participant { callSid muted status kind } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      tickets: TICKETS.map((t) => ({
        id: t.id,
        participant: {
          callSid: t.callSid,
          muted: t.callSid === CA(2),
          status: "CONNECTED",
          kind: "CONFERENCE",
        },
      })),
    });
    const fetched = fake.requests.map((r) => r.url).sort();
    expect(fetched).toEqual(
      [1, 2, 3].map(
        (n) => `/2010-04-01/Accounts/${ACCOUNT_SID}/Conferences/${CF}/Participants/${CA(n)}.json`,
      ),
    );
  });

  it("resolves Interaction participants with one list call per channel", async () => {
    const result = await viaRouter(`{ tickets { id agent { sid type channelSid } } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data).toEqual({
      tickets: TICKETS.map((t) => ({
        id: t.id,
        agent: { sid: t.agentSid, type: "AGENT", channelSid: t.channelSid },
      })),
    });
    expect(fake.requests.map((r) => r.url.split("?")[0]).sort()).toEqual(
      [1, 2].map((n) => `/v1/Interactions/${KD}/Channels/${UO(n)}/Participants`),
    );
  });

  it("keeps the gateway's own queries and mutations usable through the router", async () => {
    const result = await viaRouter(
      `{ conferenceParticipant(conferenceSid: "${CF}", callSid: "${CA(7)}") { callSid } gatewayInfo { name } }`,
    );
    expect(result.data).toEqual({
      conferenceParticipant: { callSid: CA(7) },
      gatewayInfo: { name: "participant-gateway" },
    });
  });

  it("pages both subgraphs' Relay connections with the one shared PageInfo type", async () => {
    const result = await viaRouter(`{
        ticketPage(first: 2, after: "0") {
          edges { node { id participant { callSid conferenceSid } } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
        conferenceParticipants(conferenceSid: "${CF}", first: 2) {
          edges { node { callSid } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const data = result.data as {
      ticketPage: unknown;
      conferenceParticipants: { pageInfo: Record<string, unknown> };
    };
    expect(data.ticketPage).toEqual({
      edges: [1, 2].map((i) => ({
        node: { id: `T${i}`, participant: { callSid: TICKETS[i]!.callSid, conferenceSid: CF } },
      })),
      pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: "1", endCursor: "2" },
    });
    expect(data.conferenceParticipants.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: expect.any(String),
      endCursor: expect.any(String),
    });
  });
});
