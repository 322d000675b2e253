/**
 * Well-known credentials of the simulator. They are a local fake, published on purpose so that
 * tests and `npm run simulator` work without configuration; they open nothing outside it.
 */
export const SIMULATOR_ACCOUNT_SID = "AC51000000000000000000000000000000";
export const SIMULATOR_AUTH_TOKEN = "51515151515151515151515151515151";
