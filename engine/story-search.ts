import Fuse from 'fuse.js';
import type { Entity, StoryPack } from '../data/schema';

interface SearchDoc {
  id: string;
  names: string[];
  description: string;
  facts: string[];
}

export interface StorySearch {
  /** Entities best matching `query`, best first; empty for an empty query. */
  find(query: string, limit?: number): Entity[];
}

/**
 * Fuzzy search over a pack's entities. Names weigh most, then the one-line
 * description, then the facts. `ignoreLocation` because Fuse otherwise
 * penalises matches far from a field's start, which buries facts and aliases.
 */
export function createStorySearch(pack: StoryPack): StorySearch {
  const docs: SearchDoc[] = pack.entities.map((entity) => ({
    id: entity.id,
    names: [...entity.names, ...entity.laterMentions],
    description: entity.description.map((statement) => statement.text).join(' '),
    facts: pack.facts.filter((fact) => fact.entities.includes(entity.id)).map((fact) => fact.text),
  }));
  const byId = new Map(pack.entities.map((entity) => [entity.id, entity]));
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
        .map((result) => byId.get(result.item.id))
        .filter((entity): entity is Entity => entity !== undefined);
    },
  };
}
