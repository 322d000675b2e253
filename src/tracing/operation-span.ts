import {
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Tracer,
} from "@opentelemetry/api";
import { ATTR_ERROR_TYPE } from "@opentelemetry/semantic-conventions";
import { ATTR_GRAPHQL_OPERATION_NAME, ATTR_GRAPHQL_OPERATION_TYPE } from "./semconv.js";

/** The name the GraphQL conventions give a span before (or without) a resolved operation. */
const UNRESOLVED_NAME = "GraphQL Operation";

/** The span of one GraphQL request, the parent of the Twilio calls it makes. */
export interface OperationSpan {
  /** The context to start this operation's Twilio call spans in. */
  readonly context: Context;
  /**
   * Names the span once the operation is resolved (after parsing and validation). The span is
   * named by the type only: the operation name is the client's choice, so it is an attribute.
   */
  setOperation(type: string, name: string | undefined): void;
  /**
   * Ends the span. With errors in the response its status is ERROR and `error.type` the first
   * error's `extensions.code`; never a message, which can repeat a client's input.
   */
  end(errorCodes: readonly string[]): void;
}

export function startOperationSpan(tracer: Tracer, parent: Context): OperationSpan {
  const span: Span = tracer.startSpan(UNRESOLVED_NAME, { kind: SpanKind.SERVER }, parent);
  return {
    context: trace.setSpan(parent, span),
    setOperation(type, name) {
      span.updateName(type);
      span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
      if (name !== undefined) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
    },
    end(errorCodes) {
      if (errorCodes.length > 0) {
        span.setAttribute(ATTR_ERROR_TYPE, errorCodes[0]!);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}
