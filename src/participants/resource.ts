import { isNotFound, NotFoundError, outcomeOf } from "../errors/gateway-errors.js";
import type { WireRequest } from "../params/wire.js";
import type { FormParams } from "../twilio/form.js";
import { type PageRequest, pageQuery, readTwilioPage, type TwilioPage } from "../twilio/paging.js";
import type { TwilioPath } from "../twilio/path.js";
import type { TwilioProduct } from "../twilio/products.js";
import type { TwilioScope } from "../twilio/request-scope.js";
import type { TwilioJson } from "../twilio/response-fields.js";

/** What the gateway does to a participant resource, as named in logs and metric labels. */
export type ResourceVerb = "create" | "fetch" | "list" | "update" | "delete";

/** e.g. `conference.participant.create`: derived, never typed by hand. */
export type TwilioOperation = `${string}.participant.${ResourceVerb}`;

/** A Twilio participant resource: where it lives and how its JSON reads. */
export interface ResourceSpec<Parent, Key, T> {
  /** The Twilio host it lives on. */
  product: TwilioProduct;
  /** Prefix of its operation names, e.g. `conference.participant`. */
  name: `${string}.participant`;
  /** The list (and create) path under the parent resource. */
  listPath(parent: Parent, twilio: TwilioScope): TwilioPath;
  /** One participant's path. */
  instancePath(key: Key, twilio: TwilioScope): TwilioPath;
  /** The largest PageSize the API accepts. */
  maxPageSize: number;
  /**
   * Maps Twilio's snake_case answer onto the GraphQL type. `requested` is what the request's
   * path named (the parent, or the participant's key): the key fields an odd answer omits are
   * taken from it (see `key-fields.ts`).
   */
  read(json: TwilioJson, twilio: TwilioScope, requested: Parent | Key): T;
  /** How a NOT_FOUND names it: `Conference participant CA…`. */
  describe(key: Key): string;
}

/**
 * The REST plumbing every product shares: one function per verb, each one Twilio call through
 * the request's scope. Products differ only in their spec.
 */
export interface ParticipantResource<Parent, Key, T> extends ResourceSpec<Parent, Key, T> {
  create(twilio: TwilioScope, parent: Parent, wire: WireRequest): Promise<T>;
  fetch(twilio: TwilioScope, key: Key): Promise<T>;
  list(
    twilio: TwilioScope,
    parent: Parent,
    filters: FormParams,
    page: PageRequest,
  ): Promise<TwilioPage<T>>;
  /** A participant that does not exist is a NOT_FOUND. */
  update(twilio: TwilioScope, key: Key, wire: WireRequest): Promise<T>;
  /** A participant that is already gone is a NOT_FOUND. */
  delete(twilio: TwilioScope, key: Key, headers?: Record<string, string>): Promise<void>;
}

/** A request's path fields, from a built path. */
function at(path: TwilioPath): { path: string; pathTemplate: string } {
  return { path: path.path, pathTemplate: path.template };
}

export function participantResource<Parent, Key, T>(
  spec: ResourceSpec<Parent, Key, T>,
): ParticipantResource<Parent, Key, T> {
  const { product, name } = spec;
  const operation = (verb: ResourceVerb): TwilioOperation => `${name}.${verb}`;
  const read = (twilio: TwilioScope, requested: Parent | Key, json: TwilioJson | undefined) =>
    spec.read(json ?? {}, twilio, requested);
  return {
    ...spec,
    async create(twilio, parent, wire) {
      const json = await twilio.request<TwilioJson>({
        product,
        operation: operation("create"),
        method: "POST",
        ...at(spec.listPath(parent, twilio)),
        form: wire.form,
        headers: wire.headers,
      });
      return read(twilio, parent, json);
    },
    async fetch(twilio, key) {
      const json = await twilio.request<TwilioJson>({
        product,
        operation: operation("fetch"),
        method: "GET",
        ...at(spec.instancePath(key, twilio)),
      });
      return read(twilio, key, json);
    },
    async list(twilio, parent, filters, page) {
      const json = await twilio.request<TwilioJson>({
        product,
        operation: operation("list"),
        method: "GET",
        ...at(spec.listPath(parent, twilio)),
        query: [...filters, ...pageQuery(page)],
      });
      return readTwilioPage(json, "participants", (item) => spec.read(item, twilio, parent));
    },
    async update(twilio, key, wire) {
      const json = await notFoundAs(key, () =>
        twilio.request<TwilioJson>({
          product,
          operation: operation("update"),
          method: "POST",
          ...at(spec.instancePath(key, twilio)),
          form: wire.form,
          headers: wire.headers,
        }),
      );
      return read(twilio, key, json);
    },
    async delete(twilio, key, headers) {
      await notFoundAs(key, () =>
        twilio.request({
          product,
          operation: operation("delete"),
          method: "DELETE",
          ...at(spec.instancePath(key, twilio)),
          headers,
        }),
      );
    },
  };

  /**
   * The one not-found rule for a participant addressed by its key: Twilio's 404 becomes a
   * NOT_FOUND naming it, with Twilio's details kept. (A fetch answers null instead: see
   * `fetchCache`; a create's or list's 404 is about the parent and stays Twilio's error.)
   */
  async function notFoundAs<R>(key: Key, call: () => Promise<R>): Promise<R> {
    try {
      return await call();
    } catch (error) {
      if (isNotFound(error)) {
        throw new NotFoundError(spec.describe(key), error.twilio, outcomeOf(error));
      }
      throw error;
    }
  }
}
