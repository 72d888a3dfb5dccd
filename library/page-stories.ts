import { type Settings, storyColour, storyEnabled } from '../engine/settings';
import type { LensNames, PackNames } from '../engine/story-library';
import { type BundledEntry, type ShelfStory, storyShelf } from '../engine/story-shelf';
import { sendToBackground } from '../messaging/send-message';
import { addedPacks, bundledEntries, readPackNames } from './pack-store';

/**
 * The names of the stories the settings switch on, read from the
 * pack store. The first page after an install may come before the
 * background has stored the bundled stories' names: it asks for them once.
 */
export async function lensNames(settings: Settings): Promise<LensNames> {
  let bundled = await bundledEntries();
  if (bundled.length === 0) {
    await sendToBackground({ type: 'seed-packs' });
    bundled = await bundledEntries();
  }
  return namesFor(settings, bundled);
}

async function namesFor(settings: Settings, bundled: readonly BundledEntry[]): Promise<LensNames> {
  const { packs: added } = await addedPacks();
  const enabled = storyShelf(bundled, added).filter((story) => storyEnabled(settings, story.id));
  const isShipped = (story: ShelfStory) => story.bundled && story.added === null;
  const shipped = await namesOfStories(enabled.filter(isShipped));
  return {
    stories: enabled.map((story) => ({ id: story.id, tint: storyColour(settings, story.id, story.turn) })),
    key: enabled.map((story) => `${story.id}@${story.version}`).join(','),
    shipped,
    async readAll() {
      const own = await namesOfStories(enabled.filter((story) => !isShipped(story)));
      const byId = new Map([...shipped, ...own].map((names) => [names.packId, names]));
      return enabled.flatMap((story) => byId.get(story.id) ?? []);
    },
  };
}

/** The stories' names; a story whose names cannot be read is left out, and said so. */
async function namesOfStories(stories: readonly ShelfStory[]): Promise<PackNames[]> {
  if (stories.length === 0) return [];
  const { names, missing } = await readPackNames(stories.map((story) => story.id));
  for (const id of missing) console.warn(`Context Lens could not read the names of the story "${id}"; it is left out.`);
  return names;
}
