import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../data/schema';
import { CHINA_PACK } from '../china-pack';
import { ARTICLE_PATH } from '../shared-paths';

const pack = CHINA_PACK;
const lines = readFileSync(ARTICLE_PATH, 'utf8').split('\n');
/** The paragraphs as FACTS.md numbers them: the standfirst, then P1–P5 and P6–P8 around the teaser lines. */
const PARAGRAPHS: Record<string, string> = {
  standfirst: lines[0] as string,
  ...Object.fromEntries([3, 4, 5, 6, 7, 11, 12, 13].map((line, i) => [`P${i + 1}`, lines[line] as string])),
};

/** Words that carry no claim: a statement is checked on the rest. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is are was were be been has have had its it this these ' +
    'that those their them they he his him she her who whose which what when after before than then now once also ' +
    'not no more most about into over up out so such both own other same again one two some there here may might ' +
    'can could would will very just all any each how while where like including'
  ).split(' '),
);

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

/** The share of a statement's content words that a paragraph holds. */
function support(text: string, paragraph: string): number {
  const wanted = contentWords(text);
  const present = contentWords(paragraph);
  let found = 0;
  for (const word of wanted) if (present.has(word)) found++;
  return wanted.size === 0 ? 1 : found / wanted.size;
}

/** Every sentence the cards and the panel show, with where it is shown. */
function shownStatements(): [string, Statement][] {
  return [
    ...pack.source.summary.map((s, i): [string, Statement] => [`summary ${i + 1}`, s]),
    ...pack.phases.map((p): [string, Statement] => [`phase ${p.id}`, p.description]),
    ...pack.entities.flatMap((e) =>
      e.description.map((s, i): [string, Statement] => [`${e.id} description ${i + 1}`, s]),
    ),
    ...pack.facts.map((f): [string, Statement] => [`fact ${f.id}`, { text: f.text, paragraph: f.paragraph }]),
    ...pack.keyFigures.map((k): [string, Statement] => [
      `figure ${k.id}`,
      { text: `${k.value}: ${k.meaning}`, paragraph: k.paragraph },
    ]),
  ];
}

/** At least this share of a cited statement's content words must be in its paragraph. */
const ENOUGH = 0.6;

describe('a card says what the article says', () => {
  const cited = shownStatements().filter(
    (entry): entry is [string, Statement & { paragraph: string }] => 'paragraph' in entry[1],
  );

  it.each(cited)('%s is supported by the paragraph it cites', (_, statement) => {
    const own = support(statement.text, PARAGRAPHS[statement.paragraph] as string);
    expect(own, statement.text).toBeGreaterThanOrEqual(ENOUGH);
    // Strictly better than every other paragraph, so a citation moved anywhere else fails.
    for (const [id, text] of Object.entries(PARAGRAPHS)) {
      if (id !== statement.paragraph)
        expect(support(statement.text, text), `${statement.text} vs ${id}`).toBeLessThan(own);
    }
  });

  it('marks every sentence that cites nothing as background, and has some', () => {
    const uncited = shownStatements().filter(([, s]) => !('paragraph' in s));
    expect(uncited.length).toBeGreaterThan(0);
    for (const [, s] of uncited) expect(s).toEqual({ text: s.text, background: true });
  });

  it('says Jack Ma founded Alibaba, as the article does, and never that he co-founded it or chaired it', () => {
    const all = JSON.stringify(pack).toLowerCase();
    for (const word of ['co-founder', 'chairman', 'zhejiang', 'hong kong', 'port city', 'live-stream', 'smartphone']) {
      expect(all).not.toContain(word);
    }
  });
});
