import { withScriptVariants } from '../engine/matcher/script-variants';
import chinaTechReset from './packs/china-tech-reset.json' with { type: 'json' };
import chinaTechResetVariants from './packs/china-tech-reset.variants.json' with { type: 'json' };
import huaweiSpyingClaims from './packs/huawei-spying-claims-2013.json' with { type: 'json' };
import huaweiSpyingClaimsVariants from './packs/huawei-spying-claims-2013.variants.json' with { type: 'json' };
import type { StoryPack } from './schema';

/*
 * The stories that ship with the extension. The casts are safe because
 * tests/unit/story-pack.test.ts reads each one through the full pack check
 * and gets it back unchanged.
 */
const BUNDLED = [
  [chinaTechReset as StoryPack, chinaTechResetVariants],
  [huaweiSpyingClaims as StoryPack, huaweiSpyingClaimsVariants],
] as const;

/** The bundled packs as written. */
export const AUTHORED_PACKS: readonly StoryPack[] = BUNDLED.map(([pack]) => pack);

/** The bundled packs as the extension uses them: with the Traditional Chinese forms generated at build time. */
export const BUNDLED_PACKS: readonly StoryPack[] = BUNDLED.map(([pack, variants]) =>
  withScriptVariants(pack, variants),
);
