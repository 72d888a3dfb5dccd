import type { StoryPack } from '../../data/schema';
import type { PackProblem } from './story-pack';

/** A run of this many words found in the article counts as copied. */
const COPIED_RUN_WORDS = 8;
/** At least this share of a cited sentence's content words must be in the paragraph it cites. */
export const ENOUGH_SUPPORT = 0.6;

/** Words that carry no claim: a statement is compared on the rest. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been has have had its it this these ' +
    'that those their them they he his him she her who whose which what when after before than then now once also ' +
    'not no more most about into over up out so such both own other same again one two some there here may might ' +
    'can could would will very just all any each how while where like including'
  ).split(' '),
);

/** Lower-cased words with apostrophes and punctuation dropped, as the copy rule compares them. */
function runWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every run of `COPIED_RUN_WORDS` words in the texts, joined by single spaces. */
export function wordRuns(texts: readonly string[]): Set<string> {
  const runs = new Set<string>();
  for (const text of texts) {
    const words = runWords(text);
    for (let i = 0; i + COPIED_RUN_WORDS <= words.length; i++) {
      runs.add(words.slice(i, i + COPIED_RUN_WORDS).join(' '));
    }
  }
  return runs;
}

/** The runs of `text` that are in `runs`: what it copies. */
export function copiedRuns(text: string, runs: ReadonlySet<string>): string[] {
  const words = runWords(text);
  const copied: string[] = [];
  for (let i = 0; i + COPIED_RUN_WORDS <= words.length; i++) {
    const run = words.slice(i, i + COPIED_RUN_WORDS).join(' ');
    if (runs.has(run)) copied.push(run);
  }
  return copied;
}

/**
 * A word cut to what its inflections share: "contracted" and "contraction",
 * "deals" and "deal" compare equal. Crude on purpose: it only has to tell
 * the cited paragraph from the others.
 */
function stem(word: string): string {
  const bare = word.replace(/(’s|'s)$/u, '');
  return bare.length > 6 ? bare.slice(0, 6) : bare.replace(/s$/u, '');
}

function contentWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}’'.$]+/u)
    .map((w) => w.replace(/^[.’']+|[.’']+$/gu, ''))
    .filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
  return new Set(words.map(stem));
}

/** The share of a statement's content words that a paragraph holds, from 0 to 1. */
export function support(text: string, paragraph: string): number {
  const wanted = contentWords(text);
  const present = contentWords(paragraph);
  let found = 0;
  for (const word of wanted) if (present.has(word)) found++;
  return wanted.size === 0 ? 1 : found / wanted.size;
}

/** A sentence a reader is shown, where it is in the pack, and the paragraph it cites (if it cites one). */
export interface ShownStatement {
  path: string;
  text: string;
  paragraph?: string;
}

/** Every sentence the cards and the panel show, cited or background. */
export function shownStatements(pack: StoryPack): ShownStatement[] {
  const statement = (path: string, s: { text: string; paragraph?: string }): ShownStatement =>
    s.paragraph === undefined ? { path, text: s.text } : { path, text: s.text, paragraph: s.paragraph };
  return [
    ...pack.source.summary.map((s, i) => statement(`$.source.summary[${i}]`, s)),
    ...pack.phases.map((p, i) => statement(`$.phases[${i}].description`, p.description)),
    ...pack.entities.flatMap((e, i) => e.description.map((s, j) => statement(`$.entities[${i}].description[${j}]`, s))),
    ...pack.facts.map((f, i) => statement(`$.facts[${i}]`, f)),
    ...pack.keyFigures.map((k, i) =>
      statement(`$.keyFigures[${i}]`, { text: `${k.value}: ${k.meaning}`, paragraph: k.paragraph }),
    ),
  ];
}

/** Every string in a value, with its JSON path. */
function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}[${i}]`);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, `${path}.${key}`);
  }
}

/** The source's title is quoted on purpose, as the citation of the article; the rest is the pack's own words. */
const QUOTED = new Set(['$.source.title', '$.source.url', '$.$schema']);

/**
 * Checks a valid pack against the article it was written from, given as its
 * paragraphs in order: every paragraph the pack lists is placed in the
 * article, no run of 8 words is copied from it, and, for a pack in English,
 * each cited sentence shares most of its content words with its paragraph.
 */
export function checkAgainstSource(pack: StoryPack, paragraphs: readonly string[]): PackProblem[] {
  const problems: PackProblem[] = [];
  const textOf = new Map<string, string>();
  for (const [i, paragraph] of pack.source.paragraphs.entries()) {
    const path = `$.source.paragraphs[${i}].position`;
    if (paragraph.position === undefined) {
      problems.push({ path, notice: { code: 'positionMissing' } });
    } else if (paragraph.position > paragraphs.length) {
      problems.push({
        path,
        notice: { code: 'positionBeyond', position: paragraph.position, paragraphs: paragraphs.length },
      });
    } else {
      textOf.set(paragraph.id, paragraphs[paragraph.position - 1] as string);
    }
  }

  const runs = wordRuns(paragraphs);
  for (const [path, text] of stringsIn(pack, '$')) {
    if (QUOTED.has(path)) continue;
    const copied = copiedRuns(text, runs);
    if (copied.length > 0) {
      problems.push({ path, notice: { code: 'copiesSource', words: COPIED_RUN_WORDS, copied: copied[0] as string } });
    }
  }

  if (/^en\b/i.test(pack.language)) {
    for (const statement of shownStatements(pack)) {
      const cited = statement.paragraph === undefined ? undefined : textOf.get(statement.paragraph);
      if (cited === undefined) continue;
      const share = support(statement.text, cited);
      if (share < ENOUGH_SUPPORT) {
        problems.push({
          path: statement.path,
          notice: {
            code: 'weakSupport',
            share: Math.round(share * 100),
            paragraph: statement.paragraph as string,
            needed: ENOUGH_SUPPORT * 100,
          },
        });
      }
    }
  }
  return problems;
}
