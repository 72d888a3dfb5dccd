import type { StoryPack } from '../../data/schema';
import type { Notice } from '../notices';
import { MAX_PACK_BYTES, MAX_READER_PACKS, MAX_TOTAL_BYTES } from './pack-limits';
import { isNumber, isObj, isString, shapeGuard } from './plain-object';
import { type PackProblem, readStoryPackText } from './story-pack';

/** What the options page lists of a pack a reader added, without loading the pack itself. */
export interface InstalledPack {
  id: string;
  version: string;
  title: string;
  source: { title: string; publisher: string; date: string };
  entityCount: number;
  /** What the pack takes in storage. */
  bytes: number;
  /** When it was added or last updated, as an ISO date. */
  added: string;
}

/** Whether an entry of the stored list of added packs has each field the options page lists. */
export const isInstalledPack = shapeGuard<InstalledPack>({
  id: isString,
  version: isString,
  title: isString,
  source: isObj,
  entityCount: isNumber,
  bytes: isNumber,
  added: isString,
});

/** What the list of added packs says of a pack stored at `now`. */
export function installedEntry(pack: StoryPack, now: Date): InstalledPack {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    source: { title: pack.source.title, publisher: pack.source.publisher, date: pack.source.date },
    entityCount: pack.entities.length,
    bytes: utf8Bytes(JSON.stringify(pack)),
    added: now.toISOString(),
  };
}

/** Why a file of `bytes` cannot be a pack, when it is larger than a pack may be; null when it is not. */
export function packSizeProblem(bytes: number): Notice | null {
  return bytes > MAX_PACK_BYTES ? { code: 'packTooLarge', bytes, limit: MAX_PACK_BYTES } : null;
}

/** What adding a file would do, decided before anything is stored. */
export type Addition =
  /** The file is not a pack: every problem, where it is. */
  | { outcome: 'refused'; problems: PackProblem[] }
  /** The file, or the shelf with it, would take more than Context Lens keeps. */
  | { outcome: 'over-limit'; notice: Notice }
  /** The file's id is a bundled story's, whatever its version: a file never replaces a story that ships with Context Lens. */
  | { outcome: 'bundled-id'; bundled: StoryPack }
  | { outcome: 'new'; pack: StoryPack; entry: InstalledPack }
  | {
      outcome: 'update';
      pack: StoryPack;
      entry: InstalledPack;
      installedVersion: string;
      /** The story's title as the reader knows it now, which the file may change. */
      installedTitle: string;
    }
  | { outcome: 'same-version'; id: string; version: string }
  | { outcome: 'older'; id: string; version: string; installedVersion: string };

/** Orders versions such as "1", "1.2" and "1.2.0" by their numbers: "1.10" comes after "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The bytes a text takes as UTF-8, as storage and the size limit count it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Decides what adding a pack file would do: refuse it (with every problem),
 * add it, update an older copy, or report that the same or a newer version
 * is already there. `installed` holds the packs a reader added; `bundled`
 * the packs that ship with the extension, whose ids no file may take: a
 * file that could replace a story the reader trusts could tell them anything
 * under its name.
 */
export function judgeAddition(
  text: string,
  installed: readonly InstalledPack[],
  bundled: readonly StoryPack[],
  now: Date,
): Addition {
  const tooLarge = packSizeProblem(utf8Bytes(text));
  if (tooLarge !== null) return { outcome: 'over-limit', notice: tooLarge };
  const reading = readStoryPackText(text);
  if (!reading.ok) return { outcome: 'refused', problems: reading.problems };
  const { pack } = reading;
  const shipped = bundled.find((p) => p.id === pack.id);
  if (shipped !== undefined) return { outcome: 'bundled-id', bundled: shipped };
  const previous = installed.find((entry) => entry.id === pack.id);
  const entry = installedEntry(pack, now);
  const order = previous === undefined ? 1 : compareVersions(pack.version, previous.version);
  if (previous !== undefined && order === 0) return { outcome: 'same-version', id: pack.id, version: pack.version };
  if (previous !== undefined && order < 0) {
    return { outcome: 'older', id: pack.id, version: pack.version, installedVersion: previous.version };
  }
  const others = installed.filter((e) => e.id !== pack.id);
  if (others.length + 1 > MAX_READER_PACKS) {
    return { outcome: 'over-limit', notice: { code: 'packsFull', count: installed.length } };
  }
  const total = others.reduce((sum, e) => sum + e.bytes, 0) + entry.bytes;
  if (total > MAX_TOTAL_BYTES) {
    return { outcome: 'over-limit', notice: { code: 'packsTooLarge', bytes: total, limit: MAX_TOTAL_BYTES } };
  }
  return previous === undefined
    ? { outcome: 'new', pack, entry }
    : { outcome: 'update', pack, entry, installedVersion: previous.version, installedTitle: previous.title };
}

/**
 * An id of its own for a pack an older version stored under a bundled
 * story's id: the id with "-copy" (then "-copy-2", …), the first that no
 * story in `used` has, within the 64 chars an id may take.
 */
export function ownCopyId(id: string, used: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${id.slice(0, 64 - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
