import { describe, expect, it, vi } from 'vitest';
import { ENTITY_KINDS } from '../../data/schema';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { PageMention } from '../../page/highlight/mention-store';
import { StoryGate } from '../../page/highlight/story-gate';

const entity = (id: string, kind: PageEntity['kind'], stories: string[], identifies: string[]): PageEntity => ({
  id,
  kind,
  name: id,
  stories: stories.map((packId) => ({ packId, entityId: id })),
  identifies,
});

const ENTITIES = [
  entity('alibaba', 'firm', ['china'], ['china']),
  entity('hangzhou', 'city', ['china'], []),
  entity('beijing', 'city', ['china', 'huawei'], []),
  entity('huawei', 'firm', ['huawei'], ['huawei']),
];
const ALL_KINDS = new Set(ENTITY_KINDS);
const mention = (lensId: string) => ({ lensId }) as PageMention;

describe('StoryGate', () => {
  it('marks actors always, common names once their story is open, and names it does not know', () => {
    const gate = new StoryGate(ENTITIES, new Set(), { kinds: ALL_KINDS, everywhere: false });
    expect(['alibaba', 'hangzhou', 'beijing', 'huawei', 'unknown'].map((id) => gate.admits(id))).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(gate.openBy([mention('huawei')], () => true)).toBe(true);
    expect(['hangzhou', 'beijing'].map((id) => gate.admits(id))).toEqual([false, true]);
  });

  it('opens nothing for an actor that is not shown, and asks nothing once its stories are open', () => {
    const opened = new Set<string>();
    const gate = new StoryGate(ENTITIES, opened, { kinds: ALL_KINDS, everywhere: false });
    expect(gate.openBy([mention('alibaba')], () => false)).toBe(false);
    expect(opened).toEqual(new Set());
    const isShown = vi.fn(() => true);
    gate.openBy([mention('alibaba'), mention('alibaba'), mention('hangzhou')], isShown);
    expect(isShown).toHaveBeenCalledOnce();
    expect(opened).toEqual(new Set(['china']));
  });

  it('shares the open stories with the next read, and marks everything when asked to', () => {
    const opened = new Set(['china']);
    expect(new StoryGate(ENTITIES, opened, { kinds: ALL_KINDS, everywhere: false }).admits('hangzhou')).toBe(true);
    const everywhere = new StoryGate(ENTITIES, new Set(), { kinds: ALL_KINDS, everywhere: true });
    expect(everywhere.admits('hangzhou')).toBe(true);
  });

  it('never marks a kind switched off, though its actors open their stories and matter to the survey', () => {
    const gate = new StoryGate(ENTITIES, new Set(), { kinds: new Set(['city'] as const), everywhere: false });
    expect(gate.admits('alibaba')).toBe(false);
    expect(gate.matters('alibaba')).toBe(true);
    expect(gate.matters('hangzhou')).toBe(false);
    gate.openBy([mention('alibaba')], () => true);
    expect(gate.admits('hangzhou')).toBe(true);
    expect(gate.isCommonName('hangzhou')).toBe(true);
    expect(gate.isCommonName('alibaba')).toBe(false);
  });
});
