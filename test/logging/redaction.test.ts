import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/logger.js";

const SECRET = "fake-secret-0123456789";

function capture() {
  const lines: string[] = [];
  const logger = createLogger("debug", { write: (line: string) => lines.push(line) });
  return { logger, text: () => lines.join("") };
}

describe("the logger's second line against secrets", () => {
  it("censors a secret under its own name, at the top level and one level into the usual objects", () => {
    const { logger, text } = capture();
    logger.info({ authToken: SECRET, apiKey: SECRET, password: SECRET }, "top level");
    logger.info({ headers: { authorization: `Basic ${SECRET}`, cookie: SECRET } }, "headers");
    logger.warn({ credentials: { username: "ACfake", password: SECRET } }, "credentials");
    logger.error({ error: { apiSecret: SECRET }, input: { sipAuthPassword: SECRET } }, "nested");
    logger.info({ variables: { authToken: SECRET }, config: { apiSecret: SECRET } }, "more");
    expect(text()).not.toContain(SECRET);
    expect(text().match(/\[redacted\]/g)).toHaveLength(10);
    // What is not a secret stays readable.
    expect(text()).toContain('"username":"ACfake"');
  });

  it("censors a child logger's bindings too", () => {
    const { logger, text } = capture();
    logger.child({ requestId: "req-1", credentials: { password: SECRET } }).info("bound");
    expect(text()).not.toContain(SECRET);
    expect(text()).toContain('"requestId":"req-1"');
  });
});
