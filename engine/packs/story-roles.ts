import { type Entity, IDENTIFIES_STORY_BY_KIND } from '../../data/schema';

/**
 * Whether a mention of the entity alone shows that a page is about its
 * story: what the entity says, else what its kind usually is. The runtime
 * highlights a story's common names only where one of its own actors is
 * shown, so this decides which of a story's names can light up by themselves.
 */
export function identifiesStory(entity: Pick<Entity, 'kind' | 'identifiesStory'>): boolean {
  return entity.identifiesStory ?? IDENTIFIES_STORY_BY_KIND[entity.kind];
}

/** A story's entities split by their part in it: its own actors, and its common names. */
export function storyRoles<E extends Pick<Entity, 'kind' | 'identifiesStory'>>(
  entities: readonly E[],
): { actors: E[]; commonNames: E[] } {
  const actors: E[] = [];
  const commonNames: E[] = [];
  for (const entity of entities) (identifiesStory(entity) ? actors : commonNames).push(entity);
  return { actors, commonNames };
}
