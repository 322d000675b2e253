// The stack the gateway is built on, used the plain way: Apollo Server 5's standalone server
// (node:http, no Express), a hand-written subgraph schema with one resolver per scenario, and
// got with a keep-alive agent, no retries and a timeout. It answers the same GraphQL documents
// as the gateway (a subset of its schema, same names).
//
// `_entities` does what a hand-written `__resolveReference` does: one Twilio fetch per
// representation, so 20 representations of 10 participants cost 20 upstream reads.
// Env: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_API_BASE_URL, PORT, HOST.
import http from "node:http";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import got from "got";
import { parse } from "graphql";
import { CREATE_WIRE_NAMES, nextPageToken, toParticipant } from "./twilio-conference.mjs";

const accountSid = process.env.TWILIO_ACCOUNT_SID;
const twilio = got.extend({
  prefixUrl: `${process.env.TWILIO_API_BASE_URL}/2010-04-01/Accounts/${accountSid}`,
  username: accountSid,
  password: process.env.TWILIO_AUTH_TOKEN,
  agent: { http: new http.Agent({ keepAlive: true }) },
  retry: { limit: 0 },
  timeout: { request: 10_000 },
  responseType: "json",
  resolveBodyOnly: true,
});

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar DateTime

  enum Beep { TRUE FALSE ON_ENTER ON_EXIT }
  enum CallStatusEvent { INITIATED RINGING ANSWERED COMPLETED }
  enum ConferenceParticipantStatus { QUEUED CONNECTING RINGING CONNECTED COMPLETE FAILED }

  input AddConferenceParticipantInput {
    conferenceSid: String!
    from: String!
    to: String!
    label: String
    statusCallback: String
    statusCallbackEvent: [CallStatusEvent!]
    beep: Beep
    startConferenceOnEnter: Boolean
    endConferenceOnExit: Boolean
    earlyMedia: Boolean
    timeout: Int
    muted: Boolean
  }

  type ConferenceParticipant @key(fields: "conferenceSid callSid") {
    callSid: String
    conferenceSid: String
    label: String
    status: ConferenceParticipantStatus
    muted: Boolean
    hold: Boolean
    dateCreated: DateTime
  }

  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type ConferenceParticipantEdge { cursor: String! node: ConferenceParticipant! }
  type ConferenceParticipantConnection {
    edges: [ConferenceParticipantEdge!]!
    pageInfo: PageInfo!
  }

  type Query {
    conferenceParticipants(conferenceSid: String!, first: Int): ConferenceParticipantConnection!
    conferenceParticipant(conferenceSid: String!, callSid: String!): ConferenceParticipant
  }

  type Mutation {
    addConferenceParticipant(input: AddConferenceParticipantInput!): ConferenceParticipant!
  }
`);

function fetchParticipant(conferenceSid, callSid) {
  return twilio
    .get(`Conferences/${conferenceSid}/Participants/${callSid}.json`)
    .then(toParticipant);
}

const resolvers = {
  // Enum values are Twilio's wire strings, so inputs arrive ready to send.
  Beep: { TRUE: "true", FALSE: "false", ON_ENTER: "onEnter", ON_EXIT: "onExit" },
  CallStatusEvent: {
    INITIATED: "initiated",
    RINGING: "ringing",
    ANSWERED: "answered",
    COMPLETED: "completed",
  },
  ConferenceParticipantStatus: {
    QUEUED: "queued",
    CONNECTING: "connecting",
    RINGING: "ringing",
    CONNECTED: "connected",
    COMPLETE: "complete",
    FAILED: "failed",
  },
  Mutation: {
    async addConferenceParticipant(_, { input }) {
      // got's `form` cannot repeat a key (StatusCallbackEvent), so the body is built by hand.
      const form = new URLSearchParams();
      for (const [field, value] of Object.entries(input)) {
        if (CREATE_WIRE_NAMES[field] === undefined || value == null) continue;
        for (const item of Array.isArray(value) ? value : [value]) {
          form.append(CREATE_WIRE_NAMES[field], String(item));
        }
      }
      const json = await twilio.post(`Conferences/${input.conferenceSid}/Participants.json`, {
        body: form.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      return toParticipant(json);
    },
  },
  Query: {
    async conferenceParticipants(_, { conferenceSid, first }) {
      const json = await twilio.get(`Conferences/${conferenceSid}/Participants.json`, {
        searchParams: { PageSize: first ?? 50, Page: 0 },
      });
      const token = nextPageToken(json);
      return {
        edges: json.participants.map((item) => ({
          cursor: Buffer.from(item.call_sid).toString("base64url"),
          node: toParticipant(item),
        })),
        pageInfo: {
          hasNextPage: token !== null,
          endCursor: token,
        },
      };
    },
    conferenceParticipant: (_, { conferenceSid, callSid }) =>
      fetchParticipant(conferenceSid, callSid),
  },
  ConferenceParticipant: {
    __resolveReference: ({ conferenceSid, callSid }) => fetchParticipant(conferenceSid, callSid),
  },
};

const server = new ApolloServer({ schema: buildSubgraphSchema([{ typeDefs, resolvers }]) });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? "127.0.0.1" },
});
process.stdout.write(`plain-apollo ready: ${url}graphql\n`);
process.on("SIGTERM", () => process.exit(0));
