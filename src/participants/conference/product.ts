import type { ParticipantProduct } from "../product.js";
import { addMutation, type AddSpec } from "../resolvers/add-mutation.js";
import { fetchQuery } from "../resolvers/fetch-query.js";
import { listQuery, type ListSpec } from "../resolvers/list-query.js";
import { parentParticipants } from "../resolvers/parent-participants.js";
import { removeMutation } from "../resolvers/remove-mutation.js";
import { updateMutation } from "../resolvers/update-mutation.js";
import { conferenceCallbackDefaults, conferenceCallbacks } from "./callbacks.js";
import { Conference } from "./parent.js";
import {
  AddConferenceParticipantInput,
  ConferenceParticipantArgs,
  ConferenceParticipantFilters,
  ConferenceParticipantsArgs,
  RemoveConferenceParticipantInput,
  UpdateConferenceParticipantInput,
} from "./params.js";
import {
  conferenceParticipantCache as cache,
  conferenceParticipantKey as key,
  conferenceParticipants as resource,
} from "./resource.js";
import { ConferenceParticipant as type } from "./types.js";

/** One conference participant, named by its key: what the fetch, update and remove share. */
const keyed = { type, resource, key, cache };
const list: ListSpec<typeof ConferenceParticipantsArgs.params, typeof type.prototype> = {
  type,
  resource,
  args: ConferenceParticipantsArgs,
};
const add: AddSpec<typeof AddConferenceParticipantInput.params, typeof type.prototype> = {
  resource,
  input: AddConferenceParticipantInput,
  defaults: conferenceCallbackDefaults,
};

/** Voice conference participants: `api.twilio.com/2010-04-01/…/Conferences/{CF}/Participants`. */
export const conferenceProduct: ParticipantProduct = {
  name: "conference",
  resolvers: [
    fetchQuery({
      ...keyed,
      args: ConferenceParticipantArgs,
      description: "One conference participant by call SID or label; null when it does not exist.",
    }),
    listQuery({
      ...list,
      description:
        "The participants of a conference, optionally only muted / on hold / coaching ones.",
    }),
    addMutation({
      ...add,
      type,
      description:
        "Dials a new participant into a Voice conference (POST …/Conferences/{CF}/Participants.json).",
    }),
    updateMutation({
      ...keyed,
      input: UpdateConferenceParticipantInput,
      description: "Mutes, holds, coaches or otherwise changes a conference participant.",
    }),
    removeMutation({
      ...keyed,
      input: RemoveConferenceParticipantInput,
      description:
        "Hangs up a participant's call. Returns the participant as it was just before; NOT_FOUND when already gone.",
    }),
    parentParticipants({
      parent: Conference,
      list,
      filters: ConferenceParticipantFilters,
      listArgs: (conference, filters) => ({ ...filters, conferenceSid: conference.sid }),
      description:
        "The conference's participants, like `conferenceParticipants`; cursors are shared.",
    }),
  ],
  orphanedTypes: [Conference],
  entities: [
    {
      // `@key(fields: "conferenceSid callSid")`: the account is the caller's own.
      typeName: "ConferenceParticipant",
      resolveReference: (representation, context) =>
        cache.load(
          context,
          key(
            {
              conferenceSid: String(representation.conferenceSid),
              callSid: String(representation.callSid),
            },
            context.twilio,
          ),
        ),
    },
    {
      // Nothing to fetch: a conference reference is all its `participants` field needs.
      typeName: "Conference",
      resolveReference: (representation) => ({ sid: String(representation.sid) }),
    },
  ],
  add: add as ParticipantProduct["add"],
  callbacks: conferenceCallbacks,
  explorer: {
    field: "addConferenceParticipant",
    arguments: {
      input: {
        conferenceSid: `CF${"0".repeat(31)}1`,
        from: "+15017122661",
        to: "+15558675310",
        label: "alice",
        earlyMedia: true,
        beep: "ON_ENTER",
      },
    },
  },
};
