import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";

const LIVE = {
  TWILIO_ACCOUNT_SID: "AC" + "a".repeat(32),
  TWILIO_AUTH_TOKEN: "config-test-token-not-real",
};

describe("CONSOLE_ENABLED and GRAPHQL_TRUSTED_DOCUMENTS", () => {
  it("the console is on by default on the simulator, off with live Twilio; trusted documents allow", () => {
    expect(loadConfig({})).toMatchObject({ consoleEnabled: true, trustedDocuments: "allow" });
    expect(loadConfig(LIVE)).toMatchObject({ consoleEnabled: false, trustedDocuments: "allow" });
  });

  it("either way on request", () => {
    expect(loadConfig({ CONSOLE_ENABLED: "false" }).consoleEnabled).toBe(false);
    expect(loadConfig({ ...LIVE, CONSOLE_ENABLED: "true" }).consoleEnabled).toBe(true);
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: "require" }).trustedDocuments).toBe("require");
  });

  it("refuses other values, naming the variable", () => {
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: "off", CONSOLE_ENABLED: "yes" })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: "off" })).toThrow(
      'GRAPHQL_TRUSTED_DOCUMENTS must be "allow" or "require", got "off"',
    );
    expect(() => loadConfig({ CONSOLE_ENABLED: "yes" })).toThrow(
      'CONSOLE_ENABLED must be "true" or "false", got "yes"',
    );
  });
});
