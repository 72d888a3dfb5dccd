import type { StoryPack } from '../../data/schema';

/**
 * Capitals only, two or three of them: an acronym this short stands for
 * something else in some field (CPC is a cost per click, NSA a 5G mode).
 */
const SHORT_ACRONYM = /^[A-Z]{2,3}$/;

/** A short acronym a pack gives as a name without the words that tell its other senses apart. */
export interface NameWithoutContext {
  /** Where the name is, as a JSON path: `$.entities[3].names[2]`. */
  path: string;
  name: string;
}

/**
 * The short acronyms among the entities' names that have no `notNear`
 * words: on a page about another field they would be marked as the
 * entity. A later form needs none, because its full name must come first.
 */
export function acronymsWithoutContext(pack: StoryPack): NameWithoutContext[] {
  const found: NameWithoutContext[] = [];
  for (const [e, entity] of pack.entities.entries()) {
    if ((entity.notNear ?? []).length > 0) continue;
    for (const [n, name] of entity.names.entries()) {
      if (SHORT_ACRONYM.test(name)) found.push({ path: `$.entities[${e}].names[${n}]`, name });
    }
  }
  return found;
}

/** A short form's phrase: one or two chars in square brackets, with text of the phrase beside them. */
const SHORT_FORM = /^([^[\]]*)\[([^[\]]{1,2})\]([^[\]]*)$/u;

export function isShortForm(form: string): boolean {
  const parts = SHORT_FORM.exec(form);
  return parts !== null && (parts[1] as string).length + (parts[3] as string).length > 0;
}

/** A short form's phrase as pages write it, and where in it the short form is. */
export function shortFormParts(form: string): { phrase: string; start: number; end: number } | null {
  const parts = SHORT_FORM.exec(form);
  if (parts === null) return null;
  const [, before = '', short = ''] = parts;
  return { phrase: form.replace(/[[\]]/g, ''), start: before.length, end: before.length + short.length };
}
