import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import type { PageEntity } from '../../engine/packs/lens-entities';
import type { Account } from '../../engine/packs/story-set';
import { readAddedPack, watchPacks } from '../../platform/storage/pack-store';

/**
 * What each story says of the entities a page highlights. The packs load
 * from the extension (bundled) or the pack store (added) the first time a
 * card needs them, and are kept until packs change.
 */
export class EntityAccounts {
  private readonly packs = new Map<string, Promise<StoryPack | null>>();
  private readonly ready = new Map<string, Account[]>();
  readonly dispose: () => void;

  constructor(private readonly entities: () => readonly PageEntity[]) {
    this.dispose = watchPacks(() => {
      this.packs.clear();
      this.ready.clear();
    });
  }

  entity(lensId: string): PageEntity | undefined {
    return this.entities().find((entity) => entity.id === lensId);
  }

  /** The page's id for a story's entity, when the page highlights it. */
  lensIdOf(packId: string, entityId: string): string | undefined {
    return this.entities().find((e) => e.stories.some((s) => s.packId === packId && s.entityId === entityId))?.id;
  }

  /** The accounts already loaded, for a render that cannot wait. */
  loaded(lensId: string): Account[] | undefined {
    return this.ready.get(lensId);
  }

  /** Loads every story's account of an entity, first story first; a story that cannot be read is left out. */
  async load(lensId: string): Promise<Account[]> {
    const known = this.ready.get(lensId);
    if (known !== undefined) return known;
    const stories = this.entity(lensId)?.stories ?? [];
    const packs = await Promise.all(stories.map((story) => this.pack(story.packId)));
    const accounts = stories.flatMap((story, i) => {
      const pack = packs[i];
      return pack == null ? [] : [{ pack, entityId: story.entityId }];
    });
    this.ready.set(lensId, accounts);
    return accounts;
  }

  private pack(id: string): Promise<StoryPack | null> {
    let pack = this.packs.get(id);
    if (pack === undefined) {
      // The bundled pack first: a stored copy under a bundled id (left by an older version) never stands in for it.
      const bundled = BUNDLED_PACKS.find((p) => p.id === id);
      pack = bundled === undefined ? readAddedPack(id).catch(() => null) : Promise.resolve(bundled);
      this.packs.set(id, pack);
    }
    return pack;
  }
}
