/** The fake account, app and tokens the sample server answers for. Nothing here is a real credential. */
import { Rng } from './random';

const identityRng = new Rng('sample-identity');

export const SAMPLE_ACCOUNT_ID: string = identityRng.hex(32);
export const SAMPLE_APP_ID: string = identityRng.uuid();
/** A second, empty app so app listings have more than one entry. */
export const STAGING_APP_ID: string = identityRng.uuid();
export const SAMPLE_ORGANIZATION_ID: string = identityRng.uuid();

export const SAMPLE_TOKEN = 'sample-rtk-token-Q7vX2mLp9ZrK4dN8wT1cYb';
export const SAMPLE_TOKEN_NO_PERMISSION = 'sample-rtk-token-without-realtime-perm0';
