import type { LensNames, PackNames } from '../../engine/packs/lens-entities';
import { type ShelfStory, storyShelf } from '../../engine/packs/story-shelf';
import { paletteTurns, type Settings, storyEnabled, storyIsPrivate, storySwatch } from '../../engine/settings/settings';
import { sendToBackground } from '../send-message';
import type { FirstReads } from './first-reads';
import { addedPacks, bundledEntries, readPackNames } from './pack-store';

/** What a page reads of the pack store whatever its settings: every story in its turn, and the names of those that ship. */
interface ShelfRead {
  shelf: ShelfStory[];
  /** Read in a second round trip, which the stories' first highlights wait for only when they compile. */
  shipped: Promise<PackNames[]>;
}

/**
 * The names of the stories a page's settings switch on, from the pack
 * store. Reading starts when this is called, from the page's first reads:
 * each read is a round trip to the browser, slow while a page loads. The
 * first call of the function returned uses that read; later ones (other
 * settings, a story added) read afresh.
 */
export function pageStories(first: FirstReads): (settings: Settings) => Promise<LensNames> {
  let early: Promise<ShelfRead> | null = readShelf(first);
  // Awaited at the first call; until then a failure must not count as unhandled.
  early.catch(() => undefined);
  return async (settings) => {
    const read = early ?? readShelf();
    early = null;
    return namesFor(settings, await read);
  };
}

/**
 * The first page after an install may come before the background has stored
 * the bundled stories' names, and the first after an update before it has
 * moved a copy an older version stored under a bundled story's id (with
 * its names under that story's key): such a page asks the background once,
 * and reads again.
 */
async function readShelf(first?: FirstReads): Promise<ShelfRead> {
  let [bundled, { packs: added }] = await Promise.all([bundledEntries(first), addedPacks(first)]);
  const bundledIds = new Set(bundled.map((entry) => entry.id));
  if (bundled.length === 0 || added.some((entry) => bundledIds.has(entry.id))) {
    await sendToBackground({ type: 'seed-packs' });
    [bundled, { packs: added }] = await Promise.all([bundledEntries(), addedPacks()]);
  }
  const shelf = storyShelf(bundled, added);
  const shipped = namesOfStories(shelf.filter((story) => story.bundled));
  // Awaited only by a page that compiles; until then a failure must not count as unhandled.
  shipped.catch(() => undefined);
  return { shelf, shipped };
}

function namesFor(settings: Settings, { shelf, shipped }: ShelfRead): LensNames {
  const enabled = shelf.filter((story) => storyEnabled(settings, story.id));
  const turns = paletteTurns(settings, shelf);
  const on = new Set(enabled.map((story) => story.id));
  const shippedOn = async () => (await shipped).filter((names) => on.has(names.packId));
  return {
    stories: enabled.map((story) => ({
      id: story.id,
      version: story.version,
      swatch: storySwatch(settings, story.id, turns.get(story.id) ?? 0),
      private: storyIsPrivate(settings, story),
    })),
    key: enabled
      .map((story) => `${story.id}@${story.version}${storyIsPrivate(settings, story) ? '#private' : ''}`)
      .join(','),
    shipped: enabled.filter((story) => story.bundled).map((story) => story.id),
    readShipped: shippedOn,
    async readAll() {
      const own = await namesOfStories(enabled.filter((story) => !story.bundled));
      const byId = new Map([...(await shippedOn()), ...own].map((names) => [names.packId, names]));
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
