/**
 * The reader's settings as data, with the rules for reading them back. Only
 * what a reader changed is stored (a patch over the defaults), so a default
 * we improve later reaches everyone who never touched it. Whatever arrives
 * from storage or an import is checked field by field: each valid part is
 * kept, the rest falls back to its default, and each loss is reported.
 */

import { ENTITY_KINDS, type EntityKind } from '../../data/schema';
import type { Notice } from '../notices';
import { idRecord, ownValue } from '../own-keys';
import { isObj } from '../packs/plain-object';
import { isLegibleTint, MIN_CONTRAST, nearestSwatch, STORY_SWATCHES } from './highlight-colours';
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
  /** Highlights take the colour of their entity's kind, or of their story. */
  highlightBy: HighlightBy;
  /** The reader's choices for each story (pack id): only what differs from on, in its turn's colour. */
  stories: Record<string, StoryChoice>;
  /** What the toolbar button opens: the popup, or the side panel that stays open beside the page. */
  toolbarOpens: ToolbarOpens;
  /** The interface's language: the browser's, or one the reader chose. */
  language: LanguageChoice;
  /** Which of an entity's mentions are marked; the others still open its card, and steps still reach them. */
  density: MarkDensity;
  /** Mark a story's common names on every page, not only where one of its own actors is shown. */
  commonNamesEverywhere: boolean;
}

/**
 * Every mention; the first in each section (the part of a page under one
 * heading); or the first on the page. Only shown mentions count as first.
 */
export type MarkDensity = 'every-mention' | 'first-in-section' | 'first-on-page';
export const MARK_DENSITIES: readonly MarkDensity[] = ['every-mention', 'first-in-section', 'first-on-page'];

type HighlightBy = 'kind' | 'story';
export type ToolbarOpens = 'popup' | 'side-panel';
/** The browser's language, or one the interface has a catalogue for (locales/). */
export type LanguageChoice = 'browser' | 'en' | 'zh_CN';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['browser', 'en', 'zh_CN'];

export interface StoryChoice {
  enabled?: boolean;
  /** The tint of the story's highlights: one of the palette's swatches, as #rrggbb. */
  colour?: string;
  /** A story the reader added is private until they choose otherwise: true once they do. */
  public?: true;
}

/** What is stored: the fields a reader changed, sites apart. */
export type SettingsPatch = Partial<Omit<Settings, 'sites'>>;

export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;
const SITE_MODES: readonly SiteMode[] = ['everywhere-except', 'only-listed'];
const HIGHLIGHT_BY: readonly HighlightBy[] = ['kind', 'story'];
const TOOLBAR_OPENS: readonly ToolbarOpens[] = ['popup', 'side-panel'];
/** More stories than anyone keeps; the sync quota holds their choices with room to spare. */
const MAX_STORY_CHOICES = 200;
const PACK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** More rules than anyone keeps; the sync quota holds this many with room to spare. */
const MAX_SITE_RULES = 5000;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  mode: 'everywhere-except',
  sites: Object.freeze({}),
  kinds: Object.freeze(Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, true])) as Record<EntityKind, boolean>),
  hoverDelayMs: 300,
  highlightBy: 'kind',
  stories: Object.freeze({}),
  toolbarOpens: 'popup',
  language: 'browser',
  density: 'every-mention',
  commonNamesEverywhere: false,
}) as Settings;

export interface Checked<T> {
  value: T;
  /** What was dropped and why, for a log or a form to put into words. */
  warnings: Notice[];
}

/** The stored patch, field by field: a wrong field is dropped (its default applies), the others stay. */
export function checkPatch(raw: unknown): Checked<SettingsPatch> {
  const warnings: Notice[] = [];
  const patch: SettingsPatch = {};
  if (raw === null || raw === undefined) return { value: patch, warnings };
  if (!isObj(raw)) return { value: patch, warnings: [{ code: 'settingsNotObject' }] };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'enabled':
        if (typeof value === 'boolean') patch.enabled = value;
        else warnings.push({ code: 'notTrueOrFalse', field: 'enabled' });
        break;
      case 'mode':
        if (SITE_MODES.includes(value as SiteMode)) patch.mode = value as SiteMode;
        else warnings.push({ code: 'notOneOf', field: 'mode', options: SITE_MODES });
        break;
      case 'kinds': {
        const kinds = checkKinds(value);
        if (kinds !== null) patch.kinds = kinds;
        else warnings.push({ code: 'kindsInvalid' });
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
          warnings.push({ code: 'delayOutOfRange', min: HOVER_DELAY_MIN_MS, max: HOVER_DELAY_MAX_MS });
        }
        break;
      case 'highlightBy':
        if (HIGHLIGHT_BY.includes(value as HighlightBy)) patch.highlightBy = value as HighlightBy;
        else warnings.push({ code: 'notOneOf', field: 'highlightBy', options: HIGHLIGHT_BY });
        break;
      case 'toolbarOpens':
        if (TOOLBAR_OPENS.includes(value as ToolbarOpens)) patch.toolbarOpens = value as ToolbarOpens;
        else warnings.push({ code: 'notOneOf', field: 'toolbarOpens', options: TOOLBAR_OPENS });
        break;
      case 'language':
        if (LANGUAGE_CHOICES.includes(value as LanguageChoice)) patch.language = value as LanguageChoice;
        else warnings.push({ code: 'notOneOf', field: 'language', options: LANGUAGE_CHOICES });
        break;
      case 'density':
        if (MARK_DENSITIES.includes(value as MarkDensity)) patch.density = value as MarkDensity;
        else warnings.push({ code: 'notOneOf', field: 'density', options: MARK_DENSITIES });
        break;
      case 'commonNamesEverywhere':
        if (typeof value === 'boolean') patch.commonNamesEverywhere = value;
        else warnings.push({ code: 'notTrueOrFalse', field: 'commonNamesEverywhere' });
        break;
      case 'stories': {
        const stories = checkStories(value);
        patch.stories = stories.value;
        warnings.push(...stories.warnings);
        break;
      }
      default:
        warnings.push({ code: 'notASetting', field: key.slice(0, 40) });
    }
  }
  return { value: patch, warnings };
}

/** Kinds on or off; kinds it does not name keep their default. */
function checkKinds(value: unknown): Record<EntityKind, boolean> | null {
  if (!isObj(value)) return null;
  const kinds = { ...DEFAULT_SETTINGS.kinds };
  for (const [kind, on] of Object.entries(value)) {
    if (!ENTITY_KINDS.includes(kind as EntityKind) || typeof on !== 'boolean') return null;
    kinds[kind as EntityKind] = on;
  }
  return kinds;
}

/** Story choices, story by story: a wrong one is dropped (that story is on, in its own colour), the rest are kept. */
function checkStories(value: unknown): Checked<Record<string, StoryChoice>> {
  const stories = idRecord<StoryChoice>();
  if (!isObj(value)) return { value: stories, warnings: [{ code: 'storiesInvalid' }] };
  const warnings: Notice[] = [];
  for (const [id, raw] of Object.entries(value).slice(0, MAX_STORY_CHOICES)) {
    const story = id.slice(0, 64);
    if (!PACK_ID.test(id) || !isObj(raw)) {
      warnings.push({ code: 'storyChoiceInvalid', story });
      continue;
    }
    const choice: StoryChoice = {};
    if (typeof raw.enabled === 'boolean') choice.enabled = raw.enabled;
    else if (raw.enabled !== undefined) warnings.push({ code: 'storyEnabledInvalid', story });
    // A colour chosen before the palette, or written by hand, goes to the nearest swatch.
    if (isLegibleTint(raw.colour)) choice.colour = STORY_SWATCHES[nearestSwatch(raw.colour.toLowerCase())] as string;
    else if (raw.colour !== undefined) {
      warnings.push({ code: 'storyColourInvalid', story, contrast: MIN_CONTRAST });
    }
    if (raw.public === true) choice.public = true;
    else if (raw.public !== undefined) warnings.push({ code: 'storyPublicInvalid', story });
    if (Object.keys(choice).length > 0) stories[id] = choice;
  }
  return { value: stories, warnings };
}

/** Site rules, rule by rule: an invalid pattern or value is dropped, every valid rule is kept. */
export function checkSites(raw: unknown): Checked<Record<string, boolean>> {
  const warnings: Notice[] = [];
  const sites: Record<string, boolean> = {};
  if (raw === null || raw === undefined) return { value: sites, warnings };
  if (!isObj(raw)) return { value: sites, warnings: [{ code: 'sitesInvalid' }] };
  let dropped = 0;
  for (const [pattern, enabled] of Object.entries(raw)) {
    if (typeof enabled !== 'boolean' || patternSite(pattern) === null) dropped++;
    else if (Object.keys(sites).length < MAX_SITE_RULES) sites[pattern] = enabled;
    else dropped++;
  }
  if (dropped > 0) warnings.push({ code: 'sitesDropped', count: dropped });
  return { value: sites, warnings };
}

/** Settings from a patch and site rules. */
export function applyPatch(patch: SettingsPatch, sites: SiteRules): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...patch,
    kinds: { ...DEFAULT_SETTINGS.kinds, ...patch.kinds },
    stories: { ...patch.stories },
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
  if (settings.highlightBy !== DEFAULT_SETTINGS.highlightBy) patch.highlightBy = settings.highlightBy;
  if (settings.toolbarOpens !== DEFAULT_SETTINGS.toolbarOpens) patch.toolbarOpens = settings.toolbarOpens;
  if (settings.language !== DEFAULT_SETTINGS.language) patch.language = settings.language;
  if (settings.density !== DEFAULT_SETTINGS.density) patch.density = settings.density;
  if (settings.commonNamesEverywhere !== DEFAULT_SETTINGS.commonNamesEverywhere) {
    patch.commonNamesEverywhere = settings.commonNamesEverywhere;
  }
  const stories = Object.entries(settings.stories).filter(
    ([, choice]) => choice.enabled === false || choice.colour !== undefined || choice.public === true,
  );
  if (stories.length > 0) {
    patch.stories = Object.fromEntries(
      stories.map(([id, { enabled, colour, public: shared }]) => [
        id,
        {
          ...(enabled === false ? { enabled } : {}),
          ...(colour === undefined ? {} : { colour }),
          ...(shared === true ? { public: shared } : {}),
        },
      ]),
    );
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

/** Whether a story's names are highlighted: every story is, until the reader switches it off. */
export function storyEnabled(settings: Settings, packId: string): boolean {
  return ownValue(settings.stories, packId)?.enabled !== false;
}

/**
 * Whether a story is private: painted where no page script can detect its
 * names. Every story a reader adds is, until they make it public; the
 * stories that ship with the extension are public knowledge.
 */
export function storyIsPrivate(settings: Settings, story: { id: string; bundled: boolean }): boolean {
  return !story.bundled && ownValue(settings.stories, story.id)?.public !== true;
}

/**
 * Each story's turn for its default swatch: the public stories in their
 * order first, then the private ones. A public story's colour, which a page
 * can tell from its highlights' names, then says nothing of how many
 * private stories stand before it on the shelf.
 */
export function paletteTurns(
  settings: Settings,
  stories: readonly { id: string; bundled: boolean }[],
): Map<string, number> {
  const open = stories.filter((story) => !storyIsPrivate(settings, story));
  const hidden = stories.filter((story) => storyIsPrivate(settings, story));
  return new Map([...open, ...hidden].map((story, turn) => [story.id, turn]));
}

/** A story's swatch in the palette: the reader's choice, or the swatch of its turn (`paletteTurns`). */
export function storySwatch(settings: Settings, packId: string, turn: number): number {
  const chosen = ownValue(settings.stories, packId)?.colour;
  const index = chosen === undefined ? -1 : STORY_SWATCHES.indexOf(chosen);
  return index >= 0 ? index : turn % STORY_SWATCHES.length;
}

/** Settings with one story's choice changed; a choice back at its default is no longer stored. */
export function withStoryChoice(settings: Settings, packId: string, change: StoryChoice): Settings {
  const next: StoryChoice = { ...ownValue(settings.stories, packId), ...change };
  if (next.enabled !== false) delete next.enabled;
  if (next.colour === undefined) delete next.colour;
  if (next.public !== true) delete next.public;
  const { [packId]: _, ...others } = settings.stories;
  return { ...settings, stories: Object.keys(next).length === 0 ? others : { ...others, [packId]: next } };
}
