/** Who the gateway is towards Twilio: the Basic-auth pair plus the account it acts for. */
export interface TwilioCredentials {
  accountSid: string;
  /** An Account SID (AC…) or an API Key SID (SK…). */
  username: string;
  /** The Auth Token or the API Key secret. Never logged, never returned. */
  password: string;
}

/** Which Twilio the gateway talks to: the real one, or the embedded simulator. */
export type TwilioMode = "live" | "simulator";
