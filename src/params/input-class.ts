import { ArgsType, Field, InputType } from "type-graphql";
import { Check, CheckObject, Nested, type ObjectRule } from "../validation/rules.js";
import type { InputOf, NestedInput, Param, ParamTable } from "./param.js";

/** A class type-graphql knows as an input or argument type, with instances shaped by its table. */
export type InputClass<P extends ParamTable> = (new () => InputOf<P>) & { readonly params: P };

export interface InputTypeOptions {
  description?: string;
  /** Checks across several fields, run after each field's own rules. */
  rules?: readonly ObjectRule[];
}

/** A GraphQL input type (`input AddConferenceParticipantInput { … }`) declared by a param table. */
export function inputType<P extends ParamTable>(
  name: string,
  params: P,
  options: InputTypeOptions = {},
): InputClass<P> {
  const type = declareFields(namedClass<P>(name, params), params, options.rules);
  InputType(name, { description: options.description })(type);
  return type;
}

/**
 * Query or field arguments declared by a param table. Arguments are not a type of their own in
 * GraphQL, so the class is only named for stack traces.
 */
export function argsType<P extends ParamTable>(
  name: string,
  params: P,
  options: Pick<InputTypeOptions, "rules"> = {},
): InputClass<P> {
  const type = declareFields(namedClass<P>(name, params), params, options.rules);
  ArgsType()(type);
  return type;
}

function namedClass<P extends ParamTable>(name: string, params: P): InputClass<P> {
  const type = { [name]: class {} }[name]!;
  return Object.assign(type, { params }) as unknown as InputClass<P>;
}

/** Nested input types are shared by every table that uses the same declaration. */
const nestedClasses = new WeakMap<NestedInput, InputClass<ParamTable>>();

function nestedClass(input: NestedInput): InputClass<ParamTable> {
  let type = nestedClasses.get(input);
  if (!type) {
    type = inputType(input.typeName, input.fields, input);
    nestedClasses.set(input, type);
  }
  return type;
}

function declareFields<P extends ParamTable>(
  type: InputClass<P>,
  params: P,
  rules: readonly ObjectRule[] = [],
): InputClass<P> {
  for (const [field, param] of Object.entries(params) as Array<[string, Param]>) {
    // A nested type is declared now: type-graphql only knows the types declared before the build.
    const nested = param.kind.nested && nestedClass(param.kind.nested);
    const graphqlType = nested ? () => nested : param.kind.graphql;
    Field(graphqlType as () => never, {
      nullable: !param.required,
      description: param.description,
    })(type.prototype, field);
    const rules = param.kind.check ? [param.kind.check, ...param.rules] : param.rules;
    if (rules.length > 0) Check(...rules)(type.prototype, field);
    if (nested) Nested(() => nested)(type.prototype, field);
  }
  for (const rule of rules) CheckObject(rule)(type);
  return type;
}
