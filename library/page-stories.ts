import { type Settings, storyColour, storyEnabled } from '../engine/settings';
import type { LensNames } from '../engine/story-library';
import { type BundledEntry, storyShelf } from '../engine/story-shelf';
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
  const { names, missing } = await readPackNames(enabled.map((story) => story.id));
  for (const id of missing) console.warn(`Context Lens could not read the names of the story "${id}"; it is left out.`);
  const found = new Set(names.map((n) => n.packId));
  const stories = enabled.filter((story) => found.has(story.id));
  return {
    packs: names,
    stories: stories.map((story) => ({ id: story.id, tint: storyColour(settings, story.id, story.turn) })),
    key: stories.map((story) => `${story.id}@${story.version}`).join(','),
  };
}
