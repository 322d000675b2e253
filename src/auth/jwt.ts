import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import { UnauthenticatedError } from "../errors/gateway-errors.js";
import { ANY_ACCOUNT, type Principal } from "./principal.js";

/** How the gateway verifies bearer tokens: a shared secret or an issuer's published key set. */
export type JwtOptions = JwtKeys & {
  /** When set, a token's `iss` must be exactly this. */
  issuer?: string;
  /** When set, a token's `aud` must name this. */
  audience?: string;
};

type JwtKeys =
  // HS256 with a secret shared with the issuer.
  | { secret: string; jwksUrl?: undefined }
  // The issuer's key set, fetched and cached by jose: asymmetric keys only.
  | { secret?: undefined; jwksUrl: string };

/**
 * The claim listing the Twilio accounts (AC…, or `*` for any) a token's holder may act for
 * besides the credentials' own.
 */
export const ACCOUNT_SIDS_CLAIM = "twilio_account_sids";

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const ASYMMETRIC = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
];

/**
 * Verifies a bearer JWT (signature, `exp`/`nbf`, issuer, audience) and makes its principal:
 * the id is `sub`, the accounts come from `twilio_account_sids`. Anything wrong is an
 * UnauthenticatedError whose message says what, never the token.
 */
export function jwtPrincipals(options: JwtOptions): (token: string) => Promise<Principal> {
  const verify = verifier(options);
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      throw new UnauthenticatedError(`The bearer token was refused: ${reason(error)}`);
    }
    return { id: payload.sub!, accountSids: accountSidsOf(payload) };
  };
}

function verifier(options: JwtOptions) {
  const checks = {
    issuer: options.issuer,
    audience: options.audience,
    requiredClaims: ["sub", "exp"],
    // Issuers' and gateways' clocks drift a little.
    clockTolerance: 5,
  };
  if (options.secret !== undefined) {
    const secret = new TextEncoder().encode(options.secret);
    return (token: string) => jwtVerify(token, secret, { ...checks, algorithms: ["HS256"] });
  }
  const keySet = createRemoteJWKSet(new URL(options.jwksUrl));
  return (token: string) => jwtVerify(token, keySet, { ...checks, algorithms: ASYMMETRIC });
}

function reason(error: unknown): string {
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    // Not the caller's fault, but without the keys no token can be trusted.
    return "the signing keys could not be fetched";
  }
  return error.message;
}

function accountSidsOf(payload: JWTPayload): string[] {
  const claim = payload[ACCOUNT_SIDS_CLAIM];
  if (claim === undefined) return [];
  if (
    Array.isArray(claim) &&
    claim.every((sid) => typeof sid === "string" && (sid === ANY_ACCOUNT || ACCOUNT_SID.test(sid)))
  ) {
    return claim as string[];
  }
  throw new UnauthenticatedError(
    `The bearer token's ${ACCOUNT_SIDS_CLAIM} claim must be a list of Account SIDs (AC…) or "*"`,
  );
}
