import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN } from "../../src/simulator/defaults.js";

// Response bodies are asserted field by field; typing each Twilio shape here would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const ACCOUNT_SID = SIMULATOR_ACCOUNT_SID;

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;
}

export const AUTH = basicAuth(SIMULATOR_ACCOUNT_SID, SIMULATOR_AUTH_TOKEN);

export function sid(prefix: string): string {
  return prefix + randomBytes(16).toString("hex");
}

/** Encodes as Twilio's SDKs do: `%20` for a space, a repeated name for each list item. */
export function form(params: Record<string, string | readonly string[]>): string {
  return Object.entries(params)
    .flatMap(([name, value]) => (typeof value === "string" ? [value] : value).map((v) => [name, v]))
    .map(([name, value]) => `${encodeURIComponent(name!)}=${encodeURIComponent(value!)}`)
    .join("&");
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

export interface CallOptions {
  method?: string;
  body?: string | Record<string, string | readonly string[]>;
  auth?: string | null;
  headers?: Record<string, string>;
}

export async function call(url: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== null) headers.Authorization = options.auth ?? AUTH;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : form(options.body);
    headers["Content-Type"] ??= "application/x-www-form-urlencoded";
  }
  const response = await fetch(url, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
    text,
  };
}

export function twilioError(status: number, code: number, message?: string): Json {
  return {
    code,
    message: message ?? expect.any(String),
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  };
}

export const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
