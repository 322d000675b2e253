import { type Authenticate, bearerAccess, openAccessFor } from "../auth/authenticate.js";
import { type Config, ConfigError } from "../config/config.js";
import type { Logger } from "../logging/logger.js";

export type AccessControlConfig = Pick<
  Config,
  | "mode"
  | "corsOrigins"
  | "gatewayAuthNone"
  | "gatewayApiKeys"
  | "gatewayJwt"
  | "gatewayAccountSids"
>;

/**
 * Who may call this gateway, decided once at start-up. With API keys or JWTs configured every
 * caller presents one. Otherwise the gateway is open — fine on the embedded simulator, where
 * nothing costs money, but on live Twilio only when the operator says so (`GATEWAY_AUTH=none`):
 * an open gateway lets anyone who reaches it dial phones on the account. Throws ConfigError
 * (one line, exit code 1) when it will not start.
 */
export function accessControl(config: AccessControlConfig, logger: Logger): Authenticate {
  if (config.gatewayApiKeys.length > 0 || config.gatewayJwt) {
    return bearerAccess({
      apiKeys: config.gatewayApiKeys,
      apiKeyAccountSids: config.gatewayAccountSids,
      jwt: config.gatewayJwt,
    });
  }
  if (config.mode === "live") {
    if (!config.gatewayAuthNone) {
      throw new ConfigError(
        "Refusing to start: live Twilio credentials are configured but no access control. " +
          "Set GATEWAY_API_KEYS (or GATEWAY_API_KEYS_FILE), or GATEWAY_JWT_SECRET or " +
          "GATEWAY_JWKS_URL (GATEWAY_JWT_*), or GATEWAY_AUTH=none to run open on purpose",
      );
    }
    if (config.corsOrigins.includes("*")) {
      // Without a key to hold, any web page a visitor opens could drive the account.
      throw new ConfigError(
        "Refusing to start: CORS_ORIGINS=* on an open gateway (GATEWAY_AUTH=none) with live " +
          "Twilio lets any web page spend the account. List the origins in CORS_ORIGINS, or " +
          "set GATEWAY_API_KEYS / GATEWAY_JWT_*",
      );
    }
  }
  if (config.gatewayAuthNone) {
    logger.warn(
      { mode: config.mode },
      "GATEWAY_AUTH=none: the gateway runs without access control; anyone who reaches it can use the configured Twilio account",
    );
  }
  return openAccessFor(config.gatewayAccountSids);
}
