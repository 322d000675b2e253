import {
  type ExecutionResult,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryEventBus } from "../../src/events/bus.js";
import type { ParticipantEventFilter } from "../../src/events/filter.js";
import { LiveSubscriptions } from "../../src/events/subscriptions.js";
import { loadTrustedDocuments } from "../../src/gateway/trusted-documents/trusted-documents.js";
import { subscribeSharingEvents } from "../../src/http/subscription-execution.js";
import {
  executionArgs,
  SubscriptionOperations,
  type SubscriptionRequest,
} from "../../src/http/subscription-operation.js";
import { ACCOUNT_A, conferenceRecord } from "../events/fixtures.js";
import { sharedSchema } from "../support/gateway.js";

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await sharedSchema();
});

/**
 * Every field a subscription's result can select, from the subscription fields' types down
 * (interfaces and unions through their possible types), once each.
 */
function fieldsReachableFromSubscriptions(): Array<[string, GraphQLField<unknown, unknown>]> {
  const seen = new Set<string>();
  const fields: Array<[string, GraphQLField<unknown, unknown>]> = [];
  const queue: GraphQLNamedType[] = Object.values(schema.getSubscriptionType()!.getFields()).map(
    (field) => getNamedType(field.type),
  );
  for (let type = queue.shift(); type !== undefined; type = queue.shift()) {
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isAbstractType(type)) queue.push(...schema.getPossibleTypes(type));
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      fields.push([`${type.name}.${field.name}`, field]);
      queue.push(getNamedType(field.type));
    }
  }
  return fields;
}

/** A context no resolver may read: any property read fails the test. */
const UNREADABLE_CONTEXT = new Proxy(
  {},
  {
    get(_target, property) {
      throw new Error(`a resolver read context.${String(property)}`);
    },
  },
);

describe("what subscribers share", () => {
  // `subscribeSharingEvents` resolves an event once for every subscriber of the same document
  // and variables, without a context. That is safe only while no field an event's result can
  // select depends on who asks: no arguments, and nothing read but the event itself.
  it("no field a subscription's result can select takes arguments or reads the context", async () => {
    const fields = fieldsReachableFromSubscriptions();
    expect(fields.map(([name]) => name)).toContain("ParticipantEvent.participant");
    expect(fields.map(([name]) => name)).toContain("ConferenceParticipant.muted");
    for (const [name, field] of fields) {
      expect(
        field.args.map((arg) => arg.name),
        name,
      ).toEqual([]);
      if (field.resolve === undefined) continue;
      // Its resolver reads the event's own property, synchronously, and nothing else.
      const value = { marker: name };
      const result = field.resolve({ [field.name]: value }, {}, UNREADABLE_CONTEXT, {
        fieldName: field.name,
      } as never);
      expect(result, name).toBe(value);
    }
    // The subscription fields' own resolvers run in the shared execution too: they hand on the
    // event (their arguments are the shared variables'), and read no context either.
    for (const field of Object.values(schema.getSubscriptionType()!.getFields())) {
      const event = conferenceRecord();
      const resolved = field.resolve!(event, { filter: {} }, UNREADABLE_CONTEXT, {
        fieldName: field.name,
      } as never);
      expect(await resolved, field.name).toBe(event);
    }
  });

  it("gives subscribers of one document and variables one result, others their own", async () => {
    const bus = new MemoryEventBus();
    const subscriptions = new LiveSubscriptions(bus, {
      perConnection: 10,
      perPrincipal: 10,
      maxQueue: 10,
    });
    const operations = new SubscriptionOperations(schema, loadTrustedDocuments("allow", 5_000));
    const query = `subscription ($filter: ParticipantEventFilter!) { participantEvents(filter: $filter) { type participant { sid } } }`;
    const subscribe = async (request: SubscriptionRequest) => {
      const prepared = operations.prepare(request);
      if (!("args" in prepared)) throw new Error("refused");
      // What the subscribe resolver reads of a request's context.
      const context = {
        twilio: { account: () => ACCOUNT_A },
        events: {
          subscribe: (accountSid: string, filter: ParticipantEventFilter) =>
            subscriptions.subscribe({ accountSid, principalId: "caller", connection: {} }, filter),
        },
      };
      const args = executionArgs(prepared.args, context);
      const results = await subscribeSharingEvents(args);
      if (!(Symbol.asyncIterator in results)) throw new Error(JSON.stringify(results));
      // Once subscribed, the subscription holds no context.
      expect(args.contextValue).toBeUndefined();
      return results;
    };
    const all = { filter: {} };
    const same = await Promise.all([1, 2, 3].map(() => subscribe({ query, variables: all })));
    const joined = await subscribe({ query, variables: { filter: { types: ["JOINED"] } } });
    const record = conferenceRecord();
    await bus.publish(record);
    const results = await Promise.all(
      [...same, joined].map(async (stream) => (await stream.next()).value as ExecutionResult),
    );
    expect(results[0]).toEqual({
      data: {
        participantEvents: { type: "JOINED", participant: { sid: record.participant!.sid } },
      },
    });
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
    expect(results[3]).not.toBe(results[0]);
    expect(results[3]).toEqual(results[0]);
    for (const stream of [...same, joined]) await stream.return(undefined);
    expect(subscriptions.count()).toBe(0);
    await bus.close();
  });
});

describe("prepared documents", () => {
  const documents = () => loadTrustedDocuments("allow", 5_000);
  /** A valid subscription whose text is about `length` characters long. */
  const text = (name: string, length: number) => {
    const head = `subscription ${name} { participantEvents(filter: {}) { type } }`;
    return `${head}\n#${"x".repeat(Math.max(0, length - head.length - 2))}`;
  };
  const documentOf = (operations: SubscriptionOperations, query: string) => {
    const prepared = operations.prepare({ query });
    if (!("args" in prepared)) throw new Error(JSON.stringify(prepared.errors));
    return prepared.args.document;
  };

  it("are kept by text until the budget is spent, least recently used first out", async () => {
    const operations = new SubscriptionOperations(schema, documents(), 3_000);
    const [a, b, c] = [text("A", 1_000), text("B", 1_000), text("C", 1_500)];
    const first = { a: documentOf(operations, a), b: documentOf(operations, b) };
    expect(documentOf(operations, a)).toBe(first.a);
    expect(documentOf(operations, b)).toBe(first.b);
    // A was used after B: C pushes B out, not A.
    expect(documentOf(operations, a)).toBe(first.a);
    const firstC = documentOf(operations, c);
    expect(documentOf(operations, a)).toBe(first.a);
    expect(documentOf(operations, c)).toBe(firstC);
    expect(documentOf(operations, b)).not.toBe(first.b);
    // A text over the whole budget is prepared every time, and pushes nothing out.
    const huge = text("Huge", 4_000);
    expect(documentOf(operations, huge)).not.toBe(documentOf(operations, huge));
    expect(documentOf(operations, c)).toBe(firstC);
  });

  it("are kept only once valid, and answer each request with its own variables", async () => {
    const operations = new SubscriptionOperations(schema, documents());
    const invalid = `subscription { participantEvents(filter: {}) { nope } }`;
    for (let i = 0; i < 2; i += 1) {
      const refused = operations.prepare({ query: invalid });
      expect("errors" in refused && refused.errors[0]!.message).toContain("nope");
    }
    const query = `subscription ($filter: ParticipantEventFilter!) { participantEvents(filter: $filter) { type } }`;
    const one = operations.prepare({ query, variables: { filter: { kind: "CONFERENCE" } } });
    const two = operations.prepare({ query, variables: { filter: {} } });
    const bad = operations.prepare({ query, variables: ["filter"] });
    expect("args" in one && one.args.variableValues).toEqual({ filter: { kind: "CONFERENCE" } });
    expect("args" in two && two.args.variableValues).toEqual({ filter: {} });
    expect("args" in one && "args" in two && one.args.document === two.args.document).toBe(true);
    expect("errors" in bad && bad.errors[0]!.extensions.code).toBe("BAD_REQUEST");
  });
});
