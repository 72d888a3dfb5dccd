import type { StoryPack } from '../../../data/schema';

/**
 * A small story pack as a reader would write one: it shares Alibaba with the
 * bundled China tech story (the same id) and adds Ant Group. Its sentences
 * are made up for the tests and cite a made-up source.
 */
export function readerPack(changes: Partial<StoryPack> = {}): StoryPack {
  return {
    $schema: 'https://example.test/story-pack.schema.json',
    schemaVersion: 2,
    id: 'ant-group-notes',
    version: '1.0.0',
    title: 'Notes on Ant Group',
    language: 'en',
    author: 'Context Lens tests',
    licence: 'CC0',
    source: {
      title: 'Test notes on a payments firm',
      publisher: 'Context Lens tests',
      date: '2026-11',
      summary: [{ text: 'A test story about a payments firm and its parent.', paragraph: 'P1' }],
      paragraphs: [
        { id: 'P1', label: '¶1', position: 1 },
        { id: 'P2', label: '¶2', position: 2 },
      ],
    },
    phases: [
      {
        id: 'spin-off',
        label: 'Spin-off',
        order: 1,
        period: 'Years ago',
        colour: '#7c3aed',
        description: { text: 'The payments arm became a firm of its own.', paragraph: 'P1' },
      },
    ],
    relationTypes: [{ id: 'spun-off', forward: 'Spun off', reverse: 'Spun off from' }],
    keyFigures: [],
    entities: [
      {
        id: 'alibaba',
        kind: 'firm',
        name: 'Alibaba',
        description: [{ text: 'The parent of the payments firm, in this test story.', paragraph: 'P1' }],
        names: ['Alibaba'],
        laterMentions: [],
        opensLaterMentions: [],
        notNames: [],
        notAfter: [],
      },
      {
        id: 'ant-group',
        kind: 'firm',
        name: 'Ant Group',
        description: [{ text: 'A payments firm, in this test story.', paragraph: 'P2' }],
        names: ['Ant Group', '蚂蚁集团'],
        laterMentions: [],
        opensLaterMentions: [],
        notNames: [],
        notAfter: [],
      },
    ],
    facts: [
      {
        id: 'spun-off',
        phase: 'spin-off',
        text: 'In this test story, Alibaba spun off Ant Group.',
        entities: ['alibaba', 'ant-group'],
        paragraph: 'P2',
      },
    ],
    relations: [{ from: 'alibaba', type: 'spun-off', to: 'ant-group', paragraph: 'P2' }],
    arc: [{ phase: 'spin-off', facts: ['spun-off'] }],
    ...changes,
  };
}
