import { connectionTypes } from "../../graphql/connection.js";
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

const { ConnectionType: connection } = connectionTypes(ProxyParticipant, "ProxyParticipant");
const type = ProxyParticipant;
const list: ListSpec<typeof ProxySessionArgs.params, ProxyParticipant> = {
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
      name: "proxyParticipant",
      description: "One participant of a Proxy session; null when it does not exist.",
      args: ProxyParticipantArgs,
      type,
      key,
      cache,
    }),
    listQuery({
      ...list,
      name: "proxyParticipants",
      description: "The participants of a Proxy session.",
      connection,
    }),
    addMutation({
      ...add,
      name: "addProxyParticipant",
      description:
        "Adds a participant to a Proxy session (POST /v1/Services/{KS}/Sessions/{KC}/Participants).",
      type,
    }),
    removeMutation({
      name: "removeProxyParticipant",
      description:
        "Removes a participant from its Proxy session; its identifier cannot rejoin that session. " +
        "Returns the participant as it was just before; NOT_FOUND when already gone.",
      input: RemoveProxyParticipantInput,
      type,
      resource,
      key,
      cache,
    }),
    parentParticipants({
      parent: ProxySession,
      description: "The session's participants, like `proxyParticipants`; cursors are shared.",
      list,
      connection,
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
