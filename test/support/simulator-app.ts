import { afterAll, beforeAll } from "vitest";
import { type GraphQLResult, postGraphQL } from "./graphql.js";
import { type RunningApp, startApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/config.js";
import { silentLogger } from "../../src/logging/logger.js";

export interface SimulatorApp {
  /** Available once the suite's beforeAll has run. */
  readonly app: RunningApp;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: object,
    headers?: Record<string, string>,
    extensions?: object,
  ): Promise<Omit<GraphQLResult<T>, "status">>;
}

/**
 * Starts the app for this test file exactly as `npm start` does with no Twilio variables (plus
 * `env`): the gateway in front of its embedded Twilio simulator. Stops it after the file's tests.
 */
export function useSimulatorApp(env: Record<string, string> = {}): SimulatorApp {
  let running: RunningApp | undefined;
  beforeAll(async () => {
    running = await startApp(loadConfig({ PORT: "0", ...env }), silentLogger);
  });
  afterAll(() => running?.close());

  const app = () => {
    if (!running) throw new Error("the simulator app is only there inside tests");
    return running;
  };
  return {
    get app() {
      return app();
    },
    // The answer's body alone, as a client library hands it over.
    async graphql<T>(
      query: string,
      variables?: object,
      headers?: Record<string, string>,
      extensions?: object,
    ) {
      const { status: _status, ...body } = await postGraphQL<T>(
        app().gateway.graphqlUrl,
        query,
        variables,
        headers,
        extensions,
      );
      return body;
    },
  };
}
