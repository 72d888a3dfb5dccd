/**
 * Whether the words around a later form ("Ma", "JD", "360", "Communist
 * Party") make it someone or something else. A later form is short and
 * common, so even after its entity's full name it is a mention only when
 * nothing beside it says otherwise. A wrong highlight costs more than a missed
 * one: where the text is unclear, these rules say no.
 *
 * The rules read a block's text, and the block is the line: blocks end at
 * block elements and at <br>, so nothing here looks past one.
 */

import { isPartOfForeignName } from './name-context';
import { isWordCode } from './word-boundaries';

/** What the rules need to know of a later form. */
export interface LaterForm {
  /** All digits ("360"): amounts, longer numbers and model numbers look the same. */
  numeric: boolean;
  /** The automatic ALL-CAPS copy of a form written otherwise ("MA" of "Ma"). */
  capsCopy: boolean;
  /** A person's form: "of …" after it gives an affiliation, not another body. */
  person: boolean;
}

/** Splits word lists written as lines of words. */
const wordSet = (lines: string[]) => new Set(lines.join(' ').split(' '));

/**
 * Verbs that follow a firm or a person as the subject of a sentence ("360
 * said", "Ma has"), and the conjunctions that join names ("360 and JD").
 * After a bare number nothing else may follow: "360 engineers" and "360
 * days" are counts. Compared in lower case.
 */
const SUBJECT_VERBS = wordSet([
  'is are was were be been has have had will would can could may might must shall should do does did',
  'said says told tells added adds wrote writes asked asks noted notes argued argues declined declines',
  'plans planned announced announces reported reports confirmed confirms denied denies agreed agrees launched',
  'launches released releases rose rises fell falls gained gains dropped drops jumped jumps slid slides',
  'and or but nor',
]);

/**
 * Capitalised words that are not given names even directly before a later
 * form: honorifics and titles ("Mr. Ma", "Secretary Yin"), and the common
 * words a sentence or headline starts with ("When Ma spoke", "Later Yin
 * said"). Compared in lower case.
 */
const NOT_GIVEN_NAMES = wordSet([
  // Honorifics and titles, with their abbreviations.
  'mr mrs ms miss mx dr prof professor sir dame madam lord lady president vice chairman chairwoman chairperson',
  'chair ceo cfo coo cto founder co-founder cofounder billionaire tycoon mogul entrepreneur boss chief executive',
  'director secretary party governor mayor premier minister deputy general senator ambassador spokesman',
  'spokeswoman spokesperson official comrade leader head manager investor gen sen gov sec pres rep hon',
  // Words that open a sentence or a clause.
  'a an the and but or nor so yet for if when while after before since as because although though once until',
  'then later now today yesterday still also even only here there meanwhile however instead indeed thus',
  'in on at by with from to of about under over into onto without between against during through per via',
  'this that these those his her their its our my your we they he she it i you who whom whose which what',
  'why how where both either neither each every some many most all no not',
  ...SUBJECT_VERBS,
]);

/**
 * Words after which a number is a quantity, not a name ("a total of 360",
 * "about 360", "over 360"). Compared in lower case.
 */
const QUANTITY_WORDS = wordSet([
  'of about some nearly almost around roughly approximately over under above below than to from by at per',
  'up down just only exactly total top first last every each no number a an the its their his her our',
  'between within among',
]);

/** The word lists the rules read, for a check that implements the rules again on its own (the corpus sweep). */
export const lookalikeWords = () => ({
  subjectVerbs: [...SUBJECT_VERBS],
  notGivenNames: [...NOT_GIVEN_NAMES],
  quantityWords: [...QUANTITY_WORDS],
});

/** Signs that make the number right after them an amount or a numbered thing ("$360", "¥360", "#360"). */
const AMOUNT_SIGNS = new Set(['$', '¥', '€', '£', '₩', '₹', '#', '№']);

const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** Upper-case Latin letters, ASCII and Latin-1; enough to tell a capitalised word in the pages we read. */
const isCapital = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
const isLower = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;
/** Chars inside a word token: letters, digits, apostrophes, hyphens and inner full stops ("Ying-jeou", "Beijing's", "U.S"). */
const isTokenCode = (code: number) => isWordCode(code) || isApostrophe(code) || code === 0x2d || code === 0x2e;

/** The word after a run of white space that ends at `end`, or null when punctuation or nothing stands there. */
function wordAfter(text: string, end: number): string | null {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === end || i >= text.length || !isWordCode(text.charCodeAt(i))) return null;
  let j = i;
  while (j < text.length && isTokenCode(text.charCodeAt(j))) j++;
  return text.slice(i, j).replace(/[.'’-]+$/u, '');
}

/** The word before a run of white space that starts at `start`, full stop included, or null. */
function wordBefore(text: string, start: number): string | null {
  let i = start;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === start || i === 0 || !isTokenCode(text.charCodeAt(i - 1))) return null;
  let j = i;
  while (j > 0 && isTokenCode(text.charCodeAt(j - 1))) j--;
  return text.slice(j, i);
}

/**
 * Whether a block is a line set in capitals, such as a headline: no
 * lower-case letter at all, and at least two words in capitals. Read once
 * per block, and only when a later form is found in it.
 */
export function isCapitalsLine(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLower(code)) return false;
    const token = isTokenCode(code);
    if (token && !inWord && isCapital(code)) words++;
    inWord = token;
  }
  return words >= 2;
}

/**
 * Whether a neighbouring word is a name of its own: capitalised, and not a
 * title or a common word. On a line in capitals every word is capitalised,
 * so there only the lists decide.
 */
function isAnotherName(word: string, capitalsLine: boolean): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/u, '');
  if (NOT_GIVEN_NAMES.has(lower)) return false;
  return capitalsLine || isCapital(word.charCodeAt(0));
}

/** "Ma Ying-jeou", "Pony Ma", "JD Sports", "Xbox 360", "Cuban Communist Party": part of another capitalised name. */
function isPartOfAnotherName(text: string, start: number, end: number, capitalsLine: boolean): boolean {
  const before = wordBefore(text, start);
  if (before !== null) {
    // A full stop ends a title ("Mr. Ma") or a sentence, which joins nothing to the name; an initial ("J. Ma") is a given name.
    const initial = before.length === 2 && before.endsWith('.') && isCapital(before.charCodeAt(0));
    if (initial || (!before.endsWith('.') && isAnotherName(before, capitalsLine))) return true;
  }
  const after = wordAfter(text, end);
  return after !== null && isAnotherName(after, capitalsLine);
}

/**
 * "$360 million", "1,360", "360.5", "360%", "a total of 360", "360 engineers":
 * a bare number is a quantity unless it stands where a name stands, with
 * punctuation or a subject's verb after it ("360 said", "360, the firm").
 */
function isQuantity(text: string, start: number, end: number): boolean {
  const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
  const prev2 = start > 1 ? text.charCodeAt(start - 2) : 0;
  const next = end < text.length ? text.charCodeAt(end) : 0;
  const next2 = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
  if (AMOUNT_SIGNS.has(text.charAt(start - 1))) return true;
  if ((prev === 0x2c || prev === 0x2e) && isDigit(prev2)) return true;
  if ((next === 0x2c || next === 0x2e) && isDigit(next2)) return true;
  if (next === 0x25 || next === 0xb0 || next === 0x2b) return true;
  const before = wordBefore(text, start);
  if (before !== null && (isDigit(before.charCodeAt(before.length - 1)) || QUANTITY_WORDS.has(before.toLowerCase()))) {
    return true;
  }
  const after = wordAfter(text, end);
  return after !== null && !SUBJECT_VERBS.has(after.toLowerCase());
}

/** "360-degree", "non-360", "JD/MBA", "JD.co.uk": joined to another word, so part of something else. */
function isInCompound(text: string, start: number, end: number): boolean {
  const joins = (code: number) => code === 0x2d || code === 0x2f || code === 0x26 || code === 0x2e;
  const joinedBefore = start > 1 && joins(text.charCodeAt(start - 1)) && isWordCode(text.charCodeAt(start - 2));
  const joinedAfter = end + 1 < text.length && joins(text.charCodeAt(end)) && isWordCode(text.charCodeAt(end + 1));
  return joinedBefore || joinedAfter;
}

/** "Communist Party of Cuba", "Communist Party of the Russian Federation": a qualifier naming another body. */
function isQualifiedAsAnother(text: string, end: number): boolean {
  const rest = text.slice(end, end + 40);
  return /^\s+of\s+(?:the\s+)?[A-Z]/u.test(rest);
}

/**
 * Whether a later form found at `start`–`end` is something else, whatever
 * came before it on the page. `capitalsLine` is `isCapitalsLine(text)`.
 */
export function isLookalike(text: string, start: number, end: number, form: LaterForm, capitalsLine: boolean): boolean {
  if (form.capsCopy && !capitalsLine) return true;
  if (isInCompound(text, start, end) || isPartOfForeignName(text, start, end)) return true;
  if (form.numeric && isQuantity(text, start, end)) return true;
  if (!form.person && isQualifiedAsAnother(text, end)) return true;
  return isPartOfAnotherName(text, start, end, capitalsLine);
}
