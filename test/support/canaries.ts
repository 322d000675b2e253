import { expect } from "vitest";

/**
 * Secrets the tests configure and send, each distinctive enough that finding it anywhere a
 * gateway writes — a response body or header, a log line — is a leak. Obviously fake; letters,
 * digits and hyphens only, so URL and JSON encoding leave them as they are.
 */
export const CANARY = {
  authToken: "canary-auth-token-3f9c1e7a",
  apiSecret: "canary-api-secret-8b2d47c0",
  sipPassword: "canary-sip-password-61ae0f",
  gatewayKey: "canary-gateway-key-c47d92e1",
  jwtSecret: "canary-jwt-secret-5e0b7a93d2f14c68a1e9",
} as const;

export type CanaryName = keyof typeof CANARY;

/**
 * The forms a secret can leak in: as it is, and base64-encoded inside something longer (a
 * Basic header is base64 of `user:secret`): for each of the three ways the secret's bytes can
 * fall on base64's 3-byte groups, the characters that depend on the secret alone.
 */
function leakedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [secret];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const start = Math.ceil((offset * 4) / 3);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    forms.push(encoded.slice(start, end));
  }
  return forms;
}

const FORMS = Object.entries(CANARY).map(([name, secret]) => ({
  name: name as CanaryName,
  forms: leakedForms(secret),
}));

/** Every canary found in `texts`, with a little of what surrounds it. */
export function findCanaries(texts: Iterable<string>): string[] {
  const hits: string[] = [];
  for (const text of texts) {
    for (const { name, forms } of FORMS) {
      for (const form of forms) {
        const at = text.indexOf(form);
        if (at >= 0)
          hits.push(`${name}: …${text.slice(Math.max(0, at - 40), at + form.length + 20)}…`);
      }
    }
  }
  return hits;
}

export function expectNoCanaries(texts: Iterable<string>): void {
  expect(findCanaries(texts)).toEqual([]);
}

/**
 * Everything a client received: make requests through `fetch`, add log lines with `record`,
 * then `expectClean()`.
 */
export class CanaryWatch {
  readonly seen: string[] = [];

  /** fetch, keeping the status line, every response header and the body. */
  async fetch(url: string, init?: RequestInit): Promise<{ status: number; body: string }> {
    const response = await fetch(url, init);
    const body = await response.text();
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`);
    this.seen.push([`HTTP ${response.status}`, ...headers, "", body].join("\n"));
    return { status: response.status, body };
  }

  record(...texts: string[]): void {
    this.seen.push(...texts);
  }

  expectClean(): void {
    expectNoCanaries(this.seen);
  }
}
