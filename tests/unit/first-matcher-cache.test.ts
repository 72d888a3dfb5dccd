import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileMatcher } from '../../engine/matcher/matcher';
import type { PageEntity } from '../../engine/packs/lens-entities';
import { firstMatcherCache } from '../../platform/storage/first-matcher-cache';
import { startFirstReads } from '../../platform/storage/first-reads';
import { MATCHER_CACHE_KEY } from '../../platform/storage/storage-keys';
import { BUNDLED_ENTITIES } from '../bundled-stories';

const KEY = 'china-tech-reset@2.0.0,huawei-spying-claims-2013@1.0.0|city,firm';
const entities: PageEntity[] = BUNDLED_ENTITIES.map(({ id, kind, name, stories, identifies }) => ({
  id,
  kind,
  name,
  stories,
  identifies,
}));
const compiled = { matcher: compileMatcher(BUNDLED_ENTITIES), entities };
const { key: FIRST_MATCHER } = MATCHER_CACHE_KEY;
const TEXT = 'Alibaba, founded in Hangzhou by Jack Ma, met regulators in Beijing. Ma said little.';

/** What is kept in storage once a page remembered the bundled stories' names. */
async function kept(): Promise<Record<string, unknown>> {
  firstMatcherCache(startFirstReads()).remember(KEY, compiled);
  await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(FIRST_MATCHER)).not.toEqual({}));
  return (await fakeBrowser.storage.local.get(FIRST_MATCHER))[FIRST_MATCHER] as Record<string, unknown>;
}

beforeEach(() => {
  fakeBrowser.reset();
  // Kept in the page's idle time, which a test has at once.
  vi.stubGlobal('requestIdleCallback', (keep: () => void) => setTimeout(keep, 0));
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Context Lens',
    version: '1.4.0',
  });
});

describe('the first highlights’ compiled names', () => {
  it('are restored by the next page for the same stories and kinds, finding what the compiled names find', async () => {
    await kept();
    const restored = (await firstMatcherCache(startFirstReads()).take(KEY))?.restore();
    expect(restored?.entities).toEqual(entities);
    expect(restored?.matcher.findMentions(TEXT)).toEqual(compiled.matcher.findMentions(TEXT));
    expect(restored?.matcher.findMentions(TEXT).mentions.map((m) => m.text)).toEqual([
      'Alibaba',
      'Hangzhou',
      'Jack Ma',
      'Beijing',
      'Ma',
    ]);
  });

  it('are not restored for other stories, other kinds, another version of the extension, or with none kept', async () => {
    expect(await firstMatcherCache(startFirstReads()).take(KEY)).toBeNull();
    const stored = await kept();
    expect(await firstMatcherCache(startFirstReads()).take(KEY.replace('2.0.0', '2.1.0'))).toBeNull();
    expect(await firstMatcherCache(startFirstReads()).take(`${KEY},person`)).toBeNull();
    await fakeBrowser.storage.local.set({ [FIRST_MATCHER]: { ...stored, key: `1.3.0|${KEY}` } });
    expect(await firstMatcherCache(startFirstReads()).take(KEY)).toBeNull();
  });

  it('read at start once: a later take reads what is kept now', async () => {
    const cache = firstMatcherCache(startFirstReads());
    expect(await cache.take(KEY)).toBeNull();
    await kept();
    expect(await cache.take(KEY)).not.toBeNull();
  });

  it('when damaged, restore nothing and say what is wrong, so the page compiles anew', async () => {
    const stored = await kept();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const arrays = stored.arrays as Record<string, number[]>;
    const damaged = [
      { ...stored, arrays: { ...arrays, fail: 'AAAA' } },
      { ...stored, arrays: { ...arrays, edgeStart: arrays.edgeStart?.slice(0, 4) } },
      { ...stored, arrays: { ...arrays, fail: arrays.fail?.map(() => 1) } },
      { ...stored, entities: [{ id: 'alibaba' }] },
      { ...stored, classCount: 'many' },
    ];
    const said: string[] = [];
    for (const record of damaged) {
      await fakeBrowser.storage.local.set({ [FIRST_MATCHER]: record });
      warn.mockClear();
      expect((await firstMatcherCache(startFirstReads()).take(KEY))?.restore()).toBeNull();
      said.push(String(warn.mock.calls[0]?.[1]));
    }
    expect(said).toEqual([
      'The compiled names are damaged: fail.',
      'The compiled names are damaged: edgeStart.',
      'The compiled names are damaged: fail at 0.',
      'The compiled names are damaged: the entities.',
      'The compiled names are damaged: the class count.',
    ]);
    warn.mockRestore();
  });

  it('are not kept when larger than the cache may hold', async () => {
    const many = Array.from({ length: 6000 }, (_, i) => ({
      ...(BUNDLED_ENTITIES[0] as (typeof BUNDLED_ENTITIES)[number]),
      id: `firm-${i}`,
      names: [`Firm number ${i} of a very long list of names`],
      laterMentions: [],
      opensLaterMentions: [],
    }));
    const large = { matcher: compileMatcher(many), entities: [] };
    firstMatcherCache(startFirstReads()).remember(KEY, large);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await fakeBrowser.storage.local.get(FIRST_MATCHER)).toEqual({});
  });
});
