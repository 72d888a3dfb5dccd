import { describe, expect, it } from 'vitest';
import { AUTHORED_PACKS, BUNDLED_PACKS } from '../../data/bundled-packs';
import { MAX_PACK_BYTES, MAX_READER_PACKS, MAX_TOTAL_BYTES } from '../../engine/packs/pack-limits';
import {
  compareVersions,
  type InstalledPack,
  judgeAddition,
  ownCopyId,
  utf8Bytes,
} from '../../engine/packs/pack-registry';
import { storyShelf } from '../../engine/packs/story-shelf';

const NOW = new Date('2026-12-01T12:00:00Z');
// biome-ignore lint/suspicious/noExplicitAny: the tests change packs in ways their type forbids.
const packLike = (changes: Record<string, any> = {}) => ({
  ...structuredClone(AUTHORED_PACKS[1]),
  id: 'reader-story',
  title: 'A reader’s story',
  version: '1.0.0',
  ...changes,
});
const text = (changes = {}) => JSON.stringify(packLike(changes));
const installed = (id: string, version = '1.0.0', bytes = 40_000): InstalledPack => ({
  id,
  version,
  title: id,
  source: { title: 'A source', publisher: 'A publisher', date: '2026' },
  entityCount: 3,
  bytes,
  added: NOW.toISOString(),
});

describe('compareVersions', () => {
  it.each([
    ['1', '1.0.0', 0],
    ['1.10', '1.9', 1],
    ['2', '10', -1],
    ['1.2.3', '1.2', 1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('judgeAddition', () => {
  it('adds a new pack, with what the options page lists of it', () => {
    const addition = judgeAddition(text(), [], BUNDLED_PACKS, NOW);
    expect(addition).toMatchObject({
      outcome: 'new',
      entry: {
        id: 'reader-story',
        version: '1.0.0',
        title: 'A reader’s story',
        source: { publisher: 'Reuters', date: '2013-07-19' },
        entityCount: AUTHORED_PACKS[1]?.entities.length,
        added: '2026-12-01T12:00:00.000Z',
      },
    });
  });

  it('offers to update an older copy, reports the same version, and refuses to go back', () => {
    const have = [installed('reader-story', '1.0.0')];
    expect(judgeAddition(text({ version: '1.1' }), have, BUNDLED_PACKS, NOW)).toMatchObject({
      outcome: 'update',
      installedVersion: '1.0.0',
      installedTitle: 'reader-story',
      entry: { version: '1.1', title: 'A reader’s story' },
    });
    expect(judgeAddition(text({ version: '1' }), have, [], NOW)).toEqual({
      outcome: 'same-version',
      id: 'reader-story',
      version: '1',
    });
    expect(judgeAddition(text({ version: '0.9' }), have, [], NOW)).toMatchObject({
      outcome: 'older',
      installedVersion: '1.0.0',
    });
  });

  it.each([
    ['a higher', '99.0.0'],
    ['the same', BUNDLED_PACKS[0]?.version],
    ['a lower', '0.0.1'],
  ])('refuses a file with a bundled story’s id at %s version, naming the bundled story', (_, version) => {
    const china = BUNDLED_PACKS[0];
    const impostor = JSON.stringify({ ...AUTHORED_PACKS[0], version, title: 'Your bank statement' });
    const addition = judgeAddition(impostor, [], BUNDLED_PACKS, NOW);
    expect(addition).toEqual({ outcome: 'bundled-id', bundled: china });
    // Not even a copy an older version of Context Lens stored under that id lets a file through as its update.
    const stale = [installed('china-tech-reset', '9.0.0')];
    expect(judgeAddition(impostor, stale, BUNDLED_PACKS, NOW)).toEqual({ outcome: 'bundled-id', bundled: china });
  });

  it('refuses a file over the size limit, stating the limit, before reading it', () => {
    const big = `{"padding": "${'x'.repeat(MAX_PACK_BYTES)}"}`;
    expect(judgeAddition(big, [], [], NOW)).toEqual({
      outcome: 'over-limit',
      notice: { code: 'packTooLarge', bytes: utf8Bytes(big), limit: MAX_PACK_BYTES },
    });
  });

  it('refuses a pack that fails the check, with each problem and its place', () => {
    const addition = judgeAddition(text({ licence: '', entities: [] }), [], [], NOW);
    expect(addition).toEqual({
      outcome: 'refused',
      problems: expect.arrayContaining([
        { path: '$.licence', notice: { code: 'textLength', max: 200 } },
        { path: '$.entities', notice: { code: 'tooFewItems', min: 1 } },
      ]),
    });
  });

  it('refuses a pack beyond the number of packs or the total size kept, saying what to do', () => {
    const full = Array.from({ length: MAX_READER_PACKS }, (_, i) => installed(`story-${i}`));
    expect(judgeAddition(text(), full, [], NOW)).toEqual({
      outcome: 'over-limit',
      notice: { code: 'packsFull', count: MAX_READER_PACKS },
    });
    const heavy = [installed('heavy', '1', MAX_TOTAL_BYTES - 1000)];
    expect(judgeAddition(text(), heavy, [], NOW)).toEqual({
      outcome: 'over-limit',
      notice: { code: 'packsTooLarge', bytes: expect.any(Number), limit: MAX_TOTAL_BYTES },
    });
    // An update replaces the copy it updates, so it needs no room beside it.
    expect(judgeAddition(text({ version: '2' }), [...full.slice(1), installed('reader-story')], [], NOW).outcome).toBe(
      'update',
    );
  });
});

describe('storyShelf', () => {
  it('puts the bundled stories first, then the added ones in order', () => {
    const shelf = storyShelf(BUNDLED_PACKS, [installed('mine'), installed('more')]);
    expect(shelf.map((s) => [s.id, s.version, s.bundled, s.added?.id ?? null, s.turn])).toEqual([
      ['china-tech-reset', BUNDLED_PACKS[0]?.version, true, null, 0],
      ['huawei-spying-claims-2013', BUNDLED_PACKS[1]?.version, true, null, 1],
      ['mine', '1.0.0', false, 'mine', 2],
      ['more', '1.0.0', false, 'more', 3],
    ]);
  });

  it('neither lists nor uses an added entry with a bundled id, as an older version may have left one', () => {
    const stale = installed('china-tech-reset', '9');
    const shelf = storyShelf(BUNDLED_PACKS, [installed('mine'), stale, installed('more')]);
    expect(shelf).toEqual(storyShelf(BUNDLED_PACKS, [installed('mine'), installed('more')]));
    expect(shelf[0]).toMatchObject({ id: stale.id, version: BUNDLED_PACKS[0]?.version, bundled: true, added: null });
  });
});

describe('ownCopyId', () => {
  it('gives a copy stored under a bundled id the first free id of its own, within an id’s 64 chars', () => {
    expect(ownCopyId('china-tech-reset', new Set(['china-tech-reset']))).toBe('china-tech-reset-copy');
    expect(ownCopyId('story', new Set(['story', 'story-copy', 'story-copy-2']))).toBe('story-copy-3');
    const long = 'a'.repeat(64);
    expect(ownCopyId(long, new Set([long]))).toBe(`${'a'.repeat(59)}-copy`);
  });
});
