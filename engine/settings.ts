/**
 * The reader's settings as data, with the rules for reading them back. Only
 * what a reader changed is stored (a patch over the defaults), so a default
 * we improve later reaches everyone who never touched it. Whatever arrives
 * from storage or an import is checked field by field: each valid part is
 * kept, the rest falls back to its default, and each loss is reported.
 */
import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import {
  patternSite,
  type Site,
  type SiteMode,
  type SiteRules,
  type SiteSettings,
  setSiteEnabled,
  siteEnabled,
} from './site-rules';

export interface Settings extends SiteSettings {
  /** Which kinds of entity are highlighted. */
  kinds: Record<EntityKind, boolean>;
  /** How long the pointer rests on a name before its card opens. */
  hoverDelayMs: number;
}

/** What is stored: the fields a reader changed, sites apart. */
export type SettingsPatch = Partial<Omit<Settings, 'sites'>>;

export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;
const SITE_MODES: readonly SiteMode[] = ['everywhere-except', 'only-listed'];
/** More rules than anyone keeps; the sync quota holds this many with room to spare. */
const MAX_SITE_RULES = 5000;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  mode: 'everywhere-except',
  sites: Object.freeze({}),
  kinds: Object.freeze(Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, true])) as Record<EntityKind, boolean>),
  hoverDelayMs: 300,
}) as Settings;

export interface Checked<T> {
  value: T;
  /** What was dropped and why, in words for a log or a form. */
  warnings: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The stored patch, field by field: a wrong field is dropped (its default applies), the others stay. */
export function checkPatch(raw: unknown): Checked<SettingsPatch> {
  const warnings: string[] = [];
  const patch: SettingsPatch = {};
  if (raw === null || raw === undefined) return { value: patch, warnings };
  if (!isRecord(raw)) return { value: patch, warnings: ['Settings were not an object; using the defaults.'] };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'enabled':
        if (typeof value === 'boolean') patch.enabled = value;
        else warnings.push('"enabled" was not true or false.');
        break;
      case 'mode':
        if (SITE_MODES.includes(value as SiteMode)) patch.mode = value as SiteMode;
        else warnings.push(`"mode" was not one of ${SITE_MODES.join(', ')}.`);
        break;
      case 'kinds': {
        const kinds = checkKinds(value);
        if (kinds !== null) patch.kinds = kinds;
        else warnings.push('"kinds" was not a set of kinds switched on or off.');
        break;
      }
      case 'hoverDelayMs':
        if (
          typeof value === 'number' &&
          Number.isInteger(value) &&
          value >= HOVER_DELAY_MIN_MS &&
          value <= HOVER_DELAY_MAX_MS
        ) {
          patch.hoverDelayMs = value;
        } else {
          warnings.push(`"hoverDelayMs" was not a whole number from ${HOVER_DELAY_MIN_MS} to ${HOVER_DELAY_MAX_MS}.`);
        }
        break;
      default:
        warnings.push(`"${key.slice(0, 40)}" is not a setting.`);
    }
  }
  return { value: patch, warnings };
}

/** Kinds on or off; kinds it does not name keep their default. */
function checkKinds(value: unknown): Record<EntityKind, boolean> | null {
  if (!isRecord(value)) return null;
  const kinds = { ...DEFAULT_SETTINGS.kinds };
  for (const [kind, on] of Object.entries(value)) {
    if (!ENTITY_KINDS.includes(kind as EntityKind) || typeof on !== 'boolean') return null;
    kinds[kind as EntityKind] = on;
  }
  return kinds;
}

/** Site rules, rule by rule: an invalid pattern or value is dropped, every valid rule is kept. */
export function checkSites(raw: unknown): Checked<Record<string, boolean>> {
  const warnings: string[] = [];
  const sites: Record<string, boolean> = {};
  if (raw === null || raw === undefined) return { value: sites, warnings };
  if (!isRecord(raw)) return { value: sites, warnings: ['Site rules were not a list of sites.'] };
  let dropped = 0;
  for (const [pattern, enabled] of Object.entries(raw)) {
    if (typeof enabled !== 'boolean' || patternSite(pattern) === null) dropped++;
    else if (Object.keys(sites).length < MAX_SITE_RULES) sites[pattern] = enabled;
    else dropped++;
  }
  if (dropped > 0) warnings.push(`${dropped} site rule${dropped === 1 ? ' was' : 's were'} not valid and left out.`);
  return { value: sites, warnings };
}

/** Settings from a patch and site rules. */
export function applyPatch(patch: SettingsPatch, sites: SiteRules): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...patch,
    kinds: { ...DEFAULT_SETTINGS.kinds, ...patch.kinds },
    sites: { ...sites },
  };
}

/** The fields of `settings` that differ from the defaults: what gets stored. */
export function patchOf(settings: Settings): SettingsPatch {
  const patch: SettingsPatch = {};
  if (settings.enabled !== DEFAULT_SETTINGS.enabled) patch.enabled = settings.enabled;
  if (settings.mode !== DEFAULT_SETTINGS.mode) patch.mode = settings.mode;
  if (settings.hoverDelayMs !== DEFAULT_SETTINGS.hoverDelayMs) patch.hoverDelayMs = settings.hoverDelayMs;
  if (ENTITY_KINDS.some((kind) => settings.kinds[kind] !== DEFAULT_SETTINGS.kinds[kind])) {
    patch.kinds = { ...settings.kinds };
  }
  return patch;
}

/** The kinds the page highlights, as a set. */
export function shownKinds(settings: Settings): ReadonlySet<EntityKind> {
  return new Set(ENTITY_KINDS.filter((kind) => settings.kinds[kind]));
}

/**
 * Settings after the reader switches one site on or off (the panel's switch,
 * the keyboard command). Switching a site on while everything is off turns
 * Context Lens back on too, or the switch would seem to do nothing.
 */
export function withSiteSwitched(settings: Settings, site: Site, on: boolean): Settings {
  return {
    ...settings,
    enabled: on ? true : settings.enabled,
    sites: setSiteEnabled(settings.sites, site, on, settings.mode),
  };
}

/** Whether the page's site is highlighted now, all switches considered. */
export function siteIsOn(settings: Settings, site: Site): boolean {
  return settings.enabled && siteEnabled(site, settings);
}
