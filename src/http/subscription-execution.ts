import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";

type Execution = ExecutionResult | Promise<ExecutionResult>;

/**
 * Each event's executions so far: by document, then by operation name and variables. Keyed by
 * the event object, which the bus hands to every subscriber alike, so an entry lives exactly
 * as long as some subscriber still holds the event.
 */
const executions = new WeakMap<object, Map<DocumentNode, Map<string, Execution>>>();

/**
 * graphql-js's `subscribe`, for the subscription transports, with one difference: subscribers
 * that send the same document (the same object: see `SubscriptionOperations`), operation name
 * and variables share the execution of each event. One event reaching a thousand subscribers
 * of a conference is resolved once, not a thousand times.
 *
 * Which events a subscriber receives is still its own: its subscribe resolver runs with its
 * own context and decides (the account, the filter, the bounds). Only the resolution of an
 * event that already reached it is shared, and it runs without any subscriber's context
 * (`contextValue` is undefined): no field an event's result can select reads the context
 * (`test/http/subscription-execution.test.ts` walks the schema from the subscription fields
 * and fails on one that could), so a result may go to every subscriber whose document asked
 * the same of the same event. Were such a field added, it would fail on the missing context
 * rather than answer with another subscriber's.
 *
 * The transports keep `args` for the subscription's life; once subscribed, its context is let
 * go of (nothing reads it any more), so an idle subscription does not hold a request's worth
 * of logger, Twilio scope and loaders.
 */
export async function subscribeSharingEvents(
  args: ExecutionArgs,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  args.contextValue = undefined;
  if (!(Symbol.asyncIterator in source)) return source;
  return new SharedExecutions(source[Symbol.asyncIterator](), args);
}

/**
 * A subscription's events resolved one by one, as graphql-js maps them (when resolving throws,
 * the source is closed and the error rethrown), each execution shared through `executions`.
 * A class, not closures and async functions: an idle subscription costs one small object.
 */
class SharedExecutions implements AsyncGenerator<ExecutionResult> {
  /** The operation name and variables as one key, made on the first event. */
  private group: string | undefined;

  constructor(
    private readonly source: AsyncIterator<unknown>,
    private readonly args: ExecutionArgs,
  ) {}

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.source.next().then((step) => (step.done ? DONE : this.resolve(step.value)));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    await this.source.return?.();
    return DONE;
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private async resolve(event: unknown): Promise<IteratorResult<ExecutionResult>> {
    try {
      return { value: await this.execution(event), done: false };
    } catch (error) {
      await this.return().catch(() => {});
      throw error;
    }
  }

  private execution(event: unknown): Execution {
    if (typeof event !== "object" || event === null) return this.execute(event);
    let byDocument = executions.get(event);
    if (byDocument === undefined) executions.set(event, (byDocument = new Map()));
    let byGroup = byDocument.get(this.args.document);
    if (byGroup === undefined) byDocument.set(this.args.document, (byGroup = new Map()));
    this.group ??= `${this.args.operationName ?? ""}\0${JSON.stringify(this.args.variableValues ?? null)}`;
    let execution = byGroup.get(this.group);
    if (execution === undefined) byGroup.set(this.group, (execution = this.execute(event)));
    return execution;
  }

  private execute(event: unknown): Execution {
    return execute({ ...this.args, rootValue: event, contextValue: undefined });
  }
}

const DONE: IteratorResult<ExecutionResult> = Object.freeze({ value: undefined, done: true });
