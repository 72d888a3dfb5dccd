import type { i18n } from '#i18n';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import { type Catalogue, catalogueWords } from './catalogue-words';

/** The interface's languages: each has a catalogue in locales/. */
export type Language = 'en' | 'zh_CN';

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
export const LOCALES: Record<Language, string> = { en: 'en-GB', zh_CN: 'zh-CN' };

/**
 * One language's words from its catalogue bundled with the code, where the
 * browser's own lookup does not serve: a language the reader chose, or Node
 * (`pack:check`), which has no browser.
 */
export function bundledWords(language: Language): Words {
  return { t: catalogueWords(CATALOGUES[language]) as typeof i18n.t, language, locale: LOCALES[language] };
}
