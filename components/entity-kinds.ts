import type { EntityKind } from '../data/schema';
import type { Words } from '../platform/words/words';

/** Each kind's colour in our UI; the colours match the page highlights. */
export const KIND_COLOUR: Record<EntityKind, string> = {
  firm: '#d97706',
  city: '#0d9488',
  country: '#16a34a',
  official: '#db2777',
  person: '#9333ea',
  institution: '#2563eb',
};

/** "Firm", as a label. */
export const kindName = ({ t }: Words, kind: EntityKind): string => t(`kind.${kind}`);

/** "firm", inside a phrase ("Alibaba, firm, 2 of 5"). */
export const kindInPhrase = (words: Words, kind: EntityKind): string =>
  kindName(words, kind).toLocaleLowerCase(words.locale);
