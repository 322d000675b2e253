import packageJson from "../package.json" with { type: "json" };

export const GATEWAY_NAME = packageJson.name;
export const GATEWAY_VERSION = packageJson.version;
