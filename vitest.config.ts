import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Tests and dependencies must share one copy of graphql, or schema objects built in
    // one realm are rejected by the other ("Cannot use GraphQLSchema from another module").
    alias: { graphql: require.resolve("graphql/index.js") },
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    setupFiles: ["reflect-metadata"],
    globalSetup: ["test/global-setup.ts"],
  },
});
