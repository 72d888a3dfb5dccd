import { browser } from 'wxt/browser';
import type { Notice } from '../../engine/notices';
import { applyPatch, type Checked, checkPatch, patchOf, type Settings } from '../../engine/settings/settings';
import { decodeSiteChunks, encodeSiteChunks } from '../../engine/settings/site-chunks';
import { logFailure } from '../log-failure';
import type { FirstReads } from './first-reads';
import { SETTINGS_KEYS } from './storage-keys';
import { watchStorageKeys } from './storage-watch';
import { readRecord } from './stored-record';

/**
 * Where the reader's settings live: storage.sync, so they follow the reader
 * to other browsers, or storage.local when sync is missing or refuses the
 * write (quota, rate limit). A marker in local storage says which area holds
 * the current copy. Every part of the extension reads the same way and
 * hears the same changes.
 */

type Area = 'sync' | 'local';

/**
 * The stored record: the format's version, the changed fields, and how many
 * chunks hold the site rules. The version sits in the record itself, so the
 * one write that saves the settings also says which build wrote them.
 */
interface StoredSettings {
  /** Absent in records written before the version moved into the record: those are version 1. */
  version?: unknown;
  patch: unknown;
  siteChunks: unknown;
}

const SETTINGS_VERSION = 1;
/** storage.sync allows 512 items; the rules never need more than a few dozen. */
const MAX_CHUNKS = 64;

const RECORD = SETTINGS_KEYS.record.key;
const AREA_MARKER = SETTINGS_KEYS.area.key;
const chunkKey = SETTINGS_KEYS.siteChunk.key;

const readMarker = async (): Promise<unknown> => readRecord('local', AREA_MARKER);

/** The stored record of an area, or null when there is none or it cannot be read. */
async function storedRecord(area: Area): Promise<StoredSettings | null> {
  return ((await readRecord(area, RECORD).catch(() => null)) ?? null) as StoredSettings | null;
}

/** How many site chunks a stored record says it has, within bounds; none when unreadable. */
function chunkCount(stored: StoredSettings | null): number {
  return Number.isInteger(stored?.siteChunks) ? Math.min(Number(stored?.siteChunks), MAX_CHUNKS) : 0;
}

/**
 * The settings now, with a warning for every part that could not be read
 * (and fell back to its default); from `first` when a page's first reads
 * have them.
 */
export async function loadSettings(first?: FirstReads): Promise<Checked<Settings>> {
  // One round trip, not one per record: a page reads its settings while it loads, when each is slow.
  const [marker, sync, local] = await Promise.all([
    (first?.read(SETTINGS_KEYS.area, 'local') ?? readMarker()).catch(() => 'sync'),
    attempt(first?.read(SETTINGS_KEYS.record, 'sync') ?? readRecord('sync', RECORD)),
    attempt(first?.read(SETTINGS_KEYS.record, 'local') ?? readRecord('local', RECORD)),
  ]);
  const area: Area = marker === 'local' ? 'local' : 'sync';
  const read = area === 'local' ? local : sync;
  try {
    if ('error' in read) throw read.error;
    return await readArea(area, (read.value ?? null) as StoredSettings | null);
  } catch (error) {
    return {
      value: applyPatch({}, {}),
      warnings: [{ code: 'settingsUnreadable', error: String(error) }],
    };
  }
}

/** A read's value, or what it failed with, so that one area's failure never fails the other's read. */
function attempt<T>(read: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return read.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

async function readArea(area: Area, stored: StoredSettings | null): Promise<Checked<Settings>> {
  if (stored === null) return { value: applyPatch({}, {}), warnings: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { value: applyPatch({}, {}), warnings: [{ code: 'settingsDamaged' }] };
  }
  const warnings: Notice[] = [];
  const { version } = stored;
  if (typeof version === 'number' && version > SETTINGS_VERSION) {
    warnings.push({ code: 'settingsNewer', version });
  }
  const patch = checkPatch(stored.patch);
  const count = chunkCount(stored);
  if (stored.siteChunks !== undefined && count !== stored.siteChunks) {
    warnings.push({ code: 'siteListSizeDamaged' });
  }
  const keys = Array.from({ length: count }, (_, i) => chunkKey(i));
  const chunks = count === 0 ? {} : await browser.storage[area].get(keys);
  const sites = decodeSiteChunks(keys.map((key) => chunks[key]));
  return { value: applyPatch(patch.value, sites.value), warnings: [...warnings, ...patch.warnings, ...sites.warnings] };
}

/**
 * Saves settings: only what differs from the defaults, with the site rules
 * in chunks, in one write so that no reader sees half of it.
 */
export async function saveSettings(settings: Settings): Promise<void> {
  try {
    await writeArea('sync', settings);
    if (((await readMarker()) ?? 'sync') !== 'sync') {
      await browser.storage.local.set({ [AREA_MARKER]: 'sync' });
      await clearArea('local');
    }
  } catch (error) {
    console.warn('Context Lens keeps its settings in this browser only: sync storage refused them.', error);
    await writeArea('local', settings);
    await browser.storage.local.set({ [AREA_MARKER]: 'local' });
  }
}

async function writeArea(area: Area, settings: Settings): Promise<void> {
  const chunks = encodeSiteChunks(settings.sites);
  const previousCount = chunkCount(await storedRecord(area));
  const record: StoredSettings = { version: SETTINGS_VERSION, patch: patchOf(settings), siteChunks: chunks.length };
  await browser.storage[area].set({
    ...Object.fromEntries(chunks.map((chunk, i) => [chunkKey(i), chunk])),
    [RECORD]: record,
  });
  const stale = Array.from({ length: Math.max(0, previousCount - chunks.length) }, (_, i) =>
    chunkKey(chunks.length + i),
  );
  if (stale.length > 0) await browser.storage[area].remove(stale);
}

async function clearArea(area: Area): Promise<void> {
  const count = chunkCount(await storedRecord(area));
  await browser.storage[area].remove([RECORD, ...Array.from({ length: count }, (_, i) => chunkKey(i))]);
}

/**
 * Calls `onChange` with fresh settings whenever another part of the
 * extension (another tab, the panel, another browser through sync) saves
 * them. Returns a function that stops listening.
 */
export function watchSettings(onChange: (settings: Checked<Settings>) => void): () => void {
  return watchStorageKeys(SETTINGS_KEYS, () => logFailure(loadSettings().then(onChange), 'read its settings again'));
}
