// What is measured: each scenario's request for either kind of target (GraphQL or the REST
// forwarder), how to tell a right answer from a wrong one, and which upstream calls a right
// answer must have cost.
import {
  ADD_INPUT,
  CONFERENCE_SID,
  DISTINCT_ENTITIES,
  ENTITY_KEYS,
  LIST_PAGE_SIZE,
  SINGLE_CALL_SID,
  TWILIO_DATE,
  callSidNumber,
  participantLabel,
  participantMuted,
} from "./fixtures.mjs";
import { ADD_PARTICIPANT, ENTITIES, LIST_PARTICIPANTS, ONE_PARTICIPANT } from "./documents.mjs";

const CALL_SID = /^CA[0-9a-f]{32}$/;

function graphql(target, query, variables) {
  return {
    method: "POST",
    path: new URL(target.url).pathname,
    body: JSON.stringify({ query, variables }),
  };
}

/** The GraphQL answer's root field, or the REST answer itself; a problem string otherwise. */
function payload(json, target, field) {
  if (target.api === "rest") return json;
  if (json.errors) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  return json.data?.[field] ?? `no data.${field}`;
}

function checkParticipant(actual, expected, at) {
  for (const [field, value] of Object.entries(expected)) {
    const got = field === "status" ? String(actual?.[field]).toLowerCase() : actual?.[field];
    if (got !== value)
      return `${at}.${field} is ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`;
  }
  return undefined;
}

function knownParticipant(callSid) {
  return { callSid, label: participantLabel(callSid), muted: participantMuted(callSid) };
}

export const addParticipant = {
  id: "add",
  /** What the report calls it. */
  label: "add",
  mutation: true,
  upstream: { kind: "create", perRequest: () => 1 },
  request(target) {
    if (target.api === "rest") {
      const { conferenceSid, ...params } = ADD_INPUT;
      const wire = {
        ...params,
        beep: "onEnter",
        statusCallbackEvent: params.statusCallbackEvent.map((e) => e.toLowerCase()),
      };
      return {
        method: "POST",
        path: `/conferences/${conferenceSid}/participants`,
        body: JSON.stringify(wire),
      };
    }
    return graphql(target, ADD_PARTICIPANT, { input: ADD_INPUT });
  },
  marker: '"customer"',
  check(json, target) {
    const added = payload(json, target, "addConferenceParticipant");
    if (typeof added === "string") return added;
    if (!CALL_SID.test(added.callSid)) return `callSid ${added.callSid} is not a call SID`;
    if (Date.parse(added.dateCreated) !== Date.parse(TWILIO_DATE)) {
      return `dateCreated ${added.dateCreated} is not ${TWILIO_DATE}`;
    }
    return checkParticipant(
      added,
      { conferenceSid: CONFERENCE_SID, label: "customer", status: "queued", muted: false },
      "participant",
    );
  },
};

export const listParticipants = {
  id: "list",
  label: `list ${LIST_PAGE_SIZE}`,
  mutation: false,
  upstream: { kind: "list", perRequest: () => 1 },
  request(target) {
    if (target.api === "rest") {
      return {
        method: "GET",
        path: `/conferences/${CONFERENCE_SID}/participants?pageSize=${LIST_PAGE_SIZE}`,
      };
    }
    return graphql(target, LIST_PARTICIPANTS, {
      conferenceSid: CONFERENCE_SID,
      first: LIST_PAGE_SIZE,
    });
  },
  marker: `"${callSidNumber(LIST_PAGE_SIZE)}"`,
  check(json, target) {
    const page = payload(json, target, "conferenceParticipants");
    if (typeof page === "string") return page;
    const nodes = target.api === "rest" ? page.participants : page.edges?.map((e) => e.node);
    const { hasNextPage, endCursor } =
      target.api === "rest" ? { ...page, endCursor: page.nextPageToken } : page.pageInfo;
    if (nodes?.length !== LIST_PAGE_SIZE)
      return `${nodes?.length} participants, expected ${LIST_PAGE_SIZE}`;
    if (hasNextPage !== true || typeof endCursor !== "string" || endCursor === "") {
      return "the page does not say where the next one starts";
    }
    for (const [i, node] of nodes.entries()) {
      const problem = checkParticipant(node, knownParticipant(callSidNumber(i + 1)), `edge ${i}`);
      if (problem) return problem;
    }
    return undefined;
  },
};

export const entities = {
  id: "entities",
  label: `_entities ${ENTITY_KEYS.length}/${DISTINCT_ENTITIES}`,
  mutation: false,
  upstream: { kind: "fetch", perRequest: (target) => target.entityFetchesPerRequest },
  request(target) {
    if (target.api === "rest") {
      return {
        method: "POST",
        path: "/participants/lookup",
        body: JSON.stringify({ keys: ENTITY_KEYS }),
      };
    }
    return graphql(target, ENTITIES, {
      representations: ENTITY_KEYS.map((key) => ({ __typename: "ConferenceParticipant", ...key })),
    });
  },
  marker: `"${ENTITY_KEYS.at(-1).callSid}"`,
  check(json, target) {
    const found = payload(json, target, "_entities");
    if (typeof found === "string") return found;
    const list = target.api === "rest" ? found.participants : found;
    if (list?.length !== ENTITY_KEYS.length)
      return `${list?.length} entities, expected ${ENTITY_KEYS.length}`;
    for (const [i, key] of ENTITY_KEYS.entries()) {
      const expected = {
        ...knownParticipant(key.callSid),
        conferenceSid: key.conferenceSid,
        status: "connected",
      };
      const problem = checkParticipant(list[i], expected, `entity ${i}`);
      if (problem) return problem;
    }
    return undefined;
  },
};

/** Not a load scenario: the single read `_entities`' latency is compared with. */
export const oneParticipant = {
  id: "one",
  label: "one fetch",
  mutation: false,
  upstream: { kind: "fetch", perRequest: () => 1 },
  request(target) {
    if (target.api === "rest") {
      return {
        method: "GET",
        path: `/conferences/${CONFERENCE_SID}/participants/${SINGLE_CALL_SID}`,
      };
    }
    return graphql(target, ONE_PARTICIPANT, {
      conferenceSid: CONFERENCE_SID,
      callSid: SINGLE_CALL_SID,
    });
  },
  marker: `"${SINGLE_CALL_SID}"`,
  check(json, target) {
    const one = payload(json, target, "conferenceParticipant");
    if (typeof one === "string") return one;
    return checkParticipant(
      one,
      { ...knownParticipant(SINGLE_CALL_SID), status: "connected" },
      "participant",
    );
  },
};

export const LOAD_SCENARIOS = [addParticipant, listParticipants, entities];
