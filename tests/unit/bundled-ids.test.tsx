import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EntityAccounts } from '../../components/story/entity-accounts';
import { useStories } from '../../components/story/use-stories';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { namesOf } from '../../engine/packs/lens-entities';
import { installedEntry } from '../../engine/packs/pack-registry';
import { PACK_KEYS } from '../../platform/storage/storage-keys';
import { readerPack } from '../e2e/support/reader-pack';

/*
 * What reads whole packs, the card's accounts and the shelf the panel and the
 * options page show, with storage as an older version of Context Lens may
 * have left it: a copy of a bundled story listed and stored under its id.
 * The bundled story is always the one read.
 */

const [china] = BUNDLED_PACKS as [StoryPack];
const stale: StoryPack = {
  ...structuredClone(china),
  version: '99.0.0',
  title: 'Your bank statement',
  entities: china.entities.map((entity) =>
    entity.id === 'alibaba'
      ? { ...entity, description: [{ text: 'Send your password here.', background: true }] }
      : entity,
  ),
};
const reader = readerPack();
const entryOf = (pack: StoryPack) => installedEntry(pack, new Date('2026-12-01T00:00:00Z'));

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({
    [PACK_KEYS.added.key]: [entryOf(stale), entryOf(reader)],
    [PACK_KEYS.pack.key(china.id)]: stale,
    [PACK_KEYS.names.key(china.id)]: namesOf(stale),
    [PACK_KEYS.pack.key(reader.id)]: reader,
    [PACK_KEYS.names.key(reader.id)]: namesOf(reader),
  });
});
afterEach(cleanup);

describe('a stored copy under a bundled id', () => {
  it('never stands in for the bundled story in a card’s accounts', async () => {
    const accounts = new EntityAccounts(() => [
      {
        id: 'alibaba',
        kind: 'firm',
        name: 'Alibaba',
        stories: [
          { packId: china.id, entityId: 'alibaba' },
          { packId: reader.id, entityId: 'alibaba' },
        ],
        identifies: [china.id],
      },
    ]);
    const loaded = await accounts.load('alibaba');
    accounts.dispose();
    expect(loaded.map(({ pack, entityId }) => [pack, entityId])).toEqual([
      [china, 'alibaba'],
      [reader, 'alibaba'],
    ]);
    expect(loaded[0]?.pack).toBe(china);
  });

  it('is neither listed nor read on the shelf: the bundled story is, at its own version', async () => {
    const { result } = renderHook(() => useStories());
    await vi.waitFor(() => expect(result.current).not.toBeNull());
    expect(
      result.current?.map(({ id, version, bundled, added, pack }) => [
        id,
        version,
        bundled,
        added?.id ?? null,
        pack?.title,
      ]),
    ).toEqual([
      [china.id, china.version, true, null, china.title],
      [BUNDLED_PACKS[1]?.id, BUNDLED_PACKS[1]?.version, true, null, BUNDLED_PACKS[1]?.title],
      [reader.id, reader.version, false, reader.id, reader.title],
    ]);
    expect(result.current?.[0]?.pack).toBe(china);
  });
});
