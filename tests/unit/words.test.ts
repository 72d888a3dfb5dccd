import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createI18n } from '@wxt-dev/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Notice } from '../../engine/notices';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import { type Catalogue, catalogueWords } from '../../platform/words/catalogue-words';
import { noticeText, packProblemText } from '../../platform/words/notice-text';
import { wordsFor } from '../../platform/words/words';
import { browserGetMessage } from '../fixtures/browser-language';
import { PROJECT_ROOT } from '../shared-paths';

const CATALOGUES: Record<string, Catalogue> = { en, zh_CN: zhCN };

/** Every message of a catalogue by its dotted key; a plural's forms as an object. */
function messages(catalogue: Catalogue, prefix = ''): Map<string, string | Catalogue> {
  const found = new Map<string, string | Catalogue>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const plural = typeof value === 'object' && Object.keys(value).every((k) => k === 'n' || /^\d+$/.test(k));
    if (typeof value === 'string' || plural) found.set(path, value);
    else for (const [k, v] of messages(value, path)) found.set(k, v);
  }
  return found;
}

/** What a message needs filled in: its named places, and whether it takes a count. */
function needs(message: string | Catalogue) {
  const text = typeof message === 'string' ? message : Object.values(message).join(' | ');
  return {
    named: [...new Set(text.match(/\{[A-Za-z0-9_]+\}/g) ?? [])].sort(),
    plural: typeof message !== 'string',
    counted: /\$1/.test(text) || typeof message !== 'string',
  };
}

/** The source files where the interface's words are asked for, and where the codes they follow are defined. */
function sources(): string {
  const dirs = ['background', 'components', 'entrypoints', 'page', 'platform'];
  const files = dirs.flatMap((dir) =>
    readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => join(dir, file)),
  );
  files.push('wxt.config.ts', 'engine/notices.ts', 'data/schema.ts');
  return files.map((file) => readFileSync(join(PROJECT_ROOT, file), 'utf8')).join('\n');
}

describe('the message catalogues', () => {
  const english = messages(en);

  it.each(Object.keys(CATALOGUES))('%s has every key, each with the same places to fill', (locale) => {
    const translated = messages(CATALOGUES[locale] as Catalogue);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of english) {
      const theirs = translated.get(key) as string | Catalogue;
      expect({ key, ...needs(theirs) }).toEqual({ key, ...needs(message) });
    }
  });

  it('has no key the code never asks for', () => {
    const code = sources();
    // Keys built in the code (`kind.${kind}`, `notice.${notice.code}`): used where the last part is a literal of the code.
    const built = [...code.matchAll(/t\(`([a-zA-Z.]+)\.\$\{/g)].map((match) => match[1] as string);
    const unused = [...english.keys()].filter((key) => {
      if (code.includes(`'${key}'`) || code.includes(`__MSG_${key.replaceAll('.', '_')}__`)) return false;
      const dot = key.lastIndexOf('.');
      return !(built.includes(key.slice(0, dot)) && code.includes(`'${key.slice(dot + 1)}'`));
    });
    expect(unused).toEqual([]);
  });

  it('says which language each catalogue is, and names it in its own words', () => {
    expect(catalogueWords(en)('language')).toBe('en');
    expect(catalogueWords(zhCN)('language')).toBe('zh_CN');
    expect(catalogueWords(zhCN)('languageName')).toBe('简体中文');
  });
});

describe('words in the language the reader chose', () => {
  const original = fakeBrowser.i18n.getMessage;
  afterEach(() => {
    fakeBrowser.i18n.getMessage = original;
  });

  /** Arguments for a message of each shape, as the code passes them. */
  function sampleArgs(message: string | Catalogue): unknown[][] {
    const { named, plural } = needs(message);
    const values = Object.fromEntries(named.map((place) => [place.slice(1, -1), `<${place.slice(1, -1)}>`]));
    const withNamed = named.length > 0 ? [values] : [];
    if (plural) return [0, 1, 2, 25].map((count) => [count, ...withNamed]);
    const text = typeof message === 'string' ? message : '';
    return [[...(/\$1/.test(text) ? [['A']] : []), ...withNamed]];
  }

  it.each(Object.keys(CATALOGUES))(
    'gives, in %s, the very words the library gives when the browser is in that language',
    (locale) => {
      const catalogue = CATALOGUES[locale] as Catalogue;
      fakeBrowser.i18n.getMessage = browserGetMessage(catalogue) as typeof fakeBrowser.i18n.getMessage;
      const library = createI18n().t as (key: string, ...args: unknown[]) => string;
      const ours = catalogueWords(catalogue) as (key: string, ...args: unknown[]) => string;
      for (const [key, message] of messages(catalogue)) {
        for (const args of sampleArgs(message)) {
          expect({ key, args, words: ours(key, ...args) }).toEqual({ key, args, words: library(key, ...args) });
        }
      }
    },
  );

  it('picks plural forms as each language has them', () => {
    const { t } = wordsFor('en');
    expect([0, 1, 2].map((n) => t('mentions.count', n))).toEqual(['0 mentions', '1 mention', '2 mentions']);
    expect(t('shelf.added', 1, { title: 'X' })).toBe('Added “X”: 1 name to look for.');
    const zh = wordsFor('zh_CN').t;
    expect([0, 1, 2].map((n) => zh('mentions.count', n))).toEqual(['0 处提及', '1 处提及', '2 处提及']);
    expect(zh('mentions.placeOnPage', 5, { position: 2 })).toBe('本页共 5 处，这是第 2 处');
  });

  it('follows the browser unless the reader chose, and then writes dates and numbers the language’s way', () => {
    expect(wordsFor('browser')).toMatchObject({ language: 'en', locale: 'en-GB' });
    expect(wordsFor('zh_CN')).toMatchObject({ language: 'zh_CN', locale: 'zh-CN' });
    expect(wordsFor('zh_CN').t('panel.onThisPage')).toBe('本页内容');
    expect(wordsFor('en').t('panel.onThisPage')).toBe('On this page');
  });
});

describe('the engine’s notices, in words', () => {
  /** One notice of every code: the type makes a new code fail here until it has words. */
  const samples: { [C in Notice['code']]: Extract<Notice, { code: C }> } = {
    settingsNotObject: { code: 'settingsNotObject' },
    notTrueOrFalse: { code: 'notTrueOrFalse', field: 'enabled' },
    notOneOf: { code: 'notOneOf', field: 'mode', options: ['everywhere-except', 'only-listed'] },
    kindsInvalid: { code: 'kindsInvalid' },
    delayOutOfRange: { code: 'delayOutOfRange', min: 100, max: 2000 },
    notASetting: { code: 'notASetting', field: 'colour' },
    storiesInvalid: { code: 'storiesInvalid' },
    storyChoiceInvalid: { code: 'storyChoiceInvalid', story: 'Not An Id' },
    storyEnabledInvalid: { code: 'storyEnabledInvalid', story: 'odd' },
    storyColourInvalid: { code: 'storyColourInvalid', story: 'grey', contrast: 7 },
    storyPublicInvalid: { code: 'storyPublicInvalid', story: 'grey' },
    sitesInvalid: { code: 'sitesInvalid' },
    sitesDropped: { code: 'sitesDropped', count: 2 },
    settingsUnreadable: { code: 'settingsUnreadable', error: 'Error: sync is off' },
    settingsDamaged: { code: 'settingsDamaged' },
    settingsNewer: { code: 'settingsNewer', version: 7 },
    siteListSizeDamaged: { code: 'siteListSizeDamaged' },
    siteChunksMissing: { code: 'siteChunksMissing', count: 1 },
    packEntryDamaged: { code: 'packEntryDamaged' },
    packListDamaged: { code: 'packListDamaged' },
    fileTooLarge: { code: 'fileTooLarge' },
    fileNotJson: { code: 'fileNotJson' },
    fileNotSettings: { code: 'fileNotSettings' },
    fileNewer: { code: 'fileNewer' },
    fileUnknownVersion: { code: 'fileUnknownVersion' },
    fileNoSettings: { code: 'fileNoSettings' },
    siteEmpty: { code: 'siteEmpty' },
    siteTooLong: { code: 'siteTooLong' },
    siteNotAName: { code: 'siteNotAName', input: 'exa mple.com' },
    siteNotWeb: { code: 'siteNotWeb' },
    packTooLarge: { code: 'packTooLarge', bytes: 1_234_567, limit: 1_000_000 },
    packsFull: { code: 'packsFull', count: 50 },
    packsTooLarge: { code: 'packsTooLarge', bytes: 8_100_000, limit: 8_000_000 },
    fileUnreadable: { code: 'fileUnreadable', error: 'ENOENT' },
    packNotObject: { code: 'packNotObject' },
    packNotJson: { code: 'packNotJson', error: 'Unexpected end of JSON input' },
    packSchemaNewer: { code: 'packSchemaNewer', version: 3, newest: 2 },
    notAField: { code: 'notAField', part: 'entity' },
    textLength: { code: 'textLength', max: 200 },
    textWhenPresent: { code: 'textWhenPresent' },
    schemaVersion: { code: 'schemaVersion', version: 2 },
    badId: { code: 'badId' },
    badParagraphId: { code: 'badParagraphId' },
    badVersion: { code: 'badVersion' },
    badLanguage: { code: 'badLanguage' },
    badDate: { code: 'badDate' },
    badSourceDate: { code: 'badSourceDate' },
    badColour: { code: 'badColour' },
    badKind: { code: 'badKind', kinds: ['firm', 'city'] },
    notWebAddress: { code: 'notWebAddress' },
    notWhole: { code: 'notWhole' },
    notPositive: { code: 'notPositive' },
    positionOrder: { code: 'positionOrder' },
    notAList: { code: 'notAList' },
    notAnObject: { code: 'notAnObject' },
    tooManyItems: { code: 'tooManyItems', count: 6000, max: 5000 },
    tooFewItems: { code: 'tooFewItems', min: 1 },
    notAnIdList: { code: 'notAnIdList', part: 'fact' },
    usedTwice: { code: 'usedTwice', id: 'crackdown' },
    notAStatement: { code: 'notAStatement' },
    noStatements: { code: 'noStatements' },
    uncited: { code: 'uncited' },
    citedAndBackground: { code: 'citedAndBackground' },
    unknownParagraph: { code: 'unknownParagraph', paragraph: 'P42' },
    notANameList: { code: 'notANameList' },
    tooManyNames: { code: 'tooManyNames', count: 120, max: 100 },
    tooManyNamesInPack: { code: 'tooManyNamesInPack', count: 5400, max: 5000 },
    nameLength: { code: 'nameLength', max: 200 },
    spacesAround: { code: 'spacesAround' },
    nameTooShort: { code: 'nameTooShort', name: '.' },
    nameIsCommonWord: { code: 'nameIsCommonWord', name: 'the' },
    noNames: { code: 'noNames' },
    missingDisplayName: { code: 'missingDisplayName', name: 'Alibaba' },
    notOwnName: { code: 'notOwnName', name: 'Pony Ma' },
    openersForLater: { code: 'openersForLater' },
    nameClaimed: { code: 'nameClaimed', name: 'Alibaba', owner: 'alibaba' },
    badShortForm: { code: 'badShortForm', form: '在京' },
    unknownPhase: { code: 'unknownPhase', id: 'aftermath' },
    unknownEntity: { code: 'unknownEntity', id: 'tencent' },
    unknownFact: { code: 'unknownFact', id: 'no-such-fact' },
    unknownRelationType: { code: 'unknownRelationType', id: 'owns' },
    noFact: { code: 'noFact', id: 'tianjin' },
    selfRelation: { code: 'selfRelation' },
    phaseTwiceInArc: { code: 'phaseTwiceInArc', id: 'crackdown' },
    notATranslationMap: { code: 'notATranslationMap' },
    badTranslationTag: { code: 'badTranslationTag' },
    translatesIntoOwn: { code: 'translatesIntoOwn' },
    notATextMap: { code: 'notATextMap', part: 'phase' },
    unknownId: { code: 'unknownId', part: 'fact', id: 'no-such-fact' },
    notTranslatable: { code: 'notTranslatable', part: 'phase' },
    notASentenceList: { code: 'notASentenceList' },
    sentenceCount: { code: 'sentenceCount', count: 5 },
    positionMissing: { code: 'positionMissing' },
    positionBeyond: { code: 'positionBeyond', position: 99, paragraphs: 40 },
    copiesSource: { code: 'copiesSource', words: 8, copied: 'i think that goes without saying' },
    weakSupport: { code: 'weakSupport', share: 20, paragraph: 'P9', needed: 60 },
  };
  const notices: Notice[] = Object.values(samples);

  it('words every code in both languages, every detail in its place', () => {
    for (const choice of ['en', 'zh_CN'] as const) {
      for (const notice of notices) {
        const text = noticeText(wordsFor(choice), notice);
        expect(text, notice.code).not.toMatch(/^$|\{[A-Za-z0-9_]+\}|\$\d/);
      }
    }
  });

  it('says what went wrong with its details, as a reader reads them', () => {
    const en = wordsFor('en');
    const zh = wordsFor('zh_CN');
    expect(noticeText(en, { code: 'siteNotAName', input: 'exa mple.com' })).toBe('“exa mple.com” is not a site name.');
    expect(noticeText(zh, { code: 'siteNotAName', input: 'exa mple.com' })).toBe('“exa mple.com”不是网站名称。');
    expect(noticeText(en, { code: 'sitesDropped', count: 1 })).toBe('1 site rule was not valid and left out.');
    expect(noticeText(en, { code: 'sitesDropped', count: 3 })).toBe('3 site rules were not valid and left out.');
    expect(noticeText(en, { code: 'packTooLarge', bytes: 1_234_567, limit: 1_000_000 })).toBe(
      'The file is 1.2 MB; a story pack may be at most 1 MB.',
    );
    expect(noticeText(zh, { code: 'delayOutOfRange', min: 100, max: 2000 })).toBe(
      '“hoverDelayMs”不是 100 到 2000 之间的整数。',
    );
    const migrated = { path: '$.entities[0].kind', notice: samples.badKind, migratedFrom: 1 };
    expect(packProblemText(en, migrated)).toBe(
      '$.entities[0].kind: must be one of firm, city (in the pack as migrated from schema version 1)',
    );
    expect(packProblemText(zh, migrated)).toBe(
      '$.entities[0].kind: 必须是以下之一：firm，city（在从第 1 版格式迁移后的包中）',
    );
    expect(packProblemText(zh, { path: '$', notice: samples.packNotObject })).toBe('报道包必须是一个 JSON 对象。');
  });
});
