import { Arg, Ctx, type ClassType, Mutation, Resolver } from "type-graphql";
import type { GatewayEventType } from "../../events/record.js";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import type { InputClass } from "../../params/input-class.js";
import type { InputOf, ParamTable } from "../../params/param.js";
import { assertValid } from "../../validation/rules.js";
import { publishGatewayEvent } from "./gateway-event.js";

/** What every participant mutation declares: its input, its answer's type, its description. */
export interface MutationSpec<P extends ParamTable, T extends object> {
  input: InputClass<P>;
  type: ClassType<T>;
  description: string;
}

/**
 * `<verb><Type>(input: …): <Type>`, e.g. `updateConferenceParticipant`: the name follows from the
 * type. The input is validated against its declared rules before anything is sent; the
 * participant the action answers with is what subscribers are told (`event`). Nullable, like
 * every mutation: when one of several in a request fails, the others still run and answer (see
 * gateway/write-outcome.ts).
 */
export function participantMutation<P extends ParamTable, T extends object>(
  verb: "add" | "update" | "remove",
  spec: MutationSpec<P, T>,
  event: GatewayEventType,
  act: (context: GatewayContext, input: InputOf<P>) => Promise<T>,
) {
  const name = `${verb}${spec.type.name}`;
  const run = async (input: InputOf<P>, context: GatewayContext): Promise<T> => {
    assertValid(spec.input, input);
    const participant = await act(context, input);
    await publishGatewayEvent(context, event, participant);
    return participant;
  };
  @Resolver()
  class ParticipantMutation {
    @Mutation(() => spec.type, { name, description: spec.description, nullable: true })
    run(
      @Arg("input", () => spec.input) input: InputOf<P>,
      @Ctx() context: GatewayContext,
    ): Promise<T> {
      return run(input, context);
    }
  }
  return resolvedDirectly(ParticipantMutation, {
    Mutation: { [name]: (_, args, context) => run(args.input as InputOf<P>, context) },
  });
}
