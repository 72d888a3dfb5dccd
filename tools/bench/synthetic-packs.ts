import type { Entity, StoryPack } from '../../data/schema';
import { syntheticEntities } from './synthetic-names';

/**
 * `packs` made-up story packs of `perPack` entities each, valid and
 * deterministic: each entity has three names ("Zhangqi Lanbo", "Zhangqi
 * Lanbo Group", "Lanbo Zhangqi") and a later form ("Lanbo") after its full
 * name, so 50 packs of 100 hold about 20,000 names.
 */
export function syntheticPacks(packs: number, perPack: number): StoryPack[] {
  const all = syntheticEntities(packs * perPack);
  return Array.from({ length: packs }, (_, p) => {
    const entities: Entity[] = all.slice(p * perPack, (p + 1) * perPack).map((synthetic) => {
      const name = synthetic.names[0] as string;
      const [given, family] = name.split(' ') as [string, string];
      return {
        id: synthetic.id,
        kind: 'firm',
        name,
        description: [{ text: `A made-up firm for the benchmark, number ${synthetic.id}.`, paragraph: 'P1' }],
        names: [name, `${name} Group`, `${family} ${given}`],
        laterMentions: [family],
        opensLaterMentions: [name],
        notNames: [],
        notAfter: [],
      };
    });
    return {
      schemaVersion: 2,
      id: `synthetic-story-${p}`,
      version: '1',
      title: `Synthetic story ${p}`,
      language: 'en',
      author: 'Context Lens benchmark',
      licence: 'CC0',
      source: {
        title: 'A made-up source',
        publisher: 'Context Lens benchmark',
        date: '2026',
        summary: [{ text: 'Made-up firms, for measuring.', paragraph: 'P1' }],
        paragraphs: [{ id: 'P1', label: '¶1', position: 1 }],
      },
      phases: [
        {
          id: 'all',
          label: 'All',
          order: 1,
          period: 'Always',
          colour: '#64748b',
          description: { text: 'Everything.', paragraph: 'P1' },
        },
      ],
      relationTypes: [],
      keyFigures: [],
      entities,
      facts: entities.map((entity) => ({
        id: `fact-${entity.id}`,
        phase: 'all',
        text: `${entity.name} exists only in this benchmark.`,
        entities: [entity.id],
        paragraph: 'P1',
      })),
      relations: [],
      arc: [{ phase: 'all', facts: entities.slice(0, 3).map((entity) => `fact-${entity.id}`) }],
    } satisfies StoryPack;
  });
}
