/**
 * Settings as a file a reader can keep or move to another browser. An import
 * is all or nothing: any problem is reported and nothing changes.
 */
import { applyPatch, checkPatch, checkSites, type Settings } from './settings';

const FORMAT = 'context-lens-settings';
const FILE_VERSION = 1;
/** Larger than any real export (5,000 rules); a bigger file is refused before parsing. */
const MAX_FILE_CHARS = 1_000_000;

export function exportSettings(settings: Settings): string {
  const { sites, ...rest } = settings;
  return `${JSON.stringify({ format: FORMAT, version: FILE_VERSION, settings: { ...rest, sites } }, null, 2)}\n`;
}

export function importSettings(text: string): { settings: Settings } | { errors: string[] } {
  if (text.length > MAX_FILE_CHARS) return { errors: ['This file is too large to be Context Lens settings.'] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { errors: ['This file is not JSON.'] };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== FORMAT) {
    return { errors: ['This is not a Context Lens settings file.'] };
  }
  const { version, settings } = parsed as { version?: unknown; settings?: unknown };
  if (version !== FILE_VERSION) {
    return {
      errors: [
        typeof version === 'number' && version > FILE_VERSION
          ? 'This file was made by a newer version of Context Lens.'
          : 'This file has no version Context Lens knows.',
      ],
    };
  }
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return { errors: ['The file holds no settings.'] };
  }
  const { sites, ...rest } = settings as Record<string, unknown>;
  const patch = checkPatch(rest);
  const checkedSites = checkSites(sites);
  const errors = [...patch.warnings, ...checkedSites.warnings];
  return errors.length > 0 ? { errors } : { settings: applyPatch(patch.value, checkedSites.value) };
}
