import { describe, expect, it } from 'vitest';
import { entityProfile } from '../../engine/entity-profile';
import { CHINA_PACK } from '../bundled-stories';

const profile = (id: string) => {
  const found = entityProfile(CHINA_PACK, id);
  if (found === null) throw new Error(`no profile for ${id}`);
  return found;
};

describe('entityProfile', () => {
  it.each(CHINA_PACK.entities.map((e) => e.id))('%s: every fact about it once, phases in story order', (id) => {
    const { phases, related } = profile(id);
    const order = phases.map((p) => p.phase.order);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(phases.every((p) => p.facts.length > 0)).toBe(true);
    const shown = phases.flatMap((p) => p.facts.map((f) => f.fact.id)).sort();
    const expected = CHINA_PACK.facts.filter((f) => f.entities.includes(id)).map((f) => f.id);
    expect(shown).toEqual(expected.sort());
    for (const p of phases) for (const f of p.facts) expect(f.paragraph.id).toBe(f.fact.paragraph);
    const relatedIds = related.map((r) => r.entity.id);
    expect(relatedIds).not.toContain(id);
    expect(new Set(relatedIds).size).toBe(relatedIds.length);
  });

  it('tells Alibaba’s crackdown before its reconciliation, citing paragraphs by label', () => {
    const { phases } = profile('alibaba');
    expect(phases.map((p) => p.phase.id)).toEqual(['crackdown', 'reconciliation', 'background']);
    expect(phases[0]?.facts[0]?.paragraph.label).toMatch(/^¶\d$/);
  });

  it('shows only the phases that apply', () => {
    expect(profile('tianjin').phases.map((p) => p.phase.id)).toEqual(['reconciliation']);
  });

  it('lists relations from either end in their own wording, before entities merely named alongside', () => {
    const related = profile('alibaba').related;
    expect(related.find((r) => r.entity.id === 'hangzhou')?.label).toBe('Based in');
    expect(related.find((r) => r.entity.id === 'jack-ma')?.label).toBe('Founded by');
    const firstNamedWith = related.findIndex((r) => r.label === 'Named with');
    if (firstNamedWith >= 0) expect(related.slice(firstNamedWith).every((r) => r.label === 'Named with')).toBe(true);
    expect(profile('jack-ma').related.find((r) => r.entity.id === 'alibaba')?.label).toBe('Founded');
  });

  it('says which of Beijing’s two roles each relation is about: the city’s party chief, the government’s crackdown', () => {
    const beijing = profile('beijing').related;
    expect(beijing.find((r) => r.entity.id === 'yin-li')?.label).toBe('Party chief · as the city');
    expect(beijing.find((r) => r.entity.id === 'alibaba')?.label).toBe(
      'Cracked down on · as China’s central government',
    );
    expect(profile('alibaba').related.find((r) => r.entity.id === 'beijing')?.label).toBe(
      'Cracked down on by · as China’s central government',
    );
  });

  it('links entities that share a fact even without a relation', () => {
    expect(profile('tianjin').related.map((r) => r.label)).toContain('Named with');
  });

  it('has nothing for an unknown entity', () => {
    expect(entityProfile(CHINA_PACK, 'no-such-entity')).toBeNull();
  });
});
