import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { printGatewaySchema } from "../src/gateway/schema.js";
import { sharedSchema } from "./support/gateway.js";

it("schema/schema.graphql is exactly what the code builds (run `npm run schema:print`)", async () => {
  const checkedIn = await readFile(new URL("../schema/schema.graphql", import.meta.url), "utf8");
  expect(printGatewaySchema(await sharedSchema())).toBe(checkedIn);
});
