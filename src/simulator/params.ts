import { invalidParameter, missingParameter } from "./errors.js";
import type { FormParams } from "./form.js";

/** A required parameter; an empty value counts as missing, as it does for Twilio. */
export function required(form: FormParams, name: string): string {
  const value = form.get(name);
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

export function oneOf<T extends string>(
  form: FormParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = form.get(name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(name, `${value} is not one of ${allowed.join(", ")}`);
  }
  return value as T;
}

/** The 2010 API reads anything but `true` as false. */
export function flag(form: FormParams, name: string): boolean | undefined {
  const value = form.get(name);
  return value === undefined ? undefined : value.toLowerCase() === "true";
}

/** JSON carried as a string parameter: the text as sent, and what it parses to. */
export interface JsonText {
  text: string;
  value: unknown;
}

export function jsonText(form: FormParams, name: string): JsonText | undefined {
  const text = form.get(name);
  if (text === undefined) return undefined;
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    throw invalidParameter(name, "the value is not valid JSON");
  }
}

export function matching(form: FormParams, name: string, pattern: RegExp): string | undefined {
  const value = form.get(name);
  if (value !== undefined && !pattern.test(value)) throw invalidParameter(name, value);
  return value;
}

export function integer(form: FormParams, name: string): number | undefined {
  const value = form.get(name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidParameter(name, value);
  return Number(value);
}

export function dateTime(form: FormParams, name: string): Date | undefined {
  const value = form.get(name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalidParameter(name, value);
  return date;
}
