/**
 * Messages between the extension's parts, as one typed union. Each receiver
 * parses what arrives with the functions below and ignores anything else, so
 * a malformed or foreign message can never reach our logic.
 */

import { idRecord, ownValue } from './own-keys';

/** Which way to move through the mentions on a page. */
export type Direction = 'next' | 'previous';

/** Mentions per entity id, for one frame. */
export type MentionCounts = Record<string, number>;

/**
 * Messages by direction, as Dark Reader names them: who sends each, and
 * who hears it. A receiver parses only its own direction.
 */

/**
 * Content script → background: what this frame found (replaces its earlier
 * report). `unmarked` counts the shown mentions of a story's common names
 * that were not marked, because none of the story's own actors is shown.
 */
type FrameMentionsMessage = { type: 'frame-mentions'; counts: MentionCounts; unmarked: MentionCounts };
/** Panel → background: the mention counts of a tab, all frames added up. Answered with TabMentions. */
type TabMentionsMessage = { type: 'tab-mentions'; tabId: number };
/** Panel → background: show an entity's next mention in that tab, with its card. */
type RevealEntityMessage = { type: 'reveal-entity'; tabId: number; lensId: string };

/** Content script → background: the bundled stories' names are not in storage yet; write them, then answer. */
type SeedPacksMessage = { type: 'seed-packs' };

/** Background → content script: a keyboard command asks for the next or previous mention's card. */
type StepMentionMessage = { type: 'step-mention'; direction: Direction };
/** Panel or background → a tab's top frame: which page is this? Answered with a PageInfo. */
type PageInfoMessage = { type: 'page-info' };
/** Background → the content script of the frame that has the entity: show its next mention. */
type ShowEntityMessage = { type: 'show-entity'; lensId: string };
/** Panel → every frame of a tab: mark story `packId`'s common names on this page, as if one of its actors were shown. */
type MarkStoryMessage = { type: 'mark-story'; packId: string };
/**
 * Panel → every frame of a tab: find the common names in text that was
 * surveyed and never read, so `unmarked` counts them too. Asked when a panel
 * opens, so a page whose reader never looks pays nothing for it.
 */
type ListUnmarkedMessage = { type: 'list-unmarked' };

/** What the background hears: from content scripts and from the panel. */
export type ToBackground = FrameMentionsMessage | TabMentionsMessage | RevealEntityMessage | SeedPacksMessage;
/** What a content script hears: from the background and from the panel. */
export type ToContentScript =
  | StepMentionMessage
  | PageInfoMessage
  | ShowEntityMessage
  | MarkStoryMessage
  | ListUnmarkedMessage;

/** A tab's mentions, all frames added up: those marked, and the common names left unmarked. */
export interface TabMentions {
  counts: MentionCounts;
  unmarked: MentionCounts;
}
type Message = ToBackground | ToContentScript;

/** A content script's answer to `page-info`. */
export interface PageInfo {
  url: string;
  /** The page is larger than a scan may read, so some of it was left unread. */
  partial: boolean;
}

/**
 * The page map: a panel beside the page connects a port of this name to the
 * tab's top frame, which sends what the page mentions in reading order, and
 * which of those are on screen, while the port stays open.
 */
export const PAGE_MAP_PORT = 'context-lens:page-map';
/** The map lists this many mentions at most; a page with more says how many it has. */
export const MAX_MAP_MENTIONS = 1000;
/** Text shown either side of a name in the map, to tell its mentions apart. */
export const MAP_CONTEXT_CHARS = 48;

/** One mention in the map: its entity and a glimpse of the text around it. */
export interface MapMention {
  lensId: string;
  before: string;
  text: string;
  after: string;
}

/** Content script → panel, over the page map's port. */
export type FromPageMap =
  /** The page's mentions now (the first `MAX_MAP_MENTIONS` of `total`); `version` names this list. */
  | { type: 'map'; version: number; mentions: MapMention[]; total: number }
  /** Which mentions of list `version` are on screen, by their places in it. */
  | { type: 'in-view'; version: number; indices: number[] };
/** Panel → content script, over the page map's port: show a mention of list `version`, with its card. */
export type ToPageMap = { type: 'reveal-mention'; version: number; index: number };

const MAX_ENTITIES = 1000;
const ENTITY_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A message for the background, or null for anything else. */
export function parseToBackground(value: unknown): ToBackground | null {
  const message = parseMessage(value);
  return message !== null && TO_BACKGROUND.has(message.type) ? (message as ToBackground) : null;
}

/** A message for a content script, or null for anything else. */
export function parseToContentScript(value: unknown): ToContentScript | null {
  const message = parseMessage(value);
  return message !== null && !TO_BACKGROUND.has(message.type) ? (message as ToContentScript) : null;
}

const TO_BACKGROUND: ReadonlySet<Message['type']> = new Set<ToBackground['type']>([
  'frame-mentions',
  'tab-mentions',
  'reveal-entity',
  'seed-packs',
]);

function parseMessage(value: unknown): Message | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'frame-mentions': {
      const counts = parseCounts(m.counts);
      const unmarked = parseCounts(m.unmarked);
      return counts && unmarked ? { type: 'frame-mentions', counts, unmarked } : null;
    }
    case 'tab-mentions':
      return isTabId(m.tabId) ? { type: 'tab-mentions', tabId: m.tabId } : null;
    case 'page-info':
      return { type: 'page-info' };
    case 'seed-packs':
      return { type: 'seed-packs' };
    case 'reveal-entity':
      return isTabId(m.tabId) && isLensId(m.lensId)
        ? { type: 'reveal-entity', tabId: m.tabId, lensId: m.lensId }
        : null;
    case 'show-entity':
      return isLensId(m.lensId) ? { type: 'show-entity', lensId: m.lensId } : null;
    case 'mark-story':
      return isLensId(m.packId) ? { type: 'mark-story', packId: m.packId } : null;
    case 'list-unmarked':
      return { type: 'list-unmarked' };
    case 'step-mention':
      return m.direction === 'next' || m.direction === 'previous'
        ? { type: 'step-mention', direction: m.direction }
        : null;
    default:
      return null;
  }
}

const isIndex = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) < MAX_MAP_MENTIONS;
const isVersion = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isContext = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAP_CONTEXT_CHARS + 1;

/** A page map's message for the panel, or null for anything else. */
export function parseFromPageMap(value: unknown): FromPageMap | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (!isVersion(m.version)) return null;
  if (m.type === 'in-view') {
    return Array.isArray(m.indices) && m.indices.every(isIndex)
      ? { type: 'in-view', version: m.version, indices: m.indices }
      : null;
  }
  if (m.type !== 'map' || !Array.isArray(m.mentions) || m.mentions.length > MAX_MAP_MENTIONS) return null;
  if (!Number.isSafeInteger(m.total) || (m.total as number) < m.mentions.length) return null;
  const mentions: MapMention[] = [];
  for (const raw of m.mentions as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return null;
    const { lensId, before, text, after } = raw as Record<string, unknown>;
    if (!isLensId(lensId) || !isContext(before) || !isContext(after)) return null;
    if (typeof text !== 'string' || text.length === 0 || text.length > 200) return null;
    mentions.push({ lensId, before, text, after });
  }
  return { type: 'map', version: m.version, mentions, total: m.total as number };
}

/** A panel's message for the page map, or null for anything else. */
export function parseToPageMap(value: unknown): ToPageMap | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  return m.type === 'reveal-mention' && isVersion(m.version) && isIndex(m.index)
    ? { type: 'reveal-mention', version: m.version, index: m.index }
    : null;
}

const isTabId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isLensId = (value: unknown): value is string => typeof value === 'string' && ENTITY_ID.test(value);

/** A page-info answer, or null for anything else (no content script there, or a foreign reply). */
export function parsePageInfo(value: unknown): PageInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const { url, partial } = value as { url?: unknown; partial?: unknown };
  return typeof url === 'string' && url.length < 10_000 ? { url, partial: partial === true } : null;
}

export function parseCounts(value: unknown): MentionCounts | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > MAX_ENTITIES) return null;
  const counts = idRecord<number>();
  for (const [id, n] of entries) {
    if (!ENTITY_ID.test(id) || !Number.isSafeInteger(n) || (n as number) < 0) return null;
    counts[id] = n as number;
  }
  return counts;
}

/** The background's answer to `tab-mentions`, or null for anything else. */
export function parseTabMentions(value: unknown): TabMentions | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  const counts = parseCounts(m.counts);
  const unmarked = parseCounts(m.unmarked);
  return counts && unmarked ? { counts, unmarked } : null;
}

/** Adds up the reports of a tab's frames. */
export function sumCounts(frames: Iterable<MentionCounts>): MentionCounts {
  const total = idRecord<number>();
  for (const counts of frames) {
    for (const [id, n] of Object.entries(counts)) total[id] = (ownValue(total, id) ?? 0) + n;
  }
  return total;
}

export function totalMentions(counts: MentionCounts): number {
  let total = 0;
  for (const n of Object.values(counts)) total += n;
  return total;
}
