import { withScriptVariants } from '../engine/script-variants';
import chinaTechReset from './packs/china-tech-reset.json' with { type: 'json' };
import chinaTechResetVariants from './packs/china-tech-reset.variants.json' with { type: 'json' };
import type { StoryPack } from './schema';

/**
 * The stories that ship with the extension, as written. The casts are safe
 * because tests/unit/story-pack.test.ts reads each one through the full
 * pack check and gets it back unchanged.
 */
export const AUTHORED_PACKS: readonly StoryPack[] = [chinaTechReset as StoryPack];

/** The packs as the extension uses them: as written, with the Traditional Chinese forms generated at build time. */
export const BUNDLED_PACKS: readonly StoryPack[] = [
  withScriptVariants(AUTHORED_PACKS[0] as StoryPack, chinaTechResetVariants),
];
