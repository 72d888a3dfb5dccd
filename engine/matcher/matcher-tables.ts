import { ENTITY_KINDS, type EntityKind } from '../../data/schema';
import { type Links, Matcher, type MatcherTables, TABLE_ARRAYS, type Trie } from './matcher';

/** Classes with a meaning of their own: no name's char, and white space. */
const FIRST_NAME_CLASS = 2;
/** The class of invisible chars, which the automaton steps over. */
const SKIP_CLASS = 0xffff;
/** Roles a pattern may have: name, later form, not-name, short form's phrase. */
const ROLES = 4;

type ArrayType = (typeof TABLE_ARRAYS)[keyof typeof TABLE_ARRAYS];

/** Throws, naming what is damaged and where, unless `ok`. */
export function check(ok: boolean, what: string, at?: number): void {
  if (!ok) throw new Error(`The compiled names are damaged: ${what}${at === undefined ? '' : ` at ${at}`}.`);
}

function mostCommon(counts: number[]): number {
  const times = (n: number) => counts.filter((m) => m === n).length;
  return counts.reduce((best, n) => (times(n) > times(best) ? n : best));
}

/**
 * The matcher the tables were taken from, without compiling anything.
 * Tables that do not hold together (a cache from another version, damaged
 * data) throw an error that names the first array at fault: every index
 * is checked, and every failure link must lead nearer the root, so a
 * restored matcher can neither read out of bounds nor loop.
 */
export function restoreMatcher(tables: MatcherTables): Matcher {
  const { entities, classCount, patternCount, arrays } = tables;
  const { ids, kinds, withLaterForms, notNear, shortForms } = entities;
  const { classedCodes, classOfCodes, edgeStart, edgeClass, edgeTarget, terminal } = arrays;
  const { patternEntity, patternRole, patternUnits, fail, dictLink } = arrays;
  // The count most arrays agree on, so that a damaged one is the one named.
  const states = mostCommon([
    edgeStart.length - 1,
    edgeTarget.length + 1,
    terminal.length,
    fail.length,
    dictLink.length,
  ]);
  const patterns = mostCommon([patternEntity.length, patternRole.length, patternUnits.length]);
  // Each array's length, by what it is indexed by.
  const lengths: Record<keyof MatcherTables['arrays'], number> = {
    classedCodes: classOfCodes.length,
    classOfCodes: classedCodes.length,
    edgeStart: states + 1,
    edgeClass: states - 1,
    edgeTarget: states - 1,
    terminal: states,
    enteredBySpace: states,
    patternEntity: patterns,
    patternRole: patterns,
    patternUnits: patterns,
    patternFlags: patterns,
    fail: states,
    dictLink: states,
    hasOutput: states,
    endsFullName: states,
  };
  check(ids.length === kinds.length && kinds.every((kind: EntityKind) => ENTITY_KINDS.includes(kind)), 'the entities');
  check(
    withLaterForms.every((id) => ids.includes(id)),
    'the entities with later forms',
  );
  check(
    Array.isArray(notNear) &&
      notNear.every(
        (pair) =>
          Array.isArray(pair) &&
          Number.isInteger(pair[0]) &&
          pair[0] >= 0 &&
          pair[0] < ids.length &&
          Array.isArray(pair[1]) &&
          pair[1].every((word) => typeof word === 'string' && word.length > 0),
      ),
    'the words near names',
  );
  check(
    Array.isArray(shortForms) &&
      shortForms.every(
        (form) =>
          Array.isArray(form) &&
          Number.isInteger(form[0]) &&
          form[0] >= 0 &&
          form[0] < ids.length &&
          typeof form[1] === 'string' &&
          Number.isInteger(form[2]) &&
          Number.isInteger(form[3]) &&
          form[2] >= 0 &&
          form[2] < form[3] &&
          form[3] <= form[1].length,
      ),
    'the short forms',
  );
  for (const [name, type] of Object.entries(TABLE_ARRAYS) as [keyof MatcherTables['arrays'], ArrayType][]) {
    check(arrays[name] instanceof type && arrays[name].length === lengths[name], name);
  }
  check(Number.isInteger(classCount) && classCount >= FIRST_NAME_CLASS && classCount < SKIP_CLASS, 'the class count');
  check(Number.isInteger(patternCount) && patternCount >= 0 && patternCount <= patterns, 'the pattern count');
  for (const [i, cls] of classOfCodes.entries())
    check(cls > 0 && (cls < classCount || cls === SKIP_CLASS), 'classOfCodes', i);
  check(states > 0 && edgeStart[0] === 0 && edgeStart[states] === states - 1, 'edgeStart');
  for (let p = 0; p < patterns; p++) {
    const entity = patternEntity[p] as number;
    check(entity >= 0 && entity < ids.length, 'patternEntity', p);
    check((patternRole[p] as number) < ROLES && (patternUnits[p] as number) > 0, 'patternRole or patternUnits', p);
  }
  // Each state is numbered after its parent, so one pass in order gives every state's depth.
  const depth = new Int32Array(states);
  for (let state = 0; state < states; state++) {
    const from = edgeStart[state] as number;
    const to = edgeStart[state + 1] as number;
    check(from <= to, 'edgeStart', state);
    for (let e = from; e < to; e++) {
      const target = edgeTarget[e] as number;
      const cls = edgeClass[e] as number;
      check(target > state && target < states && cls > 0 && cls < classCount, 'edgeTarget or edgeClass', e);
      depth[target] = (depth[state] as number) + 1;
    }
    const end = terminal[state] as number;
    check(end >= -1 && end < patterns, 'terminal', state);
  }
  // Links that lead nearer the root end every walk down them: a damaged one could loop for ever.
  const nearer = (to: number, state: number) =>
    to >= 0 && to < states && (depth[to] as number) < (depth[state] as number);
  check(fail[0] === 0, 'fail', 0);
  for (let state = 1; state < states; state++) {
    check(nearer(fail[state] as number, state), 'fail', state);
    const link = dictLink[state] as number;
    check(link === -1 || (nearer(link, state) && (terminal[link] as number) >= 0), 'dictLink', state);
  }

  const classOf = new Uint16Array(0x10000);
  classedCodes.forEach((code, i) => {
    classOf[code] = classOfCodes[i] as number;
  });
  const trie: Trie = {
    classOf,
    classCount,
    stateCount: states,
    patternCount,
    edgeStart,
    edgeClass,
    edgeTarget,
    terminal,
    enteredBySpace: arrays.enteredBySpace,
    patternEntity,
    patternRole,
    patternUnits,
    patternFlags: arrays.patternFlags,
  };
  const links: Links = { fail, dictLink, hasOutput: arrays.hasOutput, endsFullName: arrays.endsFullName };
  return new Matcher(entities, trie, links);
}
