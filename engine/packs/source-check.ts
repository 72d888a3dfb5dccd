import type { StoryPack } from '../../data/schema';
import { ownValue } from '../own-keys';
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

/*
 * Warnings: where a sentence of the pack says more than the paragraph it
 * cites, in two ways that words alone can tell. They are warnings, not
 * problems: `pack:check` lists them and still passes the pack.
 *
 * - A hedge dropped: the paragraph hedges a claim ("might be eased", "some of
 *   the major policies", "about $1.1 trillion", "reportedly"), and the pack's
 *   sentence makes the same claim without any hedge of the same kind.
 * - A past state told as present: the paragraph puts a state in the past
 *   ("had previously been engaged in disputes", "was in dispute", "formerly",
 *   "former head") and the pack's sentence says the same in the present
 *   ("is in dispute", or a relation worded "In dispute with").
 *
 * "The same claim" is decided clause by clause: a hedge (or past marker)
 * governs the words of its clause (split at punctuation) up to 5 content
 * words either side, leaving out the words of the pack's entity names, which
 * many sentences share without making the same claim. A sentence makes that
 * claim when it shares 2 of those words with it, or all of its own (for a
 * short one such as a relation's wording). Relations are checked as the
 * cards read them: "Motorola Solutions" + "In dispute with" + "Huawei".
 */

/** A sentence of the pack that says more than its paragraph, where it is, and why. */
export type SourceWarning =
  | {
      path: string;
      code: 'dropsHedge';
      /** The sentence as a reader sees it. */
      text: string;
      paragraph: string;
      /** The paragraph's hedge: "some", "might", "about $1.1". */
      hedge: string;
    }
  | { path: string; code: 'pastAsPresent'; text: string; paragraph: string; marker: string }
  | {
      path: string;
      code: 'translationDropsHedge';
      /** The translation's text. */
      text: string;
      language: string;
      /** The hedge of the sentence it translates. */
      hedge: string;
    };

/** How far either side of a hedge or past marker its claim runs, in content words (or Chinese characters × 2). */
const SCOPE_WORDS = 5;

/** The kinds of hedge: a sentence keeps a hedge when it has one of the same kind. */
type HedgeKind = 'amount' | 'modal' | 'hearsay';

/** English hedges, each with its kind; `number` ones only hedge when a number follows ("about $1.1 trillion"). */
const EN_HEDGES: ReadonlyMap<string, { kind: HedgeKind; number?: true }> = new Map([
  ['some', { kind: 'amount' }],
  ['about', { kind: 'amount', number: true }],
  ['around', { kind: 'amount', number: true }],
  ['roughly', { kind: 'amount' }],
  ['approximately', { kind: 'amount' }],
  ['nearly', { kind: 'amount' }],
  ['almost', { kind: 'amount' }],
  ['estimated', { kind: 'amount' }],
  ['partly', { kind: 'amount' }],
  ['may', { kind: 'modal' }],
  ['might', { kind: 'modal' }],
  ['could', { kind: 'modal' }],
  ['possibly', { kind: 'modal' }],
  ['perhaps', { kind: 'modal' }],
  ['probably', { kind: 'modal' }],
  ['likely', { kind: 'modal' }],
  ['potential', { kind: 'modal' }],
  ['potentially', { kind: 'modal' }],
  ['hints', { kind: 'modal' }],
  ['reportedly', { kind: 'hearsay' }],
  ['allegedly', { kind: 'hearsay' }],
  ['alleged', { kind: 'hearsay' }],
  ['apparently', { kind: 'hearsay' }],
  ['purportedly', { kind: 'hearsay' }],
  ['supposedly', { kind: 'hearsay' }],
]);

/** Words that, in the pack's sentence, keep a hedge of each kind, besides the hedges themselves. */
const EN_KEEPS: Readonly<Record<HedgeKind, readonly string[]>> = {
  amount: ['part', 'several', 'up'],
  modal: ['possible', 'unlikely', 'hint', 'sign', 'signs', 'whether', 'if', 'would', 'can'],
  hearsay: [
    'said',
    'says',
    'say',
    'claimed',
    'claims',
    'according',
    'reported',
    'accused',
    'accuses',
    'suspected',
    'may',
    'might',
    'could',
  ],
};

/** Chinese hedges by kind; 约, 近 and 左右 only hedge beside a number. */
const ZH_HEDGES: Readonly<Record<HedgeKind, readonly RegExp[]>> = {
  amount: [
    /一些/u,
    /部分/u,
    /某些/u,
    /有些/u,
    /若干/u,
    /大约/u,
    /大概/u,
    /约\s*[\d一二三四五六七八九十百千万两半]/u,
    /近\s*\d/u,
    /\d\S*\s*左右/u,
  ],
  modal: [/可能/u, /或许/u, /也许/u, /或将/u, /有望/u, /潜力/u, /潜在/u, /迹象/u, /是否/u],
  hearsay: [/据报道/u, /据称/u, /据悉/u, /涉嫌/u, /被指/u, /疑似/u, /似乎/u, /声称/u],
};

/** A Chinese sentence keeps a hedge of a kind with one of these besides the hedges themselves. */
const ZH_KEEPS: Readonly<Record<HedgeKind, readonly RegExp[]>> = {
  amount: [],
  modal: [],
  hearsay: [/称/u, /表示/u, /指/u, /可能/u],
};

/** English words that put a state in the past; `was`/`were` only before a state ("was in", "were engaged"). */
const EN_PAST = new Set(['previously', 'formerly', 'former', 'once', 'had']);
const EN_PAST_STATE_AFTER_WAS = new Set(['in', 'under', 'at', 'engaged', 'involved', 'embroiled', 'locked', 'part']);
/** English words that keep a sentence in the past: it is then never read as present. */
const EN_PAST_KEEPS = new Set([
  'had',
  'was',
  'were',
  'once',
  'former',
  'formerly',
  'previously',
  'earlier',
  'ago',
  'past',
  'until',
  'used',
  'longer',
]);
/** English words that state something in the present. */
const EN_PRESENT = new Set([
  'is',
  'are',
  'am',
  'remains',
  'remain',
  'still',
  'now',
  'currently',
  'ongoing',
  'continues',
]);
/** Irregular past forms a relation's wording may use ("Met", "Led"), besides any word in -ed. */
const EN_IRREGULAR_PAST = new Set([
  'met',
  'led',
  'ran',
  'won',
  'lost',
  'fought',
  'made',
  'said',
  'told',
  'sold',
  'bought',
  'paid',
  'held',
  'left',
  'took',
  'gave',
  'became',
  'began',
  'sued',
  'beat',
]);

const ZH_PAST = [/曾经/u, /曾/u, /此前/u, /以前/u, /过去/u, /早前/u, /前任/u];
/** Single chars that keep a past, but not inside the everyday words that hold them (目前, 通过, 为了, 原因). */
const ZH_PAST_KEEPS = [
  ...ZH_PAST,
  /(?<![为除])了(?!解)/u,
  /(?<![通超不经])过/u,
  /已/u,
  /(?<![目提])前(?![景往进沿提])/u,
  /原(?:先|本|来)/u,
];
const ZH_PRESENT = [/正在/u, /目前/u, /仍/u, /现在/u, /如今/u, /存在/u, /处于/u, /是/u, /有/u];

const HAN = /\p{Script=Han}/u;
const isChinese = (text: string) =>
  (text.match(/\p{Script=Han}/gu)?.length ?? 0) * 2 > (text.match(/\p{L}/gu)?.length ?? 0);

/** A paragraph's sentences. */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=\P{Ll})|(?<=[。！？])/u)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** A sentence's clauses: its text cut at punctuation. */
function clauses(sentence: string): string[] {
  return sentence
    .split(/[,;:()\u2013\u2014"“”]|[.!?](?=\s|$)|[，。；：、！？（）“”]/u)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

/** A clause's words as written, apostrophes folded, trailing full stops dropped. */
function tokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}$][\p{L}\p{N}$.’'-]*/gu) ?? []).map((t) => t.replace(/[.’']+$/u, ''));
}

const isNumber = (token: string | undefined) => token !== undefined && /^\$?\d/.test(token);

/** An English token's hedge kind, in its place among `words`, or undefined. */
function enHedgeAt(words: readonly string[], i: number): HedgeKind | undefined {
  const word = words[i] as string;
  // "May" inside a sentence is the month.
  if (word === 'May' && i > 0) return undefined;
  const hedge = EN_HEDGES.get(word.toLowerCase());
  if (hedge === undefined || (hedge.number && !isNumber(words[i + 1]))) return undefined;
  return hedge.kind;
}

/** Whether an English sentence carries a hedge of `kind`. */
function enKeepsHedge(text: string, kind: HedgeKind): boolean {
  const words = tokens(text);
  const keeps = EN_KEEPS[kind];
  return words.some((word, i) => enHedgeAt(words, i) === kind || keeps.includes(word.toLowerCase()));
}

function zhKeepsHedge(text: string, kind: HedgeKind): boolean {
  return [...ZH_HEDGES[kind], ...ZH_KEEPS[kind]].some((pattern) => pattern.test(text));
}

/** The language rules of one check: English words or Chinese character pairs. */
interface Language {
  /** Content units of a text, the pack's names left out. */
  units(text: string): string[];
  /** Hedges in a clause: the hedge as written, its kind, and the units of the clause either side of it. */
  hedges(clause: string): { hedge: string; kind: HedgeKind; scope: Set<string> }[];
  keepsHedge(text: string, kind: HedgeKind): boolean;
  /** Past markers in a clause, with the units either side. */
  pasts(clause: string): { marker: string; scope: Set<string> }[];
  /** Whether a sentence keeps the past; whether it states something in the present. */
  keepsPast(text: string): boolean;
  statesPresent(text: string): boolean;
  /** Whether a relation's wording reads as a present state ("In dispute with", "存在纠纷"). */
  labelPresent(label: string): boolean;
}

/** Words of the pack's entity names, which many sentences share without making the same claim. */
function englishRules(pack: StoryPack): Language {
  const nameWords = new Set(
    pack.entities.flatMap((e) => [e.name, ...e.names, ...e.laterMentions]).flatMap((name) => [...contentWords(name)]),
  );
  const unit = (token: string) => {
    const lower = token.toLowerCase();
    if (FUNCTION_WORDS.has(lower) || EN_HEDGES.has(lower) || EN_PRESENT.has(lower) || EN_PAST_KEEPS.has(lower)) {
      return undefined;
    }
    const stemmed = stem(lower);
    return nameWords.has(stemmed) ? undefined : stemmed;
  };
  const unitsOf = (words: readonly string[]) => words.map(unit).filter((u): u is string => u !== undefined);
  const around = (words: readonly string[], i: number, after = i + 1) =>
    new Set([...unitsOf(words.slice(0, i)).slice(-SCOPE_WORDS), ...unitsOf(words.slice(after)).slice(0, SCOPE_WORDS)]);
  return {
    units: (text) => unitsOf(tokens(text)),
    hedges(clause) {
      const words = tokens(clause);
      return words.flatMap((word, i) => {
        const kind = enHedgeAt(words, i);
        if (kind === undefined) return [];
        const hedge = EN_HEDGES.get(word.toLowerCase())?.number ? `${word} ${words[i + 1]}` : word;
        return [{ hedge, kind, scope: around(words, i) }];
      });
    },
    keepsHedge: enKeepsHedge,
    pasts(clause) {
      const words = tokens(clause);
      return words.flatMap((word, i) => {
        const lower = word.toLowerCase();
        const next = words[i + 1]?.toLowerCase();
        const pastState =
          (lower === 'was' || lower === 'were') && next !== undefined && EN_PAST_STATE_AFTER_WAS.has(next);
        // "once again" and "once more" repeat; they do not put anything in the past.
        const repeat = lower === 'once' && (next === 'again' || next === 'more');
        if (!(EN_PAST.has(lower) || pastState) || repeat) return [];
        // "had previously", "was in": the marker as the paragraph words it.
        const joined = pastState || (next !== undefined && EN_PAST.has(next) && next !== 'once');
        return [{ marker: joined ? `${word} ${words[i + 1]}` : word, scope: around(words, i, joined ? i + 2 : i + 1) }];
      });
    },
    keepsPast: (text) => tokens(text).some((word) => EN_PAST_KEEPS.has(word.toLowerCase())),
    statesPresent: (text) => tokens(text).some((word) => EN_PRESENT.has(word.toLowerCase())),
    labelPresent: (label) =>
      !tokens(label).some((word) => {
        const lower = word.toLowerCase();
        return EN_PAST_KEEPS.has(lower) || EN_IRREGULAR_PAST.has(lower) || /ed$/u.test(lower);
      }),
  };
}

/** Chinese is compared by pairs of characters (and whole Latin words), the pack's names taken out first. */
function chineseRules(pack: StoryPack): Language {
  const names = pack.entities
    .flatMap((e) => [e.name, ...e.names, ...e.laterMentions])
    .sort((a, b) => b.length - a.length);
  // Names, and the words that only mark a time ("存在", "曾"), are not what a sentence claims.
  const markers = [...ZH_PRESENT, ...ZH_PAST_KEEPS].map((pattern) => new RegExp(pattern.source, 'gu'));
  const withoutNames = (text: string) =>
    markers.reduce(
      (t, marker) => t.replace(marker, '|'),
      names.reduce((t, name) => t.split(name).join('|'), text),
    );
  const unitsOf = (text: string): string[] => {
    const units: string[] = [];
    for (const run of withoutNames(text).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
      if (!HAN.test(run)) units.push(run.toLowerCase());
      else for (let i = 0; i + 2 <= run.length; i++) units.push(run.slice(i, i + 2));
    }
    return units;
  };
  const SPAN = SCOPE_WORDS * 2;
  const around = (clause: string, start: number, end: number) =>
    new Set([...unitsOf(clause.slice(Math.max(0, start - SPAN), start)), ...unitsOf(clause.slice(end, end + SPAN))]);
  const found = (clause: string, patterns: readonly RegExp[]) =>
    patterns.flatMap((pattern) => {
      const match = new RegExp(pattern.source, 'gu').exec(clause);
      return match === null ? [] : [{ text: match[0], start: match.index, end: match.index + match[0].length }];
    });
  const any = (text: string, patterns: readonly RegExp[]) => patterns.some((p) => p.test(text));
  return {
    units: unitsOf,
    hedges: (clause) =>
      (Object.keys(ZH_HEDGES) as HedgeKind[])
        .flatMap((kind) => found(clause, ZH_HEDGES[kind]).map((m) => ({ ...m, kind })))
        .sort((a, b) => a.start - b.start)
        .map((m) => ({ hedge: m.text, kind: m.kind, scope: around(clause, m.start, m.end) })),
    keepsHedge: zhKeepsHedge,
    pasts(clause) {
      // In reading order, 曾经 over the 曾 in it, and markers side by side (此前曾) as one.
      const marks = found(clause, ZH_PAST)
        .filter((m, _, all) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end))
        .sort((a, b) => a.start - b.start);
      const joined: { text: string; start: number; end: number }[] = [];
      for (const mark of marks) {
        const last = joined[joined.length - 1];
        if (last !== undefined && last.end === mark.start) {
          joined[joined.length - 1] = { text: last.text + mark.text, start: last.start, end: mark.end };
        } else joined.push(mark);
      }
      return joined.map((m) => ({ marker: m.text, scope: around(clause, m.start, m.end) }));
    },
    keepsPast: (text) => any(text, ZH_PAST_KEEPS),
    statesPresent: (text) => any(text, ZH_PRESENT),
    labelPresent: (label) => !any(label, ZH_PAST_KEEPS),
  };
}

/** Whether a statement's claim words are the clause's: 2 shared, or all of a short statement's. */
function sameClaim(claim: readonly string[], scope: ReadonlySet<string>): boolean {
  const own = new Set(claim);
  let shared = 0;
  for (const unit of own) if (scope.has(unit)) shared++;
  return shared >= 2 || (shared >= 1 && shared === own.size);
}

/** A sentence to check: its path, its text, its cited paragraph, and the words its claim is judged on. */
interface Checked {
  path: string;
  text: string;
  paragraph: string;
  /** The part whose words make the claim: the sentence, or a relation's wording. */
  claim: string;
  /** A relation's wording: it reads as present unless it says otherwise. */
  label?: string;
}

/** Every relation as a card reads it, from either end. */
function relationStatements(pack: StoryPack): Checked[] {
  const names = new Map(pack.entities.map((e) => [e.id, e.name]));
  const types = new Map(pack.relationTypes.map((t) => [t.id, t]));
  return pack.relations.flatMap((relation, i) => {
    const type = types.get(relation.type);
    if (type === undefined) return [];
    const from = names.get(relation.from) ?? relation.from;
    const to = names.get(relation.to) ?? relation.to;
    const path = `$.relations[${i}]`;
    const read = (label: string, text: string): Checked => ({
      path,
      text,
      paragraph: relation.paragraph,
      claim: label,
      label,
    });
    const lower = (label: string) => (/^\p{Lu}\p{Ll}/u.test(label) ? label[0]?.toLowerCase() + label.slice(1) : label);
    return [
      read(type.forward, `${from} ${lower(type.forward)} ${to}`),
      read(type.reverse, `${to} ${lower(type.reverse)} ${from}`),
    ];
  });
}

/** The paragraphs' texts by the pack's ids, where their positions place them in the article. */
function citedTexts(pack: StoryPack, paragraphs: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const paragraph of pack.source.paragraphs) {
    const text = paragraph.position === undefined ? undefined : paragraphs[paragraph.position - 1];
    if (text !== undefined) texts.set(paragraph.id, text);
  }
  return texts;
}

/**
 * Warns of every cited sentence of the pack (and every relation) that drops a
 * hedge of its paragraph or tells a past state of it as present, for a pack
 * in English checked against an English article or a pack in Chinese against
 * a Chinese one; and of every translation into Chinese that drops a hedge of
 * the sentence it translates.
 */
export function sourceWarnings(pack: StoryPack, paragraphs: readonly string[]): SourceWarning[] {
  const warnings: SourceWarning[] = [];
  const chinese = /^zh\b/i.test(pack.language);
  const rules = chinese ? chineseRules(pack) : /^en\b/i.test(pack.language) ? englishRules(pack) : undefined;
  const texts = citedTexts(pack, paragraphs);
  if (rules !== undefined) {
    const statements: Checked[] = [
      ...shownStatements(pack).flatMap((s) =>
        s.paragraph === undefined ? [] : [{ path: s.path, text: s.text, paragraph: s.paragraph, claim: s.text }],
      ),
      ...relationStatements(pack),
    ];
    const warned = new Set<string>();
    for (const statement of statements) {
      const paragraph = texts.get(statement.paragraph);
      if (paragraph === undefined || isChinese(paragraph) !== chinese) continue;
      const claim = rules.units(statement.claim);
      const parts = sentences(paragraph).flatMap((sentence) => clauses(sentence));
      // Hearsay ("reportedly", "据报道，…") hedges its whole sentence; the other hedges their clause.
      const hedges = sentences(paragraph).flatMap((sentence) => {
        const whole = new Set(rules.units(sentence));
        return clauses(sentence).flatMap((clause) =>
          rules.hedges(clause).map((h) => (h.kind === 'hearsay' ? { ...h, scope: whole } : h)),
        );
      });
      const dropped = hedges.filter((h) => !rules.keepsHedge(statement.text, h.kind) && sameClaim(claim, h.scope));
      const hedge = dropped.length === 0 ? undefined : { hedge: [...new Set(dropped.map((h) => h.hedge))].join(', ') };
      if (hedge !== undefined && !warned.has(`hedge ${statement.path}`)) {
        warned.add(`hedge ${statement.path}`);
        warnings.push({
          path: statement.path,
          code: 'dropsHedge',
          text: statement.text,
          paragraph: statement.paragraph,
          hedge: hedge.hedge,
        });
      }
      const present =
        statement.label === undefined
          ? rules.statesPresent(statement.text) && !rules.keepsPast(statement.text)
          : rules.labelPresent(statement.label);
      if (!present || warned.has(`past ${statement.path}`)) continue;
      const past = parts.flatMap((clause) => rules.pasts(clause)).find((p) => sameClaim(claim, p.scope));
      if (past !== undefined) {
        warned.add(`past ${statement.path}`);
        warnings.push({
          path: statement.path,
          code: 'pastAsPresent',
          text: statement.text,
          paragraph: statement.paragraph,
          marker: past.marker,
        });
      }
    }
  }
  if (!chinese) warnings.push(...translationWarnings(pack));
  return warnings;
}

/** The first hedge of an English sentence, with its kind. */
function englishHedge(text: string): { hedge: string; kind: HedgeKind } | undefined {
  const words = tokens(text);
  for (const [i, word] of words.entries()) {
    const kind = enHedgeAt(words, i);
    if (kind !== undefined) return { hedge: word, kind };
  }
  return undefined;
}

/** Each Chinese translation that drops the hedge of the English sentence it translates. */
function translationWarnings(pack: StoryPack): SourceWarning[] {
  if (!/^en\b/i.test(pack.language)) return [];
  const warnings: SourceWarning[] = [];
  for (const [language, t] of Object.entries(pack.translations ?? {})) {
    if (!/^zh\b/i.test(language)) continue;
    const at = `$.translations.${language}`;
    const pairs: [string, string, string | undefined][] = [
      ...pack.source.summary.map((s, i): [string, string, string | undefined] => [
        `${at}.summary[${i}]`,
        s.text,
        t.summary?.[i],
      ]),
      ...pack.phases.map((p): [string, string, string | undefined] => [
        `${at}.phases.${p.id}.description`,
        p.description.text,
        ownValue(t.phases, p.id)?.description,
      ]),
      ...pack.entities.flatMap((e) =>
        e.description.map((s, j): [string, string, string | undefined] => [
          `${at}.entities.${e.id}.description[${j}]`,
          s.text,
          ownValue(t.entities, e.id)?.description?.[j],
        ]),
      ),
      ...pack.facts.map((f): [string, string, string | undefined] => [
        `${at}.facts.${f.id}`,
        f.text,
        ownValue(t.facts, f.id),
      ]),
      ...pack.keyFigures.map((k): [string, string, string | undefined] => [
        `${at}.keyFigures.${k.id}.meaning`,
        k.meaning,
        ownValue(t.keyFigures, k.id)?.meaning,
      ]),
    ];
    for (const [path, english, translated] of pairs) {
      if (translated === undefined) continue;
      const hedge = englishHedge(english);
      if (hedge !== undefined && !zhKeepsHedge(translated, hedge.kind)) {
        warnings.push({ path, code: 'translationDropsHedge', text: translated, language, hedge: hedge.hedge });
      }
    }
  }
  return warnings;
}
