import { i18n } from '#i18n';
import type { LanguageChoice } from '../engine/settings';
import en from '../locales/en.json';
import zhCN from '../locales/zh_CN.json';
import { type Catalogue, catalogueWords } from './catalogue-words';

/** The interface's languages: each has a catalogue in locales/. */
type Language = 'en' | 'zh_CN';

/**
 * The words of the interface in one language: `t` as @wxt-dev/i18n types it,
 * which language that is, and the locale its dates and numbers are written in.
 */
export interface Words {
  t: typeof i18n.t;
  language: Language;
  locale: string;
}

const CATALOGUES: Record<Language, Catalogue> = { en, zh_CN: zhCN };
/** British English, as the stories are written. */
const LOCALES: Record<Language, string> = { en: 'en-GB', zh_CN: 'zh-CN' };

/**
 * The words for the reader's choice. As the browser: the library's `t`,
 * where the browser picks the catalogue (and the catalogue says which it
 * is). A language chosen in the options: that catalogue, bundled.
 */
export function wordsFor(choice: LanguageChoice): Words {
  let words = known.get(choice);
  if (words === undefined) {
    words = wordsNow(choice);
    known.set(choice, words);
  }
  return words;
}

const known = new Map<LanguageChoice, Words>();

function wordsNow(choice: LanguageChoice): Words {
  if (choice === 'browser') {
    const language = i18n.t('language') === 'zh_CN' ? 'zh_CN' : 'en';
    return { t: i18n.t, language, locale: LOCALES[language] };
  }
  return { t: catalogueWords(CATALOGUES[choice]) as typeof i18n.t, language: choice, locale: LOCALES[choice] };
}
