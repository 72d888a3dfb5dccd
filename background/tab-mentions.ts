import { browser } from 'wxt/browser';
import { type MentionCounts, parseCounts, sumCounts, type TabMentions, totalMentions } from '../engine/messages';
import { SESSION_KEYS } from '../platform/storage/storage-keys';

const { frameMentions, frameUnmarked } = SESSION_KEYS;

/*
 * What each frame of each tab found, kept in storage.session so that it
 * survives the service worker going to sleep, one key per frame: the
 * mentions it marked, and beside them the common names it left unmarked.
 */

/** A frame's report, replacing its earlier one; a frame that leaves no common name unmarked reports none. */
export async function saveFrameMentions(
  tabId: number,
  frameId: number,
  counts: MentionCounts,
  unmarked: MentionCounts = {},
): Promise<void> {
  await browser.storage.session.set({
    [frameMentions.key(tabId, frameId)]: counts,
    [frameUnmarked.key(tabId, frameId)]: unmarked,
  });
}

/** The tab's mentions, every frame's added up. */
export async function tabMentions(tabId: number): Promise<TabMentions> {
  const stored = await browser.storage.session.get(null);
  const sum = (family: typeof frameMentions) => sumCounts(framesOf(stored, family, tabId).map(([, counts]) => counts));
  return { counts: sum(frameMentions), unmarked: sum(frameUnmarked) };
}

/**
 * The frame a keyboard command should act in: the top frame when it has
 * mentions, otherwise the first frame that has some (a page whose story sits
 * in an iframe), otherwise the top frame. Only marked mentions count: the
 * steps go from one marked name to the next.
 */
export async function frameForCommands(tabId: number): Promise<number> {
  const frames = await markedFrames(tabId);
  const withMentions = frames.filter(([, counts]) => totalMentions(counts) > 0).map(([frameId]) => frameId);
  return withMentions.sort((a, b) => a - b)[0] ?? 0;
}

/** The frame with marked mentions of an entity: the top frame when it has some, else the first that does. */
export async function frameWithEntity(tabId: number, lensId: string): Promise<number> {
  const frames = await markedFrames(tabId);
  const withEntity = frames.filter(([, counts]) => (counts[lensId] ?? 0) > 0).map(([frameId]) => frameId);
  return withEntity.sort((a, b) => a - b)[0] ?? 0;
}

async function markedFrames(tabId: number): Promise<[number, MentionCounts][]> {
  return framesOf(await browser.storage.session.get(null), frameMentions, tabId);
}

/** Each frame of the tab with its counts of one family; a stored value that is not counts is left out. */
function framesOf(
  stored: Record<string, unknown>,
  family: typeof frameMentions,
  tabId: number,
): [number, MentionCounts][] {
  const prefix = family.ofTab(tabId);
  const frames: [number, MentionCounts][] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(prefix)) continue;
    const counts = parseCounts(value);
    if (counts !== null) frames.push([Number(key.slice(prefix.length)), counts]);
  }
  return frames;
}

/** Forgets everything the tab's frames reported: its page is gone. */
export async function forgetTab(tabId: number): Promise<void> {
  const stored = await browser.storage.session.get(null);
  const prefixes = [frameMentions.ofTab(tabId), frameUnmarked.ofTab(tabId)];
  const keys = Object.keys(stored).filter((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
