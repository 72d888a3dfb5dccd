import { AUTHORED_PACKS, BUNDLED_PACKS } from '../data/bundled-packs';
import type { StoryPack } from '../data/schema';
import { mergePackNames, namesOf } from '../engine/packs/lens-entities';

const byId = (packs: readonly StoryPack[], id: string): StoryPack => {
  const pack = packs.find((p) => p.id === id);
  if (pack === undefined) throw new Error(`no bundled pack "${id}"`);
  return pack;
};

/** The first story, which the seed article and FACTS.md describe: as the extension uses it, and as written. */
export const CHINA_PACK = byId(BUNDLED_PACKS, 'china-tech-reset');
export const CHINA_AUTHORED = byId(AUTHORED_PACKS, 'china-tech-reset');
/** The second story, of Huawei and the spying claims of 2013. */
export const HUAWEI_PACK = byId(BUNDLED_PACKS, 'huawei-spying-claims-2013');

/** What a page looks for with the settings as they come: every bundled story's entities, merged. */
export const BUNDLED_ENTITIES = mergePackNames(BUNDLED_PACKS.map(namesOf)).entities;
