import type { StoryPack } from '../../data/schema';
import { type LensEntity, mergePackNames, namesOf } from './lens-entities';

/** One story's account of an entity: the pack, and the entity's id in it. */
export interface Account {
  pack: StoryPack;
  entityId: string;
}

/**
 * The stories switched on, whole, as the panel and the options page show
 * them: the merged entities a page highlights, and what each story says of
 * each one.
 */
export interface StorySet {
  /** The packs, in their turn. */
  packs: readonly StoryPack[];
  /** The entities as pages highlight them, merged across the packs. */
  entities: readonly LensEntity[];
  entity(lensId: string): LensEntity | undefined;
  /** What each story says of an entity, first story first. */
  accountsOf(lensId: string): Account[];
  /** The page's id for a story's entity. */
  lensIdOf(packId: string, entityId: string): string | undefined;
}

export function storySet(packs: readonly StoryPack[]): StorySet {
  const entities = mergePackNames(packs.map(namesOf)).entities;
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const packById = new Map(packs.map((pack) => [pack.id, pack]));
  const lensIds = new Map<string, string>();
  for (const entity of entities) {
    for (const story of entity.stories) lensIds.set(`${story.packId}\u0000${story.entityId}`, entity.id);
  }
  return {
    packs,
    entities,
    entity: (lensId) => byId.get(lensId),
    accountsOf: (lensId) =>
      (byId.get(lensId)?.stories ?? []).flatMap(({ packId, entityId }) => {
        const pack = packById.get(packId);
        return pack === undefined ? [] : [{ pack, entityId }];
      }),
    lensIdOf: (packId, entityId) => lensIds.get(`${packId}\u0000${entityId}`),
  };
}
