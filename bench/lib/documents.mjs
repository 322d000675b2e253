// The GraphQL documents the bench sends, checked against the gateway's published schema before
// anything runs, so a schema change shows up as a clear error rather than as a fast target.
import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";

export const ADD_PARTICIPANT = `mutation AddParticipant($input: AddConferenceParticipantInput!) {
  addConferenceParticipant(input: $input) { callSid conferenceSid label status muted dateCreated }
}`;

export const LIST_PARTICIPANTS = `query ListParticipants($conferenceSid: String!, $first: Int!) {
  conferenceParticipants(conferenceSid: $conferenceSid, first: $first) {
    edges { node { callSid label muted } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ConferenceParticipant { conferenceSid callSid label muted status }
  }
}`;

export const ONE_PARTICIPANT = `query OneParticipant($conferenceSid: String!, $callSid: String!) {
  conferenceParticipant(conferenceSid: $conferenceSid, callSid: $callSid) {
    callSid label muted status
  }
}`;

const SCHEMA_FILE = new URL("../../schema/schema.graphql", import.meta.url);

export function assertDocumentsFitGatewaySchema() {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
  for (const document of [ADD_PARTICIPANT, LIST_PARTICIPANTS, ENTITIES, ONE_PARTICIPANT]) {
    const errors = validate(schema, parse(document));
    if (errors.length > 0) {
      throw new Error(
        `A bench document no longer fits schema/schema.graphql:\n${document}\n${errors.join("\n")}`,
      );
    }
  }
}
