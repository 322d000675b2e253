import type { ParticipantProduct } from "../product.js";
import { addMutation, type AddSpec } from "../resolvers/add-mutation.js";
import { fetchQuery } from "../resolvers/fetch-query.js";
import { listQuery, type ListSpec } from "../resolvers/list-query.js";
import { parentParticipants } from "../resolvers/parent-participants.js";
import { removeMutation } from "../resolvers/remove-mutation.js";
import { ProxySession } from "./parent.js";
import {
  AddProxyParticipantInput,
  ProxyParticipantArgs,
  ProxySessionArgs,
  RemoveProxyParticipantInput,
} from "./params.js";
import {
  proxyParticipantCache as cache,
  proxyParticipantKey as key,
  proxyParticipants as resource,
} from "./resource.js";
import { ProxyParticipant } from "./types.js";

const type = ProxyParticipant;
/** One participant, named by its key: what its fetch, update and remove share. */
const keyed = { type, resource, key, cache };
const list: ListSpec<typeof ProxySessionArgs.params, ProxyParticipant> = {
  type,
  resource,
  args: ProxySessionArgs,
};
const add: AddSpec<typeof AddProxyParticipantInput.params, ProxyParticipant> = {
  resource,
  input: AddProxyParticipantInput,
};

/** Proxy session participants: `proxy.twilio.com/v1/Services/{KS}/Sessions/{KC}/Participants`. */
export const proxyProduct: ParticipantProduct = {
  name: "proxy",
  resolvers: [
    fetchQuery({
      description: "One participant of a Proxy session; null when it does not exist.",
      args: ProxyParticipantArgs,
      ...keyed,
    }),
    listQuery({
      ...list,
      description: "The participants of a Proxy session.",
    }),
    addMutation({
      ...add,
      description:
        "Adds a participant to a Proxy session (POST /v1/Services/{KS}/Sessions/{KC}/Participants).",
      type,
    }),
    removeMutation({
      description:
        "Removes a participant from its Proxy session; its identifier cannot rejoin that session. " +
        "Returns the participant as it was just before; NOT_FOUND when already gone.",
      input: RemoveProxyParticipantInput,
      ...keyed,
    }),
    parentParticipants({
      parent: ProxySession,
      description: "The session's participants, like `proxyParticipants`; cursors are shared.",
      list,
      listArgs: (session) => ({ serviceSid: session.serviceSid, sessionSid: session.sid }),
    }),
  ],
  orphanedTypes: [ProxySession],
  entities: [
    {
      // `@key(fields: "serviceSid sessionSid sid")`: Proxy paths carry no account; the caller's is used.
      typeName: "ProxyParticipant",
      resolveReference: (representation, context) =>
        cache.load(context, {
          serviceSid: String(representation.serviceSid),
          sessionSid: String(representation.sessionSid),
          sid: String(representation.sid),
        }),
    },
    {
      // Nothing to fetch: a session reference is all its `participants` field needs.
      typeName: "ProxySession",
      resolveReference: (representation) => ({
        serviceSid: String(representation.serviceSid),
        sid: String(representation.sid),
      }),
    },
  ],
  add: add as ParticipantProduct["add"],
  explorer: {
    field: "addProxyParticipant",
    arguments: {
      input: {
        serviceSid: `KS${"0".repeat(31)}1`,
        sessionSid: `KC${"0".repeat(31)}1`,
        identifier: "+15558675310",
        friendlyName: "Alice",
      },
    },
  },
};
