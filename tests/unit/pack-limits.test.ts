import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { Entity, StoryPack } from '../../data/schema';
import {
  MAX_COMPILED_NAMES_BYTES,
  MAX_PACK_BYTES,
  MAX_READER_PACKS,
  MAX_TOTAL_BYTES,
} from '../../engine/packs/pack-limits';
import { judgeAddition, utf8Bytes } from '../../engine/packs/pack-registry';
import { applyPatch } from '../../engine/settings/settings';
import { addedPacks, storeAddedPack, storeBundledNames } from '../../platform/storage/pack-store';
import { saveSettings } from '../../platform/storage/settings-store';
import { MATCHER_CACHE_KEY } from '../../platform/storage/storage-keys';
import { readerPack } from '../e2e/support/reader-pack';

/** storage.local's quota in Chrome without unlimitedStorage (chrome.storage.local.QUOTA_BYTES), as the limits' comment states it. */
const QUOTA_BYTES = 10 * 1024 * 1024;

/** What Chrome counts against the quota: every key, and every value as JSON, in UTF-8. */
async function localBytes(): Promise<number> {
  const all = await fakeBrowser.storage.local.get(null);
  return Object.entries(all).reduce((sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(JSON.stringify(value)), 0);
}

/** A name as long as a pack may have one (200 characters), unique by `tag`. */
const longName = (tag: string) => `${tag} ${'x'.repeat(199 - tag.length)}`;

/** An entity that is names and little else: the pack's bytes are stored a second time in its names record. */
function namesEntity(id: string): Entity {
  const names = Array.from({ length: 100 }, (_, i) => longName(`${id} ${i}`));
  return {
    id,
    kind: 'firm',
    name: names[0] as string,
    description: [{ text: 'Named at length.', paragraph: 'P1' }],
    names,
    laterMentions: [],
    opensLaterMentions: [],
    notNames: [],
    notAfter: [],
  };
}

/** A valid pack of names alone, of at most `bytes` (and at most a pack's limit). */
function namesPack(id: string, bytes: number): string {
  const fact = { id: 'named', phase: 'spin-off', text: 'Each was named.', entities: [] as string[], paragraph: 'P1' };
  const base = readerPack({ id, facts: [fact], relations: [], arc: [{ phase: 'spin-off', facts: ['named'] }] });
  // Each entity takes its own bytes and its id in the fact.
  const entitySize = utf8Bytes(JSON.stringify(namesEntity('e000'))) + utf8Bytes('"e000",') + 1;
  const room = Math.min(bytes, MAX_PACK_BYTES) - utf8Bytes(JSON.stringify({ ...base, entities: [] }));
  const ids = Array.from({ length: Math.floor(room / entitySize) }, (_, i) => `e${String(i).padStart(3, '0')}`);
  return JSON.stringify({ ...base, facts: [{ ...fact, entities: ids }], entities: ids.map(namesEntity) });
}

/** A small pack whose every listed text is as long as a pack allows, in three-byte characters: the largest index entry. */
function longTitledPack(n: number): string {
  const pack: StoryPack = readerPack({ id: `${'p'.repeat(60)}${n}`.slice(0, 64), title: '报'.repeat(200) });
  return JSON.stringify({
    ...pack,
    version: '999999.999999.999999',
    source: { ...pack.source, title: '报'.repeat(500), publisher: '社'.repeat(200) },
  });
}

/** The longest site rule the settings keep (260 characters), unique by `n`. */
const longSite = (n: number) =>
  `${String(n).padStart(63, 'a')}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}:65535`;

async function add(text: string): Promise<void> {
  const { packs } = await addedPacks();
  const addition = judgeAddition(text, packs, BUNDLED_PACKS, new Date());
  if (addition.outcome !== 'new') throw new Error(`not added: ${JSON.stringify(addition).slice(0, 300)}`);
  await storeAddedPack(addition.pack, addition.entry);
}

beforeEach(() => fakeBrowser.reset());

describe('the limits on a reader’s packs', () => {
  it('keep everything storage.local may hold within its quota, at the worst the limits allow', async () => {
    await storeBundledNames(BUNDLED_PACKS);
    // Settings fall back to storage.local when sync refuses them: as many rules as are kept, each as long as one may be.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sites = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [longSite(i), false]));
    expect(longSite(0)).toHaveLength(260);
    await saveSettings(applyPatch({}, sites));

    // As many packs as may be added: small ones with the longest titles, and the room left in packs of names alone.
    const large = Math.ceil(MAX_TOTAL_BYTES / MAX_PACK_BYTES);
    for (let n = 0; n < MAX_READER_PACKS - large; n++) await add(longTitledPack(n));
    for (let n = 0; n < large; n++) {
      const used = (await addedPacks()).packs.reduce((sum, entry) => sum + entry.bytes, 0);
      await add(namesPack(`names-${n}`, MAX_TOTAL_BYTES - used));
    }
    const { packs } = await addedPacks();
    expect(packs).toHaveLength(MAX_READER_PACKS);
    // At the limits: the room left is less than one more entity of names.
    expect(MAX_TOTAL_BYTES - packs.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThan(25_000);

    // The compiled names are capped in characters of JSON, which take at most three bytes each in UTF-8.
    const compiledNames = utf8Bytes(MATCHER_CACHE_KEY.key) + 3 * MAX_COMPILED_NAMES_BYTES;
    expect((await localBytes()) + compiledNames).toBeLessThanOrEqual(QUOTA_BYTES);
  }, 60_000);
});
