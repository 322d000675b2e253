import { conferenceProduct } from "./conference/product.js";
import { conversationProduct } from "./conversation/product.js";
import { interactionProduct } from "./interaction/product.js";
import type { ParticipantProduct } from "./product.js";
import { proxyProduct } from "./proxy/product.js";

/** Every Twilio product the gateway serves: one line each. */
export const PRODUCTS: readonly ParticipantProduct[] = [
  proxyProduct,
  interactionProduct,
  conversationProduct,
  conferenceProduct,
];
