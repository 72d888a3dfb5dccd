import { browser } from 'wxt/browser';
import { type MentionCounts, parseCounts, sumCounts, totalMentions } from '../engine/messages';
import { SESSION_KEYS } from '../platform/storage/storage-keys';

const { frameMentions } = SESSION_KEYS;

/*
 * What each frame of each tab found, kept in storage.session so that it
 * survives the service worker going to sleep, one key per frame.
 */

export async function saveFrameMentions(tabId: number, frameId: number, counts: MentionCounts): Promise<void> {
  await browser.storage.session.set({ [frameMentions.key(tabId, frameId)]: counts });
}

export async function tabMentions(tabId: number): Promise<MentionCounts> {
  return sumCounts((await frameCounts(tabId)).map(([, counts]) => counts));
}

/**
 * The frame a keyboard command should act in: the top frame when it has
 * mentions, otherwise the first frame that has some (a page whose story sits
 * in an iframe), otherwise the top frame.
 */
export async function frameForCommands(tabId: number): Promise<number> {
  const frames = await frameCounts(tabId);
  const withMentions = frames.filter(([, counts]) => totalMentions(counts) > 0).map(([frameId]) => frameId);
  return withMentions.sort((a, b) => a - b)[0] ?? 0;
}

/** The frame with mentions of an entity: the top frame when it has some, else the first that does. */
export async function frameWithEntity(tabId: number, lensId: string): Promise<number> {
  const frames = await frameCounts(tabId);
  const withEntity = frames.filter(([, counts]) => (counts[lensId] ?? 0) > 0).map(([frameId]) => frameId);
  return withEntity.sort((a, b) => a - b)[0] ?? 0;
}

async function frameCounts(tabId: number): Promise<[number, MentionCounts][]> {
  const all = await browser.storage.session.get(null);
  const frames: [number, MentionCounts][] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(frameMentions.ofTab(tabId))) continue;
    const counts = parseCounts(value);
    if (counts !== null) frames.push([Number(key.slice(frameMentions.ofTab(tabId).length)), counts]);
  }
  return frames;
}

export async function forgetTab(tabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(frameMentions.ofTab(tabId)));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
