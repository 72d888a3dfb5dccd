import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { type Words, wordsFor } from '../platform/words/words';
import { useSettings } from './panel/panel-data';

/** The interface's words; without a page around it (a test), the browser's language. */
const WordsContext = createContext<Words>(wordsFor('browser'));

export const useWords = (): Words => useContext(WordsContext);

/** Gives its children `value` as their words. */
export const WordsProvider = WordsContext.Provider;

/**
 * An extension page in the reader's language, followed live: shown once the
 * setting is read, so a page never flashes in the other language, with its
 * `lang` and its title (`title` picks the title from the words).
 */
export function InReaderLanguage({ title, children }: { title(words: Words): string; children: ComponentChildren }) {
  const [settings] = useSettings();
  const words = settings === null ? null : wordsFor(settings.language);
  useEffect(() => {
    if (words === null) return;
    // So screen readers speak the page, and fonts draw it, in its language.
    document.documentElement.lang = words.locale;
    document.title = title(words);
  }, [words, title]);
  if (words === null) return null;
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

/** Stands for an element inside a message while the words are looked up. */
const SLOT = '\u{F8FF}';

/**
 * A message with an element (a name in bold) where its `{slot}` is: the
 * element goes where the language puts it, which is not always last.
 */
export function Spliced({ message, children }: { message: (slot: string) => string; children: ComponentChildren }) {
  const [before = '', after = ''] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
