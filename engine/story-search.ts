import Fuse from 'fuse.js';
import type { LensEntity } from './packs/lens-entities';
import type { StorySet } from './packs/story-set';

interface SearchDoc {
  id: string;
  names: string[];
  description: string;
  facts: string[];
}

export interface StorySearch {
  /** Entities best matching `query`, best first; empty for an empty query. */
  find(query: string, limit?: number): LensEntity[];
}

/**
 * Fuzzy search over the entities of every story switched on. Names weigh
 * most, then the descriptions, then the facts, each from every story that
 * tells of the entity. `ignoreLocation` because Fuse otherwise penalises
 * matches far from a field's start, which buries facts and aliases.
 */
export function createStorySearch(set: StorySet): StorySearch {
  const docs: SearchDoc[] = set.entities.map((entity) => {
    const accounts = set.accountsOf(entity.id);
    const told = accounts.map(({ pack, entityId }) => ({
      entity: pack.entities.find((e) => e.id === entityId),
      facts: pack.facts.filter((fact) => fact.entities.includes(entityId)),
    }));
    return {
      id: entity.id,
      names: [...entity.names, ...entity.laterMentions],
      description: told.flatMap((t) => t.entity?.description.map((s) => s.text) ?? []).join(' '),
      facts: told.flatMap((t) => t.facts.map((fact) => fact.text)),
    };
  });
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'names', weight: 4 },
      { name: 'description', weight: 1 },
      { name: 'facts', weight: 0.5 },
    ],
    ignoreLocation: true,
    threshold: 0.34,
    includeScore: true,
  });
  return {
    find(query, limit = 10) {
      const q = query.trim();
      if (q === '') return [];
      return fuse
        .search(q, { limit })
        .map((result) => set.entity(result.item.id))
        .filter((entity): entity is LensEntity => entity !== undefined);
    },
  };
}
