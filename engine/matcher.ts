import type { EntityKind } from '../data/schema';

/** What the matcher needs to know of an entity: a subset of the pack's Entity. */
export interface MatchableEntity {
  id: string;
  kind: EntityKind;
  names: readonly string[];
  laterMentions: readonly string[];
  notNames: readonly string[];
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
}

export interface Matcher {
  /**
   * Every mention in `text`, in order, none overlapping. `seenEntities` holds
   * the entities whose full name occurred earlier in the page; it is read to
   * admit later-mention forms ("Ma") and updated with the full names found, so
   * a page passes the same set through its blocks in document order.
   * `turnedAway` collects the entities whose later forms were found but not
   * admitted, so a live page can look again once their full name turns up.
   */
  findMentions(text: string, seenEntities?: Set<string>, turnedAway?: Set<string>): Mention[];
  /**
   * A cheap first test of a whole document's text, in which blocks run
   * together without spaces: fed the text in pieces, in order, it tells
   * whether a full name has occurred so far, word boundaries aside. False
   * at the end means no block of the text can hold a full name.
   */
  fullNameSpotter(): FullNameSpotter;
  readonly patternCount: number;
  /** Entities that have later-mention forms: only their full names decide what later text admits. */
  readonly entitiesWithLaterForms: ReadonlySet<string>;
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

const WHITESPACE = [
  0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
  0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
const INVISIBLE = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
/** Typographic apostrophes read as the straight one, so "China’s" and "China's" are the same name. */
const APOSTROPHES = [0x2019, 0x02bc];

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
  return yield* buildAutomaton(entities, trie);
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
  patternEntity: number[];
  patternRole: Role[];
  patternUnits: number[];
  patternLeftWord: boolean[];
  patternRightWord: boolean[];
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

  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  const seenPatterns = new Set<string>();
  yield;

  const addPattern = (raw: string, entityIndex: number, role: Role) => {
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
  };

  for (const [entityIndex, entity] of entities.entries()) {
    const roles: [readonly string[], Role][] = [
      [entity.names, Role.Name],
      [entity.laterMentions, Role.Later],
      [entity.notNames, Role.Not],
    ];
    for (const [names, role] of roles) {
      for (const name of names) {
        addPattern(name, entityIndex, role);
        // Headlines set names in capitals; lower case stays unmatched on purpose.
        if (!hasCasedLetters(name)) continue;
        const upper = name.toUpperCase();
        if (upper !== name) addPattern(upper, entityIndex, role);
      }
    }
    yield;
  }

  const stateCount = children.length;
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(stateCount - 1);
  const edgeTarget = new Int32Array(stateCount - 1);
  let edge = 0;
  for (let state = 0; state < stateCount; state++) {
    edgeStart[state] = edge;
    for (const [cls, child] of children[state] as Map<number, number>) {
      edgeClass[edge] = cls;
      edgeTarget[edge++] = child;
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
    patternEntity,
    patternRole,
    patternUnits,
    patternLeftWord,
    patternRightWord,
  };
}

function* buildAutomaton(entities: readonly MatchableEntity[], trie: Trie): Generator<void, Matcher> {
  const { classOf, stateCount, edgeStart, edgeClass, edgeTarget } = trie;
  const { patternEntity, patternRole, patternUnits, patternLeftWord, patternRightWord } = trie;
  const C = trie.classCount;
  // The transition table is filled on demand: a page visits few of its
  // states, and building it whole would cost start-up time on every page.
  const UNKNOWN = -1;
  const delta = new Int32Array(stateCount * C).fill(UNKNOWN);
  const fail = new Int32Array(stateCount);
  const outPattern = trie.terminal;
  const dictLink = new Int32Array(stateCount).fill(-1);
  const hasOutput = new Uint8Array(stateCount);
  /** States where a full name ends, itself or through its dictionary links. */
  const endsFullName = new Uint8Array(stateCount);

  const child = (state: number, cls: number): number => {
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      if (edgeClass[e] === cls) return edgeTarget[e] as number;
    }
    return UNKNOWN;
  };
  for (let cls = 0; cls < C; cls++) delta[cls] = Math.max(0, child(0, cls));
  const transition = (state: number, cls: number): number => {
    const cached = delta[state * C + cls] as number;
    if (cached !== UNKNOWN) return cached;
    const own = child(state, cls);
    const next = own !== UNKNOWN ? own : transition(fail[state] as number, cls);
    delta[state * C + cls] = next;
    return next;
  };

  // Breadth first, so a state's failure link is known before its children's.
  const queue: number[] = [...edgeTarget.subarray(edgeStart[0], edgeStart[1])];
  for (let head = 0; head < queue.length; head++) {
    if ((head & 63) === 63) yield;
    const state = queue[head] as number;
    const f = fail[state] as number;
    const fOut = outPattern[f] as number;
    dictLink[state] = fOut >= 0 ? f : (dictLink[f] as number);
    hasOutput[state] = (outPattern[state] as number) >= 0 || (dictLink[state] as number) >= 0 ? 1 : 0;
    const own = outPattern[state] as number;
    const link = dictLink[state] as number;
    endsFullName[state] =
      (own >= 0 && patternRole[own] === Role.Name) || (link >= 0 && endsFullName[link] === 1) ? 1 : 0;
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      fail[edgeTarget[e] as number] = transition(f, edgeClass[e] as number);
      queue.push(edgeTarget[e] as number);
    }
  }

  const startOf = (text: string, end: number, units: number) => {
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
  };

  const findMentions = (text: string, seenEntities: Set<string> = new Set(), turnedAway?: Set<string>): Mention[] => {
    let candidates: number[] | null = null; // flat triples: pattern, start, end
    let state = 0;
    let prevSpace = true;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const cls = classOf[text.charCodeAt(i)] as number;
      if (cls === SKIP) continue;
      if (cls === SPACE) {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      if (cls === OTHER) {
        state = 0;
        continue;
      }
      const next = delta[state * C + cls] as number;
      state = next === UNKNOWN ? transition(state, cls) : next;
      if (hasOutput[state] === 0) continue;
      let t = (outPattern[state] as number) >= 0 ? state : (dictLink[state] as number);
      while (t >= 0) {
        const p = outPattern[t] as number;
        const end = i + 1;
        const start = startOf(text, end, patternUnits[p] as number);
        if ((!patternLeftWord[p] || !isWordBefore(text, start)) && (!patternRightWord[p] || !isWordAt(text, end))) {
          candidates ??= [];
          candidates.push(p, start, end);
        }
        t = dictLink[t] as number;
      }
    }
    if (candidates === null) return [];
    return select(text, candidates, seenEntities, turnedAway);
  };

  const fullNameSpotter = (): FullNameSpotter => {
    // Carried from piece to piece, so a name split between two pieces is still seen.
    let carriedState = 0;
    let carriedSpace = true;
    let spotted = false;
    return (text, from, to) => {
      if (spotted) return true;
      let state = carriedState;
      let prevSpace = carriedSpace;
      for (let i = from; i < to; i++) {
        const cls = classOf[text.charCodeAt(i)] as number;
        if (cls === SKIP) continue;
        if (cls === SPACE) {
          if (prevSpace) continue;
          prevSpace = true;
        } else prevSpace = false;
        if (cls === OTHER) {
          state = 0;
          continue;
        }
        const next = delta[state * C + cls] as number;
        state = next === UNKNOWN ? transition(state, cls) : next;
        if (endsFullName[state] === 1) {
          spotted = true;
          return true;
        }
      }
      carriedState = state;
      carriedSpace = prevSpace;
      return false;
    };
  };

  const select = (text: string, flat: number[], seenEntities: Set<string>, turnedAway?: Set<string>): Mention[] => {
    const order: number[] = [];
    for (let k = 0; k < flat.length; k += 3) order.push(k);
    // Leftmost first; at the same start, longest first.
    order.sort(
      (a, b) => (flat[a + 1] as number) - (flat[b + 1] as number) || (flat[b + 2] as number) - (flat[a + 2] as number),
    );
    const mentions: Mention[] = [];
    let coveredUntil = 0;
    for (const k of order) {
      const p = flat[k] as number;
      const start = flat[k + 1] as number;
      const end = flat[k + 2] as number;
      if (start < coveredUntil) continue;
      const entity = entities[patternEntity[p] as number] as MatchableEntity;
      const role = patternRole[p];
      if (role === Role.Later && !seenEntities.has(entity.id)) {
        turnedAway?.add(entity.id);
        continue;
      }
      coveredUntil = end;
      if (role === Role.Not) continue;
      if (role === Role.Name) seenEntities.add(entity.id);
      mentions.push({
        entityId: entity.id,
        kind: entity.kind,
        start,
        end,
        text: text.slice(start, end),
        later: role === Role.Later,
      });
    }
    return mentions;
  };

  const entitiesWithLaterForms = new Set(entities.filter((e) => e.laterMentions.length > 0).map((e) => e.id));
  return { findMentions, fullNameSpotter, patternCount: patternEntity.length, entitiesWithLaterForms };
}

/**
 * Letters of the cased scripts (Latin with its extensions, IPA, Greek,
 * Cyrillic, Armenian, Georgian, full-width Latin and digits) and combining
 * marks, as code point ranges. A table rather than case mapping or Unicode
 * property regexes: both load ICU data or compile large classes on first use,
 * which costs tens of milliseconds in a page that has not used them yet.
 */
const WORD_RANGES: readonly [number, number][] = [
  [0x00aa, 0x00aa],
  [0x00b5, 0x00b5],
  [0x00ba, 0x00ba],
  [0x00c0, 0x00d6],
  [0x00d8, 0x00f6],
  [0x00f8, 0x02af],
  [0x0300, 0x036f],
  [0x0370, 0x0373],
  [0x0376, 0x0377],
  [0x037b, 0x037d],
  [0x0386, 0x0386],
  [0x0388, 0x03ff],
  [0x0400, 0x0481],
  [0x0483, 0x052f],
  [0x0531, 0x0556],
  [0x0560, 0x0588],
  [0x10a0, 0x10ff],
  [0x1ab0, 0x1aff],
  [0x1c80, 0x1cbf],
  [0x1d00, 0x1fff],
  [0x20d0, 0x20ff],
  [0x2c00, 0x2c7f],
  [0x2d00, 0x2d2f],
  [0x2de0, 0x2dff],
  [0xa640, 0xa69f],
  [0xa720, 0xa7ff],
  [0xab30, 0xab6f],
  [0xfb00, 0xfb06],
  [0xfe20, 0xfe2f],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/**
 * Whether a char continues a word for boundary purposes: ASCII letters,
 * digits and "_", and the letters and marks of WORD_RANGES. Han, kana and
 * other scripts written without spaces are not in it, so a Latin name right
 * next to them still stands alone.
 */
function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f
    );
  }
  let lo = 0;
  let hi = WORD_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WORD_RANGES[mid] as [number, number];
    if (code < from) hi = mid - 1;
    else if (code > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether a name has letters with case, so that its capitals differ from it. */
function hasCasedLetters(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0x80 && isWordCode(code))) {
      return true;
    }
  }
  return false;
}

function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  return isWordCode(text.codePointAt(index) as number);
}

function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  const code = text.charCodeAt(index - 1);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isWordCode(isLowSurrogate && index >= 2 ? (text.codePointAt(index - 2) as number) : code);
}
