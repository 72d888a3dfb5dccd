import { withScriptVariants } from '../engine/script-variants';
import pack from './packs/china-tech-reset.json' with { type: 'json' };
import variants from './packs/china-tech-reset.variants.json' with { type: 'json' };
import type { StoryPack } from './schema';

/**
 * The story that ships with the extension, as written (tests check this one
 * against the article and FACTS.md). The cast is safe because
 * tests/unit/knowledge-base.test.ts runs the full pack check on it.
 */
export const AUTHORED_PACK = pack as StoryPack;

/** The pack the extension uses: as written, with the Traditional Chinese forms generated at build time. */
export const BUNDLED_PACK = withScriptVariants(AUTHORED_PACK, variants);
