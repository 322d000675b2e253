import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { buildGatewaySchema, printGatewaySchema } from "./schema.js";

/** `npm run schema:print`: rewrites the checked-in schema file from the code. */
const target = new URL("../../../schema/schema.graphql", import.meta.url);
await writeFile(target, printGatewaySchema(await buildGatewaySchema()));
process.stdout.write(`wrote ${target.pathname}\n`);
