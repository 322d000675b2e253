import { Arg, Ctx, Field, InputType, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../../graphql/context.js";
import { resolvedDirectly } from "../../graphql/direct-resolvers.js";
import { assertValid, CheckObject, Nested } from "../../validation/rules.js";
import { Participant } from "../participant.js";
import { PRODUCTS } from "../registry.js";
import { createParticipant } from "../resolvers/add-mutation.js";

/** The unified input's name: the schema marks it `@oneOf`. */
export const ADD_PARTICIPANT_INPUT = "AddParticipantInput";

/** The products one can add participants to (Twilio enqueues a queue member by TwiML, say). */
const ADDABLE = PRODUCTS.flatMap((product) =>
  product.add ? [{ name: product.name, add: product.add }] : [],
);
const NAMES = ADDABLE.map((product) => product.name);

/**
 * One field per product, each with the same input type as that product's own add mutation, and
 * exactly one of them given.
 */
export const AddParticipantInput = { [ADD_PARTICIPANT_INPUT]: class {} }[ADD_PARTICIPANT_INPUT]!;
for (const product of ADDABLE) {
  Field(() => product.add.input, { nullable: true })(AddParticipantInput.prototype, product.name);
  Nested(() => product.add.input)(AddParticipantInput.prototype, product.name);
}
// The schema marks this input @oneOf, which graphql-js enforces before any resolver runs; this
// rule keeps the guarantee should a request ever reach the resolver without that check.
CheckObject<Record<string, unknown>>((input) => {
  const given = NAMES.filter((name) => input[name] !== undefined && input[name] !== null);
  if (given.length === 1) return [];
  const found = given.length === 0 ? "none was" : `${given.join(" and ")} were`;
  return [{ field: "", message: `exactly one of ${NAMES.join(", ")} must be given; ${found}` }];
})(AddParticipantInput);
InputType(ADD_PARTICIPANT_INPUT, {
  description:
    "Exactly one kind of participant to add, each with the same fields as its own add mutation.",
})(AddParticipantInput);

function addParticipant(input: Record<string, unknown>, context: GatewayContext): Promise<object> {
  assertValid(AddParticipantInput, input);
  // The rule above has made sure exactly one kind was given.
  const product = ADDABLE.find((candidate) => input[candidate.name] != null)!;
  return createParticipant(context, product.add, input[product.name] as never);
}

@Resolver()
class AddParticipantDeclaration {
  @Mutation(() => Participant, {
    nullable: true,
    description:
      "Adds a participant of any kind: sends exactly what the kind's own add mutation sends.",
  })
  addParticipant(
    @Arg("input", () => AddParticipantInput) input: Record<string, unknown>,
    @Ctx() context: GatewayContext,
  ): Promise<object> {
    return addParticipant(input, context);
  }
}

export const AddParticipantResolver = resolvedDirectly(AddParticipantDeclaration, {
  Mutation: {
    addParticipant: (_, args, context) =>
      addParticipant(args.input as Record<string, unknown>, context),
  },
});
