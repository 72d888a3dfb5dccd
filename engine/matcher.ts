import type { EntityKind } from '../data/schema';
import { isCapitalsLine, isLookalike, type LaterForm } from './lookalikes';
import { hasCasedLetters, isWordAt, isWordBefore, isWordCode } from './word-boundaries';

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

enum Role {
  Name = 0,
  Later = 1,
  Not = 2,
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
  const steps = compileMatcherInSteps(entities);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same compilation as small steps, for a caller that spreads it over
 * short tasks (a page's main thread): it yields after each entity and every
 * few dozen states, and returns the matcher.
 */
export function* compileMatcherInSteps(entities: readonly MatchableEntity[]): Generator<void, Matcher> {
  const trie = yield* buildTrie(entities);
  const matcher = new Matcher(entities, trie);
  yield* matcher.linkSteps();
  return matcher;
}

/** The names as a trie over char classes, its edges in flat arrays (a state's edges are contiguous). */
interface Trie {
  classOf: Uint16Array;
  classCount: number;
  stateCount: number;
  /** Edges of state s: indices edgeStart[s] to edgeStart[s + 1] of edgeClass and edgeTarget. */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  /** The pattern ending at each state, or -1. */
  terminal: Int32Array;
  /** 1 for the states reached by a space: a second space there is part of the same run. */
  enteredBySpace: Uint8Array;
  patternEntity: number[];
  patternRole: Role[];
  patternUnits: number[];
  patternLeftWord: boolean[];
  patternRightWord: boolean[];
  /** For names: whether the name opens its entity's later forms. */
  patternOpens: boolean[];
  /** For later forms: what the lookalike rules need to know of them. */
  patternForm: (LaterForm | null)[];
}

/**
 * Builds the trie with maps, then flattens it: the matcher keeps only the
 * flat arrays, and the maps go when this returns.
 */
function* buildTrie(entities: readonly MatchableEntity[]): Generator<void, Trie> {
  const classOf = new Uint16Array(0x10000);
  for (const code of WHITESPACE) classOf[code] = SPACE;
  for (const code of INVISIBLE) classOf[code] = SKIP;
  let classCount = 2;
  const foldedCode = (code: number) => (APOSTROPHES.includes(code) ? 0x27 : code);

  const patternEntity: number[] = [];
  const patternRole: Role[] = [];
  const patternUnits: number[] = [];
  const patternLeftWord: boolean[] = [];
  const patternRightWord: boolean[] = [];
  const patternOpens: boolean[] = [];
  const patternForm: (LaterForm | null)[] = [];

  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  const seenPatterns = new Set<string>();
  yield;

  const addPattern = (raw: string, entityIndex: number, role: Role, opens: boolean, form: LaterForm | null) => {
    const units: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const code = foldedCode(raw.charCodeAt(i));
      if (classOf[code] === SKIP) continue;
      if (classOf[code] === SPACE) {
        if (units.length > 0 && units[units.length - 1] !== -1) units.push(-1);
        continue;
      }
      units.push(code);
    }
    while (units[units.length - 1] === -1) units.pop();
    if (units.length === 0) return;
    const key = units.join(',');
    if (seenPatterns.has(key)) return;
    seenPatterns.add(key);

    let state = 0;
    for (const unit of units) {
      let cls: number;
      if (unit === -1) cls = SPACE;
      else {
        if (classOf[unit] === OTHER) {
          classOf[unit] = classCount++;
          if (unit === 0x27) for (const code of APOSTROPHES) classOf[code] = classOf[unit];
        }
        cls = classOf[unit] as number;
      }
      const node = children[state] as Map<number, number>;
      let next = node.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push(-1);
        node.set(cls, next);
      }
      state = next;
    }
    const index = patternEntity.length;
    terminal[state] = index;
    patternEntity.push(entityIndex);
    patternRole.push(role);
    patternUnits.push(units.length);
    patternLeftWord.push(isWordCode(units[0] as number));
    patternRightWord.push(isWordCode(units[units.length - 1] as number));
    patternOpens.push(opens);
    patternForm.push(form);
  };

  for (const [entityIndex, entity] of entities.entries()) {
    // Text joined directly to a name can only precede one that needs no word boundary: a Chinese one.
    const joinable = entity.names.filter((name) => !isWordCode(name.charCodeAt(0)));
    const shields = entity.notAfter.flatMap((before) => joinable.map((name) => before + name));
    const roles: [readonly string[], Role][] = [
      [entity.names, Role.Name],
      [entity.laterMentions, Role.Later],
      [entity.notNames, Role.Not],
      [shields, Role.Not],
    ];
    for (const [names, role] of roles) {
      for (const name of names) {
        const opens = role === Role.Name && entity.opensLaterMentions.includes(name);
        const form = (capsCopy: boolean): LaterForm | null =>
          role === Role.Later ? { numeric: /^[0-9]+$/.test(name), capsCopy, person: entity.kind === 'person' } : null;
        addPattern(name, entityIndex, role, opens, form(false));
        // Headlines set names in capitals; lower case stays unmatched on purpose.
        if (!hasCasedLetters(name)) continue;
        const upper = name.toUpperCase();
        if (upper !== name) addPattern(upper, entityIndex, role, opens, form(true));
      }
    }
    yield;
  }

  const stateCount = children.length;
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(stateCount - 1);
  const edgeTarget = new Int32Array(stateCount - 1);
  const enteredBySpace = new Uint8Array(stateCount);
  let edge = 0;
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state] = edge;
    for (const [cls, child] of children[state] as Map<number, number>) {
      edgeClass[edge] = cls;
      edgeTarget[edge++] = child;
      if (cls === SPACE) enteredBySpace[child] = 1;
    }
  }
  edgeStart[stateCount] = edge;
  return {
    classOf,
    classCount,
    stateCount,
    edgeStart,
    edgeClass,
    edgeTarget,
    terminal: new Int32Array(terminal),
    enteredBySpace,
    patternEntity,
    patternRole,
    patternUnits,
    patternLeftWord,
    patternRightWord,
    patternOpens,
    patternForm,
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
  private readonly patternEntity: number[];
  private readonly patternRole: Role[];
  private readonly patternUnits: number[];
  private readonly patternLeftWord: boolean[];
  private readonly patternRightWord: boolean[];
  private readonly patternOpens: boolean[];
  private readonly patternForm: (LaterForm | null)[];
  /**
   * The transition table, state by class. Filled on demand: a page visits
   * few of its states, and building it whole would cost start-up time on every page.
   */
  private readonly delta: Int32Array;
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

  constructor(
    private readonly entities: readonly MatchableEntity[],
    trie: Trie,
  ) {
    this.classOf = trie.classOf;
    this.classCount = trie.classCount;
    this.edgeStart = trie.edgeStart;
    this.edgeClass = trie.edgeClass;
    this.edgeTarget = trie.edgeTarget;
    this.enteredBySpace = trie.enteredBySpace;
    this.patternEntity = trie.patternEntity;
    this.patternRole = trie.patternRole;
    this.patternUnits = trie.patternUnits;
    this.patternLeftWord = trie.patternLeftWord;
    this.patternRightWord = trie.patternRightWord;
    this.patternOpens = trie.patternOpens;
    this.patternForm = trie.patternForm;
    this.outPattern = trie.terminal;
    const states = trie.stateCount;
    this.delta = new Int32Array(states * trie.classCount).fill(UNKNOWN);
    this.fail = new Int32Array(states);
    this.dictLink = new Int32Array(states).fill(-1);
    this.hasOutput = new Uint8Array(states);
    this.endsFullName = new Uint8Array(states);
    for (let cls = 0; cls < trie.classCount; cls++) this.delta[cls] = Math.max(0, this.child(0, cls));
    this.patternCount = trie.patternEntity.length;
    this.entitiesWithLaterForms = new Set(entities.filter((e) => e.laterMentions.length > 0).map((e) => e.id));
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
        (own >= 0 && this.patternRole[own] === Role.Name) || (link >= 0 && this.endsFullName[link] === 1) ? 1 : 0;
      for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
        fail[edgeTarget[e] as number] = this.transition(f, edgeClass[e] as number);
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
    const { classOf, delta, classCount } = this;
    let at = state;
    for (let i = from; i < to; i++) {
      const cls = classOf[text.charCodeAt(i)] as number;
      if (cls === SKIP) continue;
      const next = delta[at * classCount + cls] as number;
      at = next === UNKNOWN ? this.transition(at, cls) : next;
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
   * what it has seen.
   */
  findMentions(text: string, seen: ReadonlySet<string> = NOTHING): MatchResult {
    const { hasOutput, outPattern, dictLink, patternUnits, patternLeftWord, patternRightWord } = this;
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
        if ((!patternLeftWord[p] || !isWordBefore(text, start)) && (!patternRightWord[p] || !isWordAt(text, end))) {
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
  fullNameSpotter(): FullNameSpotter {
    // Carried from piece to piece, so a name split between two pieces is still seen.
    let carried = 0;
    let spotted = false;
    return (text, from, to) => {
      if (!spotted) {
        spotted = this.readUntil(text, from, to, carried, this.endsFullName) !== NOT_STOPPED;
        carried = this.reached;
      }
      return spotted;
    };
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
    const at = state * this.classCount + cls;
    const cached = this.delta[at] as number;
    if (cached !== UNKNOWN) return cached;
    const own = this.child(state, cls);
    let next: number;
    if (own !== UNKNOWN) next = own;
    // No pattern holds two spaces in a row, so a state reached by a space has no output, and staying there repeats none.
    else if (cls === SPACE && this.enteredBySpace[state] === 1) next = state;
    else next = this.transition(this.fail[state] as number, cls);
    this.delta[at] = next;
    return next;
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
    for (const k of order) {
      const p = flat[k] as number;
      const start = flat[k + 1] as number;
      const end = flat[k + 2] as number;
      if (start < coveredUntil) continue;
      const entity = this.entities[this.patternEntity[p] as number] as MatchableEntity;
      const role = this.patternRole[p];
      const form = this.patternForm[p] as LaterForm | null;
      if (form !== null) {
        capitalsLine ??= isCapitalsLine(text);
        if (isLookalike(text, start, end, form, capitalsLine)) {
          coveredUntil = end;
          continue;
        }
        if (!seen.has(entity.id) && !admitted.has(entity.id)) {
          turnedAway.add(entity.id);
          continue;
        }
      }
      coveredUntil = end;
      if (role === Role.Not) continue;
      const opens = this.patternOpens[p] === true;
      if (opens) admitted.add(entity.id);
      mentions.push({
        entityId: entity.id,
        kind: entity.kind,
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
