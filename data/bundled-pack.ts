import pack from './packs/china-tech-reset.json' with { type: 'json' };
import type { StoryPack } from './schema';

/**
 * The story that ships with the extension. The cast is safe because
 * tests/unit/knowledge-base.test.ts runs the full pack check on this file.
 */
export const BUNDLED_PACK = pack as StoryPack;
