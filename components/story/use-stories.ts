import { useEffect, useMemo, useState } from 'preact/hooks';
import { BUNDLED_PACKS } from '../../data/bundled-packs';
import type { StoryPack } from '../../data/schema';
import { packIn } from '../../engine/packs/pack-language';
import { utf8Bytes } from '../../engine/packs/pack-registry';
import { type ShelfStory, storyShelf } from '../../engine/packs/story-shelf';
import { logFailure } from '../../platform/log-failure';
import { addedPacks, readAddedPack, watchPacks } from '../../platform/storage/pack-store';
import { useWords } from '../use-words';

/** A story on the reader's shelf, with its pack; null when an added pack can no longer be read. */
export interface LoadedStory extends ShelfStory {
  /** The pack in the reader's language, as far as it is translated. */
  pack: StoryPack | null;
  /** What the pack takes in storage (or in the extension, for a bundled one). */
  bytes: number;
}

/**
 * Every story the reader has, loaded, in its turn and in the reader's
 * language, kept current as packs are added or removed.
 */
export function useStories(): LoadedStory[] | null {
  const { locale } = useWords();
  const [stories, setStories] = useState<LoadedStory[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      logFailure(
        loadStories().then((loaded) => live && setStories(loaded)),
        'read its stories',
      );
    };
    load();
    const stop = watchPacks(load);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return useMemo(
    () =>
      stories?.map((story) => (story.pack === null ? story : { ...story, pack: packIn(story.pack, locale) })) ?? null,
    [stories, locale],
  );
}

async function loadStories(): Promise<LoadedStory[]> {
  const { packs: added, warnings } = await addedPacks();
  for (const warning of warnings) console.warn('Context Lens:', warning);
  const shelf = storyShelf(BUNDLED_PACKS, added);
  return Promise.all(
    shelf.map(async (story) => {
      // A bundled story is read from the extension only: no stored copy under its id stands in for it.
      const pack = story.bundled
        ? (BUNDLED_PACKS.find((bundled) => bundled.id === story.id) ?? null)
        : await readAddedPack(story.id).catch(() => null);
      return { ...story, pack, bytes: story.added?.bytes ?? (pack === null ? 0 : utf8Bytes(JSON.stringify(pack))) };
    }),
  );
}
