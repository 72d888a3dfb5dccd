import { i18n } from '#i18n';
import type { LanguageChoice } from '../../engine/settings/settings';
import { bundledWords, LOCALES, type Words } from './bundled-words';

export type { Words } from './bundled-words';

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
  return bundledWords(choice);
}
