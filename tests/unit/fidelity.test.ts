import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import { ENOUGH_SUPPORT, type ShownStatement, shownStatements, support } from '../../engine/packs/source-check';
import { sourceParagraphs } from '../../tools/scripts/source-paragraphs';
import { CHINA_PACK } from '../bundled-stories';
import { PACK_SOURCES } from '../shared-paths';

describe.each(BUNDLED_PACKS.map((pack) => [pack.id, pack]))('%s: a card says what the article says', (_, pack) => {
  /** The article's paragraphs by the pack's ids, placed by their positions, as `pack:check --source` places them. */
  const article = sourceParagraphs(PACK_SOURCES[pack.id] as string);
  const PARAGRAPHS: Record<string, string> = Object.fromEntries(
    pack.source.paragraphs.map((p) => [p.id, article[(p.position ?? 0) - 1] ?? '']),
  );
  const all = shownStatements(pack);
  const cited = all
    .filter((s): s is ShownStatement & { paragraph: string } => s.paragraph !== undefined)
    .map((s): [string, ShownStatement & { paragraph: string }] => [s.path, s]);

  it('places every paragraph in the article', () => {
    expect(pack.source.paragraphs.every((p) => p.position !== undefined)).toBe(true);
    expect(Object.values(PARAGRAPHS).every((text) => text.length > 0)).toBe(true);
  });

  it.each(cited)('%s is supported by the paragraph it cites', (_, statement) => {
    const own = support(statement.text, PARAGRAPHS[statement.paragraph] as string);
    expect(own, statement.text).toBeGreaterThanOrEqual(ENOUGH_SUPPORT);
    // Strictly better than every other paragraph, so a citation moved anywhere else fails.
    for (const [id, text] of Object.entries(PARAGRAPHS)) {
      if (id !== statement.paragraph)
        expect(support(statement.text, text), `${statement.text} vs ${id}`).toBeLessThan(own);
    }
  });

  it('marks every sentence that cites nothing as background', () => {
    for (const s of all.filter((s) => s.paragraph === undefined)) {
      expect(JSON.stringify(pack)).toContain(JSON.stringify({ text: s.text, background: true }));
    }
  });
});

describe('the China tech story', () => {
  const pack = CHINA_PACK;
  it('has background sentences, each marked as such', () => {
    expect(shownStatements(pack).some((s) => s.paragraph === undefined)).toBe(true);
  });

  it('says Jack Ma founded Alibaba, as the article does, and never that he co-founded it or chaired it', () => {
    const all = JSON.stringify(pack).toLowerCase();
    for (const word of ['co-founder', 'chairman', 'zhejiang', 'hong kong', 'port city', 'live-stream', 'smartphone']) {
      expect(all).not.toContain(word);
    }
  });
});
