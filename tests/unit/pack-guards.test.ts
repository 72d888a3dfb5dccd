import { describe, expect, it } from 'vitest';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { isPageEntity, namesOf, storedPackNames } from '../../engine/packs/lens-entities';
import { installedEntry, isInstalledPack } from '../../engine/packs/pack-registry';
import { isBundledEntry } from '../../engine/packs/story-shelf';

const [china] = BUNDLED_PACKS as [StoryPack];
// biome-ignore lint/suspicious/noExplicitAny: the tests below damage stored records on purpose.
type Loose = Record<string, any>;
const names = () => structuredClone(namesOf(china)) as unknown as Loose;

/*
 * The guards of what storage holds, written beside the types they guard:
 * the pack store and the compiled names' cache keep no checks of their own.
 */
describe('the guards of stored records', () => {
  it('take a pack’s stored names as namesOf wrote them, and refuse any damage to one entity', () => {
    expect(storedPackNames(namesOf(china), china.id)).toEqual(namesOf(china));
    expect(storedPackNames(namesOf(china), 'another-story')).toBeNull();
    expect(storedPackNames(null, china.id)).toBeNull();
    expect(storedPackNames({ packId: china.id, entities: {} }, china.id)).toBeNull();
    const damage: ((entity: Loose) => void)[] = [
      (entity) => delete entity.id,
      (entity) => (entity.kind = 3),
      (entity) => (entity.name = null),
      (entity) => (entity.names = 'Alibaba'),
      (entity) => (entity.laterMentions = [1]),
      (entity) => delete entity.notAfter,
    ];
    for (const breakIt of damage) {
      const stored = names();
      breakIt(stored.entities[3]);
      expect(storedPackNames(stored, china.id)).toBeNull();
    }
    const unknownKind = names();
    unknownKind.entities[3].kind = 'planet';
    expect(storedPackNames(unknownKind, china.id)).not.toBeNull();
  });

  it('take an entry of the added packs with every field the options page lists, and no other', () => {
    const entry = installedEntry(china, new Date('2026-12-01T00:00:00Z'));
    expect(isInstalledPack(entry)).toBe(true);
    expect(isInstalledPack({ ...entry, extra: 1 })).toBe(true);
    for (const field of Object.keys(entry)) {
      expect(isInstalledPack({ ...entry, [field]: undefined }), field).toBe(false);
    }
    expect(isInstalledPack({ ...entry, source: 'Reuters' })).toBe(false);
    expect(isInstalledPack([entry])).toBe(false);
  });

  it('take a bundled entry with its id and version', () => {
    expect(isBundledEntry({ id: china.id, version: china.version })).toBe(true);
    expect(isBundledEntry({ id: china.id })).toBe(false);
    expect(isBundledEntry({ id: china.id, version: 2 })).toBe(false);
  });

  it('take a kept entity told by one story at least, its kind left to the tables', () => {
    const kept = {
      id: 'alibaba',
      kind: 'firm',
      name: 'Alibaba',
      stories: [{ packId: china.id, entityId: 'alibaba' }],
      identifies: [china.id],
    };
    expect(isPageEntity(kept)).toBe(true);
    expect(isPageEntity({ ...kept, identifies: undefined })).toBe(false);
    expect(isPageEntity({ ...kept, kind: undefined })).toBe(true);
    expect(isPageEntity({ ...kept, stories: [] })).toBe(false);
    expect(isPageEntity({ ...kept, stories: [{ packId: china.id }] })).toBe(false);
    expect(isPageEntity({ ...kept, name: undefined })).toBe(false);
  });
});
