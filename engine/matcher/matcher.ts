import type { EntityKind } from '../../data/schema';
import { shortFormParts } from '../packs/short-names';
import { runSteps } from '../steps';
import { isHan, isHanWordEnd } from './han-words';
import { isCapitalsLine, isLookalike, type LaterForm } from './lookalikes';
import {
  beginsHeadline,
  isCountryRun,
  isNearOtherSense,
  isOneCharListItem,
  isPartOfAnotherThing,
  isRunPhrase,
  ZH_RUN_PARTNERS,
} from './name-context';
import { hasCasedLetters, isElementJoin, isWordAt, isWordBefore, isWordCode } from './word-boundaries';

/** What the matcher needs to know of an entity: a subset of the pack's Entity. */
export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  names: readonly string[];
  laterMentions: readonly string[];
  /** The names after which later forms count; the others are mentions but open nothing. */
  opensLaterMentions: readonly string[];
  notNames: readonly string[];
  /** Text that, directly before a name, makes it another body: compiled into shields. */
  notAfter: readonly string[];
  /** Text that, directly after a name, makes it another thing: compiled into shields. */
  notBefore?: readonly string[];
  /** Words that, near an acronym of the entity, show it is used in another sense. */
  notNear?: readonly string[];
  /** One-char short forms inside set phrases, bracketed: 在[京]. */
  shortForms?: readonly string[];
}

export interface Mention {
  entityId: string;
  kind: EntityKind;
  /** UTF-16 offsets into the scanned string, as DOM Ranges use. */
  start: number;
  end: number;
  text: string;
  /** Found by a later-mention form ("Ma"), admitted because the full name came earlier. */
  later: boolean;
  /** A primary full name ("Jack Ma"): later forms of its entity after it count. */
  opens: boolean;
  /** A name of a private story: painted where no page script can see it (engine/matcher/name-finder.ts). */
  private?: true;
}

/** What one text holds. */
export interface MatchResult {
  /** Every mention, in order, none overlapping. */
  mentions: Mention[];
  /** Entities whose primary full name occurs in the text: later text may use their later forms. */
  admitted: ReadonlySet<string>;
  /** Entities whose later forms occur before any full name of theirs: a full name found later may admit them. */
  turnedAway: ReadonlySet<string>;
}

/** Reads `text` from `from` to `to`; true once a full name has occurred in what it has read. */
export type FullNameSpotter = (text: string, from: number, to: number) => boolean;

/**
 * Which full names a spotter looks for: those of the entities `admits`
 * passes. The ids of the others it reads past are added to `passed`.
 */
export interface SpotterFilter {
  admits(entityId: string): boolean;
  passed: Set<string>;
}

enum Role {
  Name = 0,
  Later = 1,
  Not = 2,
  /** A set phrase in which only a short form is marked (在京): a name of its own, but one that yields. */
  Short = 3,
}

/** Class of chars that occur in no pattern: every state goes back to the root. */
const OTHER = 0;
/** All white space, folded into one class; a run of it counts as one space. */
const SPACE = 1;
/** Invisible chars (soft hyphen, zero-width space) that the automaton steps over. */
const SKIP = 0xffff;
/** What the reading loop returns when it read to the end without stopping. */
const NOT_STOPPED = -1;
/** A transition not yet computed: the table is filled on demand. */
const UNKNOWN = -1;
/** A state whose row of the transition table is not allocated yet. */
const NO_ROW = -1;
/**
 * The most the transition table may take, in entries (4 bytes each). Rows
 * are allocated for the states a page reaches; past this, further states'
 * transitions are worked out through the failure links each time instead,
 * which is slower but keeps a page's memory bounded whatever it holds.
 */
const MAX_TABLE_ENTRIES = 1 << 20;
/** Rows the table starts with; it doubles as a page reaches more states. */
const FIRST_ROWS = 64;
/** States flattened between two yields, so compiling many names never blocks a page for long. */
const FLATTEN_STEP = 4096;

/** Bits of a pattern's flags. */
const LEFT_WORD = 1;
const RIGHT_WORD = 2;
/** A name that opens its entity's later forms. */
const OPENS = 4;
/** A later form; the bits below describe it for the lookalike rules. */
const LATER_FORM = 8;
const NUMERIC = 16;
const CAPS_COPY = 32;
const PERSON = 64;
/** An acronym ("CPC", "U.K."): the one kind of name its entity's `notNear` words judge. */
const ACRONYM = 128;

/** Capitals only, two to five, each perhaps with a full stop after it. */
const isAcronym = (name: string) => /^(?:[A-Z]\.?){2,5}$/.test(name);

const WHITESPACE = [
  0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const INVISIBLE = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
/** Typographic apostrophes read as the straight one, so "China’s" and "China's" are the same name. */
const APOSTROPHES = [0x2019, 0x02bc];

const NOTHING: ReadonlySet<string> = new Set();
/** The result of the many texts that name nothing: shared, so they cost no allocation. */
const NO_MATCH: MatchResult = Object.freeze({ mentions: [], admitted: NOTHING, turnedAway: NOTHING });

/**
 * Compiles the entities' names into one Aho-Corasick automaton with a
 * transition table over a compressed alphabet. A scan then costs one table
 * lookup per char, whatever the number of names.
 */
export function compileMatcher(entities: readonly MatchableEntity[]): Matcher {
  return runSteps(compileMatcherInSteps(entities));
}

/**
 * The same compilation as small steps, for a caller that spreads it over
 * short tasks (a page's main thread): it yields after each entity and every
 * few dozen states, and returns the matcher.
 */
export function* compileMatcherInSteps(entities: readonly MatchableEntity[]): Generator<void, Matcher> {
  const trie = yield* buildTrie(entities);
  const matcher = new Matcher(
    {
      ids: entities.map((entity) => entity.id),
      kinds: entities.map((entity) => entity.kind),
      withLaterForms: entities.filter((e) => e.laterMentions.length > 0).map((e) => e.id),
      notNear: notNearOf(entities),
      shortForms: shortFormsOf(entities),
    },
    trie,
  );
  yield* matcher.linkSteps();
  return matcher;
}

/** Each entity's `notNear` words, in lower case, by the entity's index: only those that have some. */
function notNearOf(entities: readonly MatchableEntity[]): [number, string[]][] {
  const found: [number, string[]][] = [];
  for (const [index, entity] of entities.entries()) {
    const words = entity.notNear ?? [];
    if (words.length > 0) found.push([index, words.map((word) => word.toLowerCase())]);
  }
  return found;
}

/**
 * A country's char in lists (、[英]) is its char in runs of countries too
 * (英美, 中英, 英法德), and alone where a headline begins with it (英脫歐):
 * the forms with each partner beside it, and the char alone, join its own.
 */
function withRuns(forms: readonly string[]): string[] {
  const all = new Set(forms);
  for (const form of forms) {
    const parts = /^\u3001\[(.)\]$/u.exec(form);
    if (parts === null) continue;
    const char = parts[1] as string;
    all.add(`[${char}]`);
    for (const partner of ZH_RUN_PARTNERS) {
      if (partner !== char) all.add(`${partner}[${char}]`).add(`[${char}]${partner}`);
    }
  }
  return [...all];
}

/**
 * Each short form's phrase, by the entity whose it is, with where in it the
 * short form is. One phrase may hold two entities' (京津冀: [京] and [津]).
 */
function shortFormsOf(entities: readonly MatchableEntity[]): [number, string, number, number][] {
  const found = new Map<string, [number, string, number, number]>();
  for (const [index, entity] of entities.entries()) {
    for (const form of withRuns(entity.shortForms ?? [])) {
      const parts = shortFormParts(form);
      if (parts === null) continue;
      const key = `${index} ${parts.phrase}`;
      if (!found.has(key)) found.set(key, [index, parts.phrase, parts.start, parts.end]);
    }
  }
  return [...found.values()];
}

/**
 * A name and what a pack writes before or after it, as one text (none where
 * one is Han and the other Latin): a space
 * between two Latin words ("Bank of" and "Beijing"), nothing between Han
 * text or before punctuation (省 and 发改委, "Chinese state" and "-owned").
 */
function joinedOrNone(first: string, second: string): string[] {
  const last = first.charCodeAt(first.length - 1);
  const next = second.charCodeAt(0);
  // Han text never runs on into a Latin word, nor a Latin word into Han: "Chinese state" + 网 is no one's name.
  if ((isHan(last) && isWordCode(next)) || (isWordCode(last) && isHan(next))) return [];
  return [isWordCode(last) && isWordCode(next) ? `${first} ${second}` : first + second];
}

/** Every array a compiled matcher is made of, by name, with its type. */
export const TABLE_ARRAYS = {
  /** The chars that occur in some name (or are space or invisible), and the class of each. */
  classedCodes: Uint16Array,
  classOfCodes: Uint16Array,
  edgeStart: Int32Array,
  edgeClass: Uint16Array,
  edgeTarget: Int32Array,
  terminal: Int32Array,
  enteredBySpace: Uint8Array,
  patternEntity: Int32Array,
  patternRole: Uint8Array,
  patternUnits: Int32Array,
  patternFlags: Uint8Array,
  fail: Int32Array,
  dictLink: Int32Array,
  hasOutput: Uint8Array,
  endsFullName: Uint8Array,
} as const;

type ArrayName = keyof typeof TABLE_ARRAYS;
type TypedArrayOf<T> = T extends Int32ArrayConstructor
  ? Int32Array
  : T extends Uint16ArrayConstructor
    ? Uint16Array
    : Uint8Array;

/** A compiled matcher as plain data: what a cache keeps so that a page need not compile the same names again. */
export interface MatcherTables {
  entities: EntitiesOf;
  classCount: number;
  patternCount: number;
  arrays: { [name in ArrayName]: TypedArrayOf<(typeof TABLE_ARRAYS)[name]> };
}

/** What a matcher keeps of its entities: only what a mention carries. */
export interface EntitiesOf {
  ids: readonly string[];
  kinds: readonly EntityKind[];
  /** Entities that have later-mention forms. */
  withLaterForms: readonly string[];
  /** The `notNear` words (lower case) of the entities that have some, by entity index. */
  notNear: readonly (readonly [number, readonly string[]])[];
  /** Each short form's entity index and phrase, and the start and end of the short form in it. */
  shortForms: readonly (readonly [number, string, number, number])[];
}

/** The Aho-Corasick links, per state. */
export interface Links {
  fail: Int32Array;
  /** The nearest state down the failure links where a pattern ends, or -1. */
  dictLink: Int32Array;
  hasOutput: Uint8Array;
  /** States where a full name ends, itself or through its dictionary links. */
  endsFullName: Uint8Array;
}

/** The names as a trie over char classes, its edges in flat arrays (a state's edges are contiguous). */
export interface Trie {
  classOf: Uint16Array;
  classCount: number;
  stateCount: number;
  /** Distinct patterns: a name two entities give counts once. */
  patternCount: number;
  /** Edges of state s: indices edgeStart[s] to edgeStart[s + 1] of edgeClass and edgeTarget. */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  /** The pattern ending at each state, or -1. */
  terminal: Int32Array;
  /** 1 for the states reached by a space: a second space there is part of the same run. */
  enteredBySpace: Uint8Array;
  /** Per pattern, in typed arrays: they stay out of the page's JS heap, however many names there are. */
  patternEntity: Int32Array;
  patternRole: Uint8Array;
  patternUnits: Int32Array;
  /** Word boundaries, whether a name opens later forms, and what a later form is (the bits above). */
  patternFlags: Uint8Array;
}

/** Stands for a run of white space in a pattern's key: no name holds this char. */
const SPACE_UNIT = 0;

/**
 * Builds the trie straight into flat arrays: each pattern becomes a key of
 * its chars, the keys are sorted, and each one adds the states past the
 * prefix it shares with the key before it. No map per state is made, so
 * compiling twenty thousand names costs a few megabytes, not a hundred.
 * Where two entities give the same key, the first one's pattern is kept.
 */
function* buildTrie(entities: readonly MatchableEntity[]): Generator<void, Trie> {
  const classOf = new Uint16Array(0x10000);
  for (const code of WHITESPACE) classOf[code] = SPACE;
  for (const code of INVISIBLE) classOf[code] = SKIP;
  let classCount = 2;
  const foldedCode = (code: number) => (APOSTROPHES.includes(code) ? 0x27 : code);

  const keys: string[] = [];
  const patternEntity: number[] = [];
  const patternRole: Role[] = [];
  const patternUnits: number[] = [];
  const patternFlags: number[] = [];
  yield;

  const addPattern = (raw: string, entityIndex: number, role: Role, flags: number) => {
    const units: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const code = foldedCode(raw.charCodeAt(i));
      if (classOf[code] === SKIP) continue;
      if (classOf[code] === SPACE) {
        if (units.length > 0 && units[units.length - 1] !== SPACE_UNIT) units.push(SPACE_UNIT);
        continue;
      }
      if (classOf[code] === OTHER) {
        classOf[code] = classCount++;
        if (code === 0x27) for (const apostrophe of APOSTROPHES) classOf[apostrophe] = classOf[code];
      }
      units.push(code);
    }
    while (units[units.length - 1] === SPACE_UNIT) units.pop();
    if (units.length === 0) return;
    keys.push(String.fromCharCode(...units));
    patternEntity.push(entityIndex);
    patternRole.push(role);
    patternUnits.push(units.length);
    patternFlags.push(
      flags |
        (isWordCode(units[0] as number) ? LEFT_WORD : 0) |
        (isWordCode(units[units.length - 1] as number) ? RIGHT_WORD : 0),
    );
  };

  for (const [entityIndex, entity] of entities.entries()) {
    const shields = [
      ...entity.notAfter.flatMap((before) => entity.names.flatMap((name) => joinedOrNone(before, name))),
      ...(entity.notBefore ?? []).flatMap((after) => entity.names.flatMap((name) => joinedOrNone(name, after))),
    ];
    const phrases = withRuns(entity.shortForms ?? []).flatMap((form) => shortFormParts(form)?.phrase ?? []);
    const roles: [readonly string[], Role][] = [
      [entity.names, Role.Name],
      [entity.laterMentions, Role.Later],
      [entity.notNames, Role.Not],
      [shields, Role.Not],
      [phrases, Role.Short],
    ];
    for (const [names, role] of roles) {
      for (const name of names) {
        let flags = role === Role.Name && entity.opensLaterMentions.includes(name) ? OPENS : 0;
        if (role !== Role.Not && isAcronym(name)) flags |= ACRONYM;
        if (role === Role.Later) {
          flags |= LATER_FORM | (/^[0-9]+$/.test(name) ? NUMERIC : 0) | (entity.kind === 'person' ? PERSON : 0);
        }
        addPattern(name, entityIndex, role, flags);
        // Headlines set names in capitals; lower case stays unmatched on purpose.
        if (!hasCasedLetters(name)) continue;
        const upper = name.toUpperCase();
        if (upper !== name) addPattern(upper, entityIndex, role, role === Role.Later ? flags | CAPS_COPY : flags);
      }
    }
    yield;
  }

  // Sorted, a key follows the keys it shares a prefix with; equal keys keep the order they were added in.
  // Sorted bucket by bucket of first char, so that no one step sorts every name.
  const buckets = new Map<number, number[]>();
  for (const [p, key] of keys.entries()) {
    const first = key.charCodeAt(0);
    const bucket = buckets.get(first);
    if (bucket === undefined) buckets.set(first, [p]);
    else bucket.push(p);
  }
  const byKey = (a: number, b: number) => {
    const ka = keys[a] as string;
    const kb = keys[b] as string;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  };
  const order: number[] = [];
  for (const first of [...buckets.keys()].sort((a, b) => a - b)) {
    for (const p of (buckets.get(first) as number[]).sort(byKey)) order.push(p);
    yield;
  }

  let bound = 1;
  for (const key of keys) bound += key.length;
  const edgeParent = new Int32Array(bound);
  const edgeClassOf = new Uint16Array(bound);
  const terminalOf = new Int32Array(bound).fill(-1);
  const path: number[] = [0];
  let stateCount = 1;
  let previous = '';
  let patternCount = 0;
  for (const [n, p] of order.entries()) {
    if (n % FLATTEN_STEP === FLATTEN_STEP - 1) yield;
    const key = keys[p] as string;
    if (key === previous) continue;
    patternCount++;
    let shared = 0;
    const most = Math.min(key.length, previous.length);
    while (shared < most && key.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    path.length = shared + 1;
    for (let k = shared; k < key.length; k++) {
      const code = key.charCodeAt(k);
      const state = stateCount++;
      // A state's number is its incoming edge's: edge s - 1 leads to state s.
      edgeParent[state] = path[k] as number;
      edgeClassOf[state] = code === SPACE_UNIT ? SPACE : (classOf[code] as number);
      path.push(state);
    }
    terminalOf[path[key.length] as number] = p;
    previous = key;
  }
  yield;

  // Each state's edges, contiguous: counted per parent, then placed.
  const edgeStart = new Int32Array(stateCount + 1);
  for (let state = 1; state < stateCount; state++) {
    const slot = (edgeParent[state] as number) + 1;
    edgeStart[slot] = (edgeStart[slot] as number) + 1;
  }
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state + 1] = (edgeStart[state + 1] as number) + (edgeStart[state] as number);
  }
  const placed = edgeStart.slice(0, stateCount);
  const edgeClass = new Uint16Array(stateCount - 1);
  const edgeTarget = new Int32Array(stateCount - 1);
  const enteredBySpace = new Uint8Array(stateCount);
  for (let state = 1; state < stateCount; state++) {
    if (state % FLATTEN_STEP === FLATTEN_STEP - 1) yield;
    const parent = edgeParent[state] as number;
    const at = placed[parent] as number;
    placed[parent] = at + 1;
    edgeClass[at] = edgeClassOf[state] as number;
    edgeTarget[at] = state;
    if (edgeClassOf[state] === SPACE) enteredBySpace[state] = 1;
  }
  return {
    classOf,
    classCount,
    stateCount,
    patternCount,
    edgeStart,
    edgeClass,
    edgeTarget,
    terminal: terminalOf.slice(0, stateCount),
    enteredBySpace,
    patternEntity: new Int32Array(patternEntity),
    patternRole: new Uint8Array(patternRole),
    patternUnits: new Int32Array(patternUnits),
    patternFlags: new Uint8Array(patternFlags),
  };
}

/**
 * The compiled names: the trie's flat arrays, the Aho-Corasick links over
 * them and a transition table filled as texts are read. Both ways of reading
 * a text, finding mentions and spotting full names, go through `readUntil`.
 */
export class Matcher {
  readonly patternCount: number;
  /** Entities that have later-mention forms: only their full names decide what later text admits. */
  readonly entitiesWithLaterForms: ReadonlySet<string>;
  private readonly classOf: Uint16Array;
  private readonly classCount: number;
  private readonly edgeStart: Int32Array;
  private readonly edgeClass: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly enteredBySpace: Uint8Array;
  private readonly patternEntity: Int32Array;
  private readonly patternRole: Uint8Array;
  private readonly patternUnits: Int32Array;
  private readonly patternFlags: Uint8Array;
  /**
   * The transition table: a row of one entry per class for each state a
   * text has reached, filled on demand. A page visits few of the states, and
   * a whole table (states × classes) would cost memory in proportion to
   * every name of every story.
   */
  private delta: Int32Array;
  /** Where each state's row starts in `delta`, or NO_ROW. */
  private readonly rowOf: Int32Array;
  private rows = 0;
  private readonly fail: Int32Array;
  /** The pattern ending at each state, or -1. */
  private readonly outPattern: Int32Array;
  /** The nearest state down the failure links where a pattern ends, or -1. */
  private readonly dictLink: Int32Array;
  private readonly hasOutput: Uint8Array;
  /** States where a full name ends, itself or through its dictionary links. */
  private readonly endsFullName: Uint8Array;
  /** Where the last `readUntil` left the automaton. */
  private reached = 0;
  /**
   * Of each entity, only what a mention carries: its names are compiled
   * into the arrays above, and are not kept, so a page holding many
   * stories keeps none of their strings.
   */
  private readonly entityIds: readonly string[];
  private readonly entityKinds: readonly EntityKind[];
  /** Each entity's `notNear` words, by index; entities without any are absent. */
  private readonly notNear: ReadonlyMap<number, readonly string[]>;
  /** Each short form's phrase, with its table rows: whose short form it holds, and where. */
  private readonly shortForms: ReadonlyMap<string, readonly (readonly [number, string, number, number])[]>;

  /** With `links`, a matcher restored from its tables, which reads at once; without, `linkSteps` must run first. */
  constructor(entities: EntitiesOf, trie: Trie, links?: Links) {
    this.entityIds = entities.ids;
    this.entityKinds = entities.kinds;
    this.notNear = new Map(entities.notNear);
    const phrases = new Map<string, (readonly [number, string, number, number])[]>();
    for (const form of entities.shortForms) {
      const marks = phrases.get(form[1]);
      if (marks === undefined) phrases.set(form[1], [form]);
      else marks.push(form);
    }
    this.shortForms = phrases;
    this.classOf = trie.classOf;
    this.classCount = trie.classCount;
    this.edgeStart = trie.edgeStart;
    this.edgeClass = trie.edgeClass;
    this.edgeTarget = trie.edgeTarget;
    this.enteredBySpace = trie.enteredBySpace;
    this.patternEntity = trie.patternEntity;
    this.patternRole = trie.patternRole;
    this.patternUnits = trie.patternUnits;
    this.patternFlags = trie.patternFlags;
    this.outPattern = trie.terminal;
    const states = trie.stateCount;
    this.rowOf = new Int32Array(states).fill(NO_ROW);
    this.delta = new Int32Array(Math.min(states, FIRST_ROWS) * trie.classCount);
    this.rowFor(0);
    this.fail = links?.fail ?? new Int32Array(states);
    this.dictLink = links?.dictLink ?? new Int32Array(states).fill(-1);
    this.hasOutput = links?.hasOutput ?? new Uint8Array(states);
    this.endsFullName = links?.endsFullName ?? new Uint8Array(states);
    for (let cls = 0; cls < trie.classCount; cls++) this.delta[cls] = this.ownStep(0, cls);
    this.patternCount = trie.patternCount;
    this.entitiesWithLaterForms = new Set(entities.withLaterForms);
  }

  /** The compiled names as plain data, for a cache: `restoreMatcher` makes the same matcher of them without compiling. */
  tables(): MatcherTables {
    const { classOf } = this;
    const codes: number[] = [];
    for (let code = 0; code < classOf.length; code++) if (classOf[code] !== OTHER) codes.push(code);
    const classed = Uint16Array.from(codes);
    return {
      entities: {
        ids: [...this.entityIds],
        kinds: [...this.entityKinds],
        withLaterForms: [...this.entitiesWithLaterForms],
        notNear: [...this.notNear],
        shortForms: [...this.shortForms.values()].flat(),
      },
      classCount: this.classCount,
      patternCount: this.patternCount,
      arrays: {
        classedCodes: classed,
        classOfCodes: classed.map((code) => classOf[code] as number),
        edgeStart: this.edgeStart,
        edgeClass: this.edgeClass,
        edgeTarget: this.edgeTarget,
        terminal: this.outPattern,
        enteredBySpace: this.enteredBySpace,
        patternEntity: this.patternEntity,
        patternRole: this.patternRole,
        patternUnits: this.patternUnits,
        patternFlags: this.patternFlags,
        fail: this.fail,
        dictLink: this.dictLink,
        hasOutput: this.hasOutput,
        endsFullName: this.endsFullName,
      },
    };
  }

  /**
   * Computes the failure and dictionary links in small steps; the matcher
   * reads nothing until they are done. Breadth first, so a state's failure
   * link is known before its children's.
   */
  *linkSteps(): Generator<void> {
    const { edgeStart, edgeClass, edgeTarget, fail, outPattern, dictLink } = this;
    const queue: number[] = [...edgeTarget.subarray(edgeStart[0], edgeStart[1])];
    for (let head = 0; head < queue.length; head++) {
      if ((head & 63) === 63) yield;
      const state = queue[head] as number;
      const f = fail[state] as number;
      const fOut = outPattern[f] as number;
      dictLink[state] = fOut >= 0 ? f : (dictLink[f] as number);
      const own = outPattern[state] as number;
      const link = dictLink[state] as number;
      this.hasOutput[state] = own >= 0 || link >= 0 ? 1 : 0;
      this.endsFullName[state] =
        (own >= 0 && this.namesOnItsOwn(own)) || (link >= 0 && this.endsFullName[link] === 1) ? 1 : 0;
      for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
        fail[edgeTarget[e] as number] = this.linkTarget(f, edgeClass[e] as number);
        queue.push(edgeTarget[e] as number);
      }
    }
  }

  /**
   * The one loop that reads text, for both readers: from `from` to `to`,
   * starting in `state`, it steps the automaton char by char and stops just
   * after the first char that leads to a state `stopAt` marks. Returns the
   * index after that char, or NOT_STOPPED; the state it reached is left in
   * `reached`. Invisible chars are stepped over, and a space after a space
   * stays where the first one led (a run of white space reads as one).
   * The step is written inline, not as a call per char: most pages run this
   * code cold, where a call per char cost a third of the time.
   */
  private readUntil(text: string, from: number, to: number, state: number, stopAt: Uint8Array): number {
    const { classOf, rowOf } = this;
    let { delta } = this;
    let at = state;
    for (let i = from; i < to; i++) {
      const cls = classOf[text.charCodeAt(i)] as number;
      if (cls === SKIP) continue;
      const row = rowOf[at] as number;
      const next = row === NO_ROW ? UNKNOWN : (delta[row + cls] as number);
      if (next === UNKNOWN) {
        at = this.transition(at, cls);
        // Working a transition out may have grown the table.
        delta = this.delta;
      } else at = next;
      if (stopAt[at] === 1) {
        this.reached = at;
        return i + 1;
      }
    }
    this.reached = at;
    return NOT_STOPPED;
  }

  /**
   * Every mention in `text`, with the entities it admits and turns away.
   * `seen` holds the entities whose full name occurred earlier on the page:
   * only they admit later-mention forms ("Ma") from the text's start. A page
   * reads its blocks in document order, adding each result's `admitted` to
   * what it has seen. `elementEdges`, where an element's edge lies between
   * two of the text's nodes, lets a name stand where two elements' texts run
   * on without a space (isElementJoin).
   */
  findMentions(text: string, seen: ReadonlySet<string> = NOTHING, elementEdges: readonly number[] = []): MatchResult {
    const { hasOutput, outPattern, dictLink, patternUnits, patternFlags } = this;
    let candidates: number[] | null = null; // flat triples: pattern, start, end
    let state = 0;
    const n = text.length;
    for (let from = 0; ; ) {
      const end = this.readUntil(text, from, n, state, hasOutput);
      state = this.reached;
      if (end === NOT_STOPPED) break;
      let t = (outPattern[state] as number) >= 0 ? state : (dictLink[state] as number);
      while (t >= 0) {
        const p = outPattern[t] as number;
        const start = this.startOf(text, end, patternUnits[p] as number);
        const flags = patternFlags[p] as number;
        if (
          ((flags & LEFT_WORD) === 0 || !isWordBefore(text, start) || isElementJoin(text, start, elementEdges)) &&
          ((flags & RIGHT_WORD) === 0 || !isWordAt(text, end) || isElementJoin(text, end, elementEdges))
        ) {
          candidates ??= [];
          candidates.push(p, start, end);
        }
        t = dictLink[t] as number;
      }
      from = end;
    }
    return candidates === null ? NO_MATCH : this.select(text, candidates, seen);
  }

  /**
   * A cheap first test of a whole document's text, in which blocks run
   * together without spaces: fed the text in pieces, in order, it tells
   * whether a full name has occurred so far, word boundaries aside. False
   * at the end means no block of the text can hold a full name.
   */
  fullNameSpotter(filter?: SpotterFilter): FullNameSpotter {
    // Carried from piece to piece, so a name split between two pieces is still seen.
    let carried = 0;
    let spotted = false;
    return (text, from, to) => {
      for (let at = from; !spotted; ) {
        const end = this.readUntil(text, at, to, carried, this.endsFullName);
        carried = this.reached;
        if (end === NOT_STOPPED) break;
        spotted = filter === undefined || this.endsAdmittedName(carried, filter);
        at = end;
      }
      return spotted;
    };
  }

  /** Whether a full name `filter` admits ends at `state`; the entities of those it does not, it records as passed. */
  private endsAdmittedName(state: number, filter: SpotterFilter): boolean {
    const { outPattern, dictLink, patternEntity, entityIds } = this;
    let admitted = false;
    for (let t = (outPattern[state] as number) >= 0 ? state : (dictLink[state] as number); t >= 0; ) {
      const p = outPattern[t] as number;
      if (this.namesOnItsOwn(p)) {
        const id = entityIds[patternEntity[p] as number] as string;
        if (filter.admits(id)) admitted = true;
        else filter.passed.add(id);
      }
      t = dictLink[t] as number;
    }
    return admitted;
  }

  /** Whether a pattern names its entity where it stands, with no full name before it: a name or a short form's phrase. */
  private namesOnItsOwn(pattern: number): boolean {
    const role = this.patternRole[pattern];
    return role === Role.Name || role === Role.Short;
  }

  /** The outgoing edge of a trie state for a class, or UNKNOWN. */
  private child(state: number, cls: number): number {
    const { edgeStart, edgeClass, edgeTarget } = this;
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      if (edgeClass[e] === cls) return edgeTarget[e] as number;
    }
    return UNKNOWN;
  }

  private transition(state: number, cls: number): number {
    const row = this.rowFor(state);
    if (row !== NO_ROW) {
      const cached = this.delta[row + cls] as number;
      if (cached !== UNKNOWN) return cached;
    }
    const own = this.ownStep(state, cls);
    const next = own !== UNKNOWN ? own : this.transition(this.fail[state] as number, cls);
    if (row !== NO_ROW) this.delta[row + cls] = next;
    return next;
  }

  /**
   * Where the automaton goes from a state on a class, worked out through
   * the failure links without touching the table: linking needs it for
   * every edge, and caching those would fill the table with rows of states
   * no page may reach.
   */
  private linkTarget(state: number, cls: number): number {
    let at = state;
    for (;;) {
      const own = this.ownStep(at, cls);
      if (own !== UNKNOWN) return own;
      at = this.fail[at] as number;
    }
  }

  /** Where a state leads on a class by itself, or UNKNOWN where its failure link decides. */
  private ownStep(state: number, cls: number): number {
    const own = this.child(state, cls);
    if (own !== UNKNOWN) return own;
    if (state === 0) return 0;
    // No pattern holds two spaces in a row, so a state reached by a space has no output, and staying there repeats none.
    if (cls === SPACE && this.enteredBySpace[state] === 1) return state;
    return UNKNOWN;
  }

  /** The start of a state's row in the table, allocating it on first use; NO_ROW once the table is full. */
  private rowFor(state: number): number {
    const known = this.rowOf[state] as number;
    if (known !== NO_ROW) return known;
    const { classCount } = this;
    const start = this.rows * classCount;
    if (start + classCount > MAX_TABLE_ENTRIES && this.rows > 0) return NO_ROW;
    if (start + classCount > this.delta.length) {
      const grown = new Int32Array(Math.min(Math.max(this.delta.length * 2, start + classCount), MAX_TABLE_ENTRIES));
      grown.set(this.delta);
      this.delta = grown;
    }
    this.delta.fill(UNKNOWN, start, start + classCount);
    this.rowOf[state] = start;
    this.rows++;
    return start;
  }

  /** Where a pattern of `units` chars ending at `end` starts, counting a run of spaces as one and invisible chars as none. */
  private startOf(text: string, end: number, units: number): number {
    const { classOf } = this;
    let j = end;
    let remaining = units;
    let lastWasSpace = false;
    while (remaining > 0 && j > 0) {
      j--;
      const cls = classOf[text.charCodeAt(j)];
      if (cls === SKIP) continue;
      const space = cls === SPACE;
      if (space && lastWasSpace) continue;
      lastWasSpace = space;
      remaining--;
    }
    return j;
  }

  /**
   * Whether a name (not a shield) that starts inside a short form's phrase
   * runs on past its end: 京东 in 在京东, where the phrase yields.
   */
  private runsOnFrom(flat: number[], order: number[], n: number, end: number): boolean {
    for (let m = n + 1; m < order.length; m++) {
      const k = order[m] as number;
      if ((flat[k + 1] as number) >= end) return false;
      const role = this.patternRole[flat[k] as number];
      if ((flat[k + 2] as number) > end && (role === Role.Name || role === Role.Later)) return true;
    }
    return false;
  }

  /** Whether the rules of the entity's kind, or (for an acronym) its `notNear` words, make this name another thing. */
  private isAnotherThing(text: string, start: number, end: number, entityIndex: number, flags: number): boolean {
    if (isPartOfAnotherThing(text, start, end, this.entityKinds[entityIndex] as EntityKind)) return true;
    if ((flags & ACRONYM) === 0) return false;
    const nearWords = this.notNear.get(entityIndex);
    return nearWords !== undefined && isNearOtherSense(text, start, end, nearWords);
  }

  /**
   * Leftmost, then longest, candidates win. A later form counts only where
   * its entity's primary full name came earlier and no lookalike rule makes
   * it someone else; a lookalike covers its text like a not-name.
   */
  private select(text: string, flat: number[], seen: ReadonlySet<string>): MatchResult {
    const order: number[] = [];
    for (let k = 0; k < flat.length; k += 3) order.push(k);
    order.sort(
      (a, b) => (flat[a + 1] as number) - (flat[b + 1] as number) || (flat[b + 2] as number) - (flat[a + 2] as number),
    );
    const mentions: Mention[] = [];
    const admitted = new Set<string>();
    const turnedAway = new Set<string>();
    let coveredUntil = 0;
    let capitalsLine: boolean | undefined;
    for (const [n, k] of order.entries()) {
      const p = flat[k] as number;
      const start = flat[k + 1] as number;
      const end = flat[k + 2] as number;
      if (start < coveredUntil) continue;
      if (this.patternRole[p] === Role.Short) {
        if (this.runsOnFrom(flat, order, n, end)) continue;
        const phrase = text.slice(start, end);
        const marks = this.shortForms.get(phrase) ?? [];
        // 在[英] before 语 is 在英语: another word begins with the short form. It covers nothing, so [京]城 may follow 在.
        if (marks.some((mark) => mark[3] === end - start) && !isHanWordEnd(text, end)) continue;
        // A phrase written with 、 is an item of a list of countries (美、[英]、日): the comma is the next item's too.
        const listItem = phrase.includes('\u3001');
        coveredUntil = listItem && marks.length > 0 ? start + Math.max(...marks.map((mark) => mark[3])) : end;
        for (const [entityIndex, , from, to] of marks) {
          // The rules of its kind judge the phrase as they judge a name: [英]媒 inside 《…》 names a work.
          if (this.isAnotherThing(text, start, end, entityIndex, 0)) continue;
          if (listItem && !isOneCharListItem(text, start + from)) continue;
          if (isRunPhrase(phrase) && !isCountryRun(text, start, end)) continue;
          if (phrase.length === 1 && !beginsHeadline(text, start)) continue;
          mentions.push({
            entityId: this.entityIds[entityIndex] as string,
            kind: this.entityKinds[entityIndex] as EntityKind,
            start: start + from,
            end: start + to,
            text: text.slice(start + from, start + to),
            later: false,
            opens: false,
          });
        }
        continue;
      }
      const entityIndex = this.patternEntity[p] as number;
      const entityId = this.entityIds[entityIndex] as string;
      const role = this.patternRole[p];
      const flags = this.patternFlags[p] as number;
      // Another thing's name, or another sense: it keeps its text from the shorter names inside it.
      if (role !== Role.Not && this.isAnotherThing(text, start, end, entityIndex, flags)) {
        coveredUntil = end;
        continue;
      }
      if ((flags & LATER_FORM) !== 0) {
        capitalsLine ??= isCapitalsLine(text);
        const form: LaterForm = {
          numeric: (flags & NUMERIC) !== 0,
          capsCopy: (flags & CAPS_COPY) !== 0,
          person: (flags & PERSON) !== 0,
        };
        if (isLookalike(text, start, end, form, capitalsLine)) {
          coveredUntil = end;
          continue;
        }
        if (!seen.has(entityId) && !admitted.has(entityId)) {
          turnedAway.add(entityId);
          continue;
        }
      }
      coveredUntil = end;
      if (role === Role.Not) continue;
      const opens = (flags & OPENS) !== 0;
      if (opens) admitted.add(entityId);
      mentions.push({
        entityId,
        kind: this.entityKinds[entityIndex] as EntityKind,
        start,
        end,
        text: text.slice(start, end),
        later: role === Role.Later,
        opens,
      });
    }
    return { mentions, admitted, turnedAway };
  }
}
