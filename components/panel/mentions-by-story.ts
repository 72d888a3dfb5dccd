import type { Entity, StoryPack } from '../../data/schema';
import type { MentionCounts } from '../../engine/messages';
import { ownValue } from '../../engine/own-keys';
import type { StorySet } from '../../engine/packs/story-set';

/** One of a story's entities as the page counts it, under its page id (its lensId). */
export interface EntityMentions {
  entity: Entity;
  lensId: string;
  count: number;
}

/**
 * A story's entities that `counts` counts, most counted first (in the pack's
 * order among equals). The counts are by lensId, the merged page id, so an
 * entity two stories tell of is found under each.
 */
function storyEntitiesIn(pack: StoryPack, set: StorySet, counts: MentionCounts): EntityMentions[] {
  return pack.entities
    .flatMap((entity) => {
      const lensId = set.lensIdOf(pack.id, entity.id);
      const count = lensId === undefined ? 0 : (ownValue(counts, lensId) ?? 0);
      return count > 0 && lensId !== undefined ? [{ entity, lensId, count }] : [];
    })
    .sort((a, b) => b.count - a.count);
}

/** The story's entities marked on the page. */
export function markedOf(pack: StoryPack, set: StorySet, counts: MentionCounts): EntityMentions[] {
  return storyEntitiesIn(pack, set, counts);
}

/**
 * The story's common names the page showed and left unmarked: those that
 * marking the story's common names would mark. Only common names are ever
 * left unmarked, since an actor of any story is marked wherever it is shown.
 */
export function unmarkedOf(pack: StoryPack, set: StorySet, unmarked: MentionCounts): EntityMentions[] {
  return storyEntitiesIn(pack, set, unmarked);
}
