import { PathSegmentError } from "../errors/gateway-errors.js";
import { percentEncode } from "./form.js";

/** A REST path as sent, and as a template that names the call (spans, never metric labels). */
export interface TwilioPath {
  /** Every interpolated segment percent-encoded. */
  readonly path: string;
  /** `{Name}` placeholders where identifiers go, e.g. `/v1/Conversations/{ConversationSid}/…`. */
  readonly template: string;
}

/**
 * Builds a REST path with every interpolated segment percent-encoded, so an identifier
 * (a label, an identity, a unique name) can never add path segments or a query string. Each
 * placeholder of the template is named as Twilio's API reference names it: after
 * `/Conferences/` comes `{ConferenceSid}`.
 *
 * Percent-encoding leaves `.` alone, and URL normalisation (got's, any proxy's) removes a `.`
 * segment and climbs one for `..`: `/Conversations/CH…/Participants/..` would address the
 * conversation itself. Input validation refuses such names; this is the last line of defence
 * for every other way a value gets here (entity representations, a future field): it throws
 * a PathSegmentError (BAD_USER_INPUT), so no request is ever made with such a path.
 */
export function twilioPath(strings: TemplateStringsArray, ...segments: string[]): TwilioPath {
  let path = strings[0] ?? "";
  let template = path;
  segments.forEach((segment, i) => {
    const after = strings[i + 1] ?? "";
    const placeholder = placeholderName(strings[i] ?? "");
    if (/^\.*$/.test(segment)) throw new PathSegmentError(placeholder, "dots");
    path += encodeSegment(segment, placeholder) + after;
    template += `{${placeholder}}${after}`;
  });
  return { path, template };
}

/** A lone surrogate has no UTF-8: encodeURIComponent throws on it, and so does this, as bad input. */
function encodeSegment(segment: string, placeholder: string): string {
  try {
    return percentEncode(segment);
  } catch (error) {
    if (error instanceof URIError) throw new PathSegmentError(placeholder, "not-unicode");
    throw error;
  }
}

/** `/2010-04-01/Accounts/` → `AccountSid`. */
function placeholderName(before: string): string {
  const collection = /([A-Za-z]+)s\/$/.exec(before)?.[1];
  return collection ? `${collection}Sid` : "Sid";
}
