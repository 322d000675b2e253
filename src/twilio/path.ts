import { percentEncode } from "./form.js";

/**
 * Builds a REST path with every interpolated segment percent-encoded, so an identifier
 * (a label, an identity, a unique name) can never add path segments or a query string.
 */
export function twilioPath(strings: TemplateStringsArray, ...segments: string[]): string {
  let path = strings[0] ?? "";
  segments.forEach((segment, i) => {
    path += percentEncode(segment) + (strings[i + 1] ?? "");
  });
  return path;
}
