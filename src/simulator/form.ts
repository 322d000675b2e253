import { badRequest } from "./errors.js";

/**
 * Decoded `application/x-www-form-urlencoded` parameters. Twilio's names are flat: a dotted name
 * such as `MessagingBinding.Address` is one parameter, and a repeated name is a list.
 */
export class FormParams {
  // A Map, not an object, so that a parameter called `__proto__` is just a parameter.
  private readonly values = new Map<string, string[]>();

  add(name: string, value: string): void {
    const list = this.values.get(name);
    if (list === undefined) this.values.set(name, [value]);
    else list.push(value);
  }

  /** The first value: Twilio reads a repeated scalar parameter once. */
  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  all(name: string): readonly string[] {
    return this.values.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

/** Both `+` and `%20` are a space, as in any HTML form; bad percent-encoding is a 400. */
export function parseForm(text: string): FormParams {
  const params = new FormParams();
  if (text === "") return params;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    params.add(decode(rawName), decode(rawValue));
  }
  return params;
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    throw badRequest("Malformed percent-encoding in form parameters");
  }
}
