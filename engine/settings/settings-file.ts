/**
 * Settings as a file a reader can keep or move to another browser. An import
 * is all or nothing: any problem is reported and nothing changes.
 */
import type { Notice } from '../notices';
import { applyPatch, checkPatch, checkSites, type Settings } from './settings';

const FORMAT = 'context-lens-settings';
const FILE_VERSION = 1;
/** Larger than any real export (5,000 rules); a bigger file is refused before parsing. */
const MAX_FILE_CHARS = 1_000_000;

export function exportSettings(settings: Settings): string {
  const { sites, ...rest } = settings;
  return `${JSON.stringify({ format: FORMAT, version: FILE_VERSION, settings: { ...rest, sites } }, null, 2)}\n`;
}

export function importSettings(text: string): { settings: Settings } | { errors: Notice[] } {
  if (text.length > MAX_FILE_CHARS) return { errors: [{ code: 'fileTooLarge' }] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { errors: [{ code: 'fileNotJson' }] };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FORMAT) {
    return { errors: [{ code: 'fileNotSettings' }] };
  }
  const { version, settings } = parsed as { version?: unknown; settings?: unknown };
  if (version !== FILE_VERSION) {
    return {
      errors: [{ code: typeof version === 'number' && version > FILE_VERSION ? 'fileNewer' : 'fileUnknownVersion' }],
    };
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return { errors: [{ code: 'fileNoSettings' }] };
  }
  const { sites, ...rest } = settings as Record<string, unknown>;
  const patch = checkPatch(rest);
  const checkedSites = checkSites(sites);
  const errors = [...patch.warnings, ...checkedSites.warnings];
  return errors.length > 0 ? { errors } : { settings: applyPatch(patch.value, checkedSites.value) };
}
