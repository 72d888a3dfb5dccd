import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../data/schema';
import { STORY_SWATCHES } from '../../engine/settings/highlight-colours';
import {
  applyPatch,
  checkPatch,
  checkSites,
  DEFAULT_SETTINGS,
  paletteTurns,
  patchOf,
  storyEnabled,
  storyIsPrivate,
  storySwatch,
  withStoryChoice,
} from '../../engine/settings/settings';
import { exportSettings, importSettings } from '../../engine/settings/settings-file';
import { CHUNK_CHARS, decodeSiteChunks, encodeSiteChunks } from '../../engine/settings/site-chunks';
import { SETTINGS_KEYS } from '../../platform/storage/storage-keys';

/** Two thousand plausible site rules, as a long-time reader might collect. */
const manySites = Object.fromEntries(
  Array.from({ length: 2000 }, (_, i) => [`site-${i}.news-example-${i % 37}.test`, i % 3 === 0]),
);

describe('checkPatch', () => {
  it('keeps every valid field', () => {
    const patch = { enabled: false, mode: 'only-listed', kinds: { firm: false }, hoverDelayMs: 600 };
    expect(checkPatch(patch)).toEqual({
      value: { ...patch, kinds: { ...DEFAULT_SETTINGS.kinds, firm: false } },
      warnings: [],
    });
  });

  it('drops each wrong field with a warning and keeps the rest', () => {
    const { value, warnings } = checkPatch({ enabled: 'yes', mode: 'sometimes', hoverDelayMs: 600, colour: 'red' });
    expect(value).toEqual({ hoverDelayMs: 600 });
    expect(warnings).toEqual([
      { code: 'notTrueOrFalse', field: 'enabled' },
      { code: 'notOneOf', field: 'mode', options: ['everywhere-except', 'only-listed'] },
      { code: 'notASetting', field: 'colour' },
    ]);
  });

  it('keeps the interface language the reader chose, and refuses one it has no words for', () => {
    expect(DEFAULT_SETTINGS.language).toBe('browser');
    expect(checkPatch({ language: 'zh_CN' })).toEqual({ value: { language: 'zh_CN' }, warnings: [] });
    expect(checkPatch({ language: 'fr' })).toEqual({
      value: {},
      warnings: [{ code: 'notOneOf', field: 'language', options: ['browser', 'en', 'zh_CN'] }],
    });
    expect(patchOf({ ...DEFAULT_SETTINGS, language: 'en' })).toEqual({ language: 'en' });
  });

  it('keeps what the toolbar button opens, and refuses anything but the popup or the side panel', () => {
    expect(checkPatch({ toolbarOpens: 'side-panel' })).toEqual({ value: { toolbarOpens: 'side-panel' }, warnings: [] });
    expect(checkPatch({ toolbarOpens: 'window' })).toEqual({
      value: {},
      warnings: [{ code: 'notOneOf', field: 'toolbarOpens', options: ['popup', 'side-panel'] }],
    });
    expect(DEFAULT_SETTINGS.toolbarOpens).toBe('popup');
    expect(patchOf({ ...DEFAULT_SETTINGS, toolbarOpens: 'side-panel' })).toEqual({ toolbarOpens: 'side-panel' });
  });

  it('keeps how many mentions to mark, and refuses a density it does not know', () => {
    expect(DEFAULT_SETTINGS.density).toBe('every-mention');
    for (const density of ['every-mention', 'first-in-section', 'first-on-page']) {
      expect(checkPatch({ density })).toEqual({ value: { density }, warnings: [] });
    }
    expect(checkPatch({ density: 'some' })).toEqual({
      value: {},
      warnings: [
        { code: 'notOneOf', field: 'density', options: ['every-mention', 'first-in-section', 'first-on-page'] },
      ],
    });
    expect(patchOf({ ...DEFAULT_SETTINGS, density: 'first-on-page' })).toEqual({ density: 'first-on-page' });
    expect(patchOf({ ...DEFAULT_SETTINGS, density: 'every-mention' })).toEqual({});
  });

  it('keeps whether a story’s common names are marked on every page, and refuses anything but true or false', () => {
    expect(DEFAULT_SETTINGS.commonNamesEverywhere).toBe(false);
    expect(checkPatch({ commonNamesEverywhere: true })).toEqual({
      value: { commonNamesEverywhere: true },
      warnings: [],
    });
    expect(checkPatch({ commonNamesEverywhere: 'yes' })).toEqual({
      value: {},
      warnings: [{ code: 'notTrueOrFalse', field: 'commonNamesEverywhere' }],
    });
    expect(patchOf({ ...DEFAULT_SETTINGS, commonNamesEverywhere: true })).toEqual({ commonNamesEverywhere: true });
    expect(patchOf({ ...DEFAULT_SETTINGS, commonNamesEverywhere: false })).toEqual({});
  });

  it.each([[-1], [99], [2001], [300.5], ['300']])('refuses a hover delay of %j', (hoverDelayMs) => {
    expect(checkPatch({ hoverDelayMs }).value).toEqual({});
  });

  it('never throws on garbage, and always gives settings that work', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const { value } = checkPatch(raw);
        const settings = applyPatch(value, {});
        expect(typeof settings.enabled).toBe('boolean');
        expect(ENTITY_KINDS.every((kind) => typeof settings.kinds[kind] === 'boolean')).toBe(true);
      }),
    );
  });
});

describe('checkSites', () => {
  it('keeps every valid rule among damaged ones', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('example.com', 'news.example.com', 'localhost:3000', '10.0.0.1'), fc.boolean()),
        fc.dictionary(fc.string(), fc.anything()),
        (valid, garbage) => {
          const { value } = checkSites({ ...garbage, ...valid });
          for (const [pattern, enabled] of Object.entries(valid)) expect(value[pattern]).toBe(enabled);
        },
      ),
    );
  });
});

describe('patchOf', () => {
  it('stores only what differs from the defaults', () => {
    expect(patchOf(DEFAULT_SETTINGS)).toEqual({});
    const changed = { ...DEFAULT_SETTINGS, hoverDelayMs: 500, kinds: { ...DEFAULT_SETTINGS.kinds, city: false } };
    expect(patchOf(changed)).toEqual({ hoverDelayMs: 500, kinds: changed.kinds });
    expect(applyPatch(patchOf(changed), {})).toEqual(changed);
  });
});

describe('story choices', () => {
  it('are on, in the swatch of their turn, until the reader chooses', () => {
    expect(storyEnabled(DEFAULT_SETTINGS, 'any-story')).toBe(true);
    expect(storySwatch(DEFAULT_SETTINGS, 'any-story', 1)).toBe(1);
    expect(storySwatch(DEFAULT_SETTINGS, 'any-story', STORY_SWATCHES.length + 2)).toBe(2);
    const chosen = withStoryChoice(DEFAULT_SETTINGS, 'any-story', { colour: STORY_SWATCHES[4] });
    expect(storySwatch(chosen, 'any-story', 1)).toBe(4);
  });

  it('number the public stories’ turns before the private ones’, so a public colour says nothing of private stories', () => {
    const shelf = [
      { id: 'china-tech-reset', bundled: true },
      { id: 'mine', bundled: false },
      { id: 'shared', bundled: false },
    ];
    const settings = withStoryChoice(DEFAULT_SETTINGS, 'shared', { public: true });
    expect([...paletteTurns(settings, shelf)]).toEqual([
      ['china-tech-reset', 0],
      ['shared', 1],
      ['mine', 2],
    ]);
  });

  it('store only what differs from the default, and forget a choice put back', () => {
    const off = withStoryChoice(DEFAULT_SETTINGS, 'a-story', { enabled: false });
    const coloured = withStoryChoice(off, 'a-story', { colour: '#bfdbfe' });
    expect(storyEnabled(off, 'a-story')).toBe(false);
    expect(patchOf(coloured).stories).toEqual({ 'a-story': { enabled: false, colour: '#bfdbfe' } });
    const back = withStoryChoice(withStoryChoice(coloured, 'a-story', { enabled: true }), 'a-story', {
      colour: undefined,
    });
    expect(back.stories).toEqual({});
    expect(patchOf(back)).toEqual({});
  });

  it('make a story the reader added private until they make it public, and keep the shipped ones public', () => {
    const added = { id: 'reader-story', bundled: false };
    expect(storyIsPrivate(DEFAULT_SETTINGS, added)).toBe(true);
    expect(storyIsPrivate(DEFAULT_SETTINGS, { id: 'china-tech-reset', bundled: true })).toBe(false);
    const shared = withStoryChoice(DEFAULT_SETTINGS, added.id, { public: true });
    expect(storyIsPrivate(shared, added)).toBe(false);
    expect(patchOf(shared).stories).toEqual({ 'reader-story': { public: true } });
    expect(withStoryChoice(shared, added.id, { public: undefined }).stories).toEqual({});
    // A shipped story cannot be made private: its names are public knowledge.
    expect(
      storyIsPrivate(withStoryChoice(DEFAULT_SETTINGS, 'china-tech-reset', {}), {
        id: 'china-tech-reset',
        bundled: true,
      }),
    ).toBe(false);
  });

  it('keep each valid choice and drop, with a warning, an illegible colour or a bad id', () => {
    const { value, warnings } = checkPatch({
      stories: {
        'kept-story': { enabled: false, colour: '#FDE68A' },
        'grey-story': { colour: '#777777' },
        'Not An Id': { enabled: false },
        'odd-switch': { enabled: 'no' },
        'shared-story': { public: true },
        'odd-public': { public: 'yes' },
      },
    });
    expect(value.stories).toEqual({
      'kept-story': { enabled: false, colour: '#fde68a' },
      'shared-story': { public: true },
    });
    expect(warnings).toEqual([
      { code: 'storyColourInvalid', story: 'grey-story', contrast: 7 },
      { code: 'storyChoiceInvalid', story: 'Not An Id' },
      { code: 'storyEnabledInvalid', story: 'odd-switch' },
      { code: 'storyPublicInvalid', story: 'odd-public' },
    ]);
  });
});

describe('site rule chunks', () => {
  it('fit 2,000 sites into items under storage.sync’s 8,192-byte limit, and read back whole', () => {
    const chunks = encodeSiteChunks(manySites);
    for (const [i, chunk] of chunks.entries()) {
      const bytes = new TextEncoder().encode(`${SETTINGS_KEYS.siteChunk.key(i)}${JSON.stringify(chunk)}`).length;
      expect(bytes).toBeLessThanOrEqual(8192);
    }
    expect(chunks.length).toBeLessThan(20);
    const total = chunks.reduce(
      (sum, chunk, i) => sum + SETTINGS_KEYS.siteChunk.key(i).length + JSON.stringify(chunk).length,
      0,
    );
    expect(total).toBeLessThan(102_400 - 8192);
    expect(decodeSiteChunks(chunks)).toEqual({ value: manySites, warnings: [] });
  });

  it('never splits a rule across chunks', () => {
    const chunks = encodeSiteChunks(manySites, 200);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(200);
    expect(decodeSiteChunks(chunks).value).toEqual(manySites);
    expect(CHUNK_CHARS).toBeLessThan(8192);
  });

  it('keeps the valid rules of a damaged or truncated list', () => {
    const [first, second] = encodeSiteChunks({ 'a.test': false, 'b.test': true, 'c.test': false }, 16);
    const truncated = (second ?? '').slice(0, 4);
    const { value, warnings } = decodeSiteChunks([first, 42, `${truncated} %bad -ok.test`]);
    expect(value).toMatchObject({ 'a.test': false, 'ok.test': false });
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('settings file', () => {
  const mine = applyPatch(
    {
      mode: 'only-listed',
      hoverDelayMs: 450,
      highlightBy: 'story',
      toolbarOpens: 'side-panel',
      stories: { 'huawei-spying-claims-2013': { enabled: false }, 'my-story': { colour: '#ddd6fe' } },
    },
    { 'example.com': true, 'localhost:3000': false },
  );

  it('round-trips', () => {
    expect(importSettings(exportSettings(mine))).toEqual({ settings: mine });
  });

  it.each([
    ['not json', 'fileNotJson'],
    ['{"format":"other"}', 'fileNotSettings'],
    ['{"format":"context-lens-settings","version":9,"settings":{}}', 'fileNewer'],
    ['{"format":"context-lens-settings","version":"x","settings":{}}', 'fileUnknownVersion'],
    ['{"format":"context-lens-settings","version":1}', 'fileNoSettings'],
    [' '.repeat(1_000_001), 'fileTooLarge'],
  ])('refuses %j, saying why', (text, code) => {
    expect(importSettings(text)).toEqual({ errors: [{ code }] });
  });

  it('refuses a file with any invalid part, listing each, rather than import half of it', () => {
    const file = JSON.parse(exportSettings(mine));
    file.settings.hoverDelayMs = 5;
    file.settings.sites['not a site'] = true;
    const result = importSettings(JSON.stringify(file));
    expect(result).toEqual({
      errors: [
        { code: 'delayOutOfRange', min: 100, max: 2000 },
        { code: 'sitesDropped', count: 1 },
      ],
    });
  });
});
