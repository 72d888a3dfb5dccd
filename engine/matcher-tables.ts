import { ENTITY_KINDS, type EntityKind } from '../data/schema';
import { type Links, Matcher, type MatcherTables, TABLE_ARRAYS, type Trie } from './matcher';

/** Classes with a meaning of their own: no name's char, and white space. */
const FIRST_NAME_CLASS = 2;
/** The class of invisible chars, which the automaton steps over. */
const SKIP_CLASS = 0xffff;
/** Roles a pattern may have: name, later form, not-name. */
const ROLES = 3;

/**
 * The matcher the tables were taken from, without compiling anything.
 * Tables that do not hold together (a cache from another version, damaged
 * data) throw an error that names the first array at fault: every index
 * is checked, and every failure link must lead nearer the root, so a
 * restored matcher can neither read out of bounds nor loop.
 */
export function restoreMatcher(tables: MatcherTables): Matcher {
  const { entities, classCount, patternCount, arrays } = tables;
  const fault = (what: string, why: string): never => {
    throw new Error(`The compiled names are damaged: ${what} ${why}.`);
  };
  const { ids, kinds, withLaterForms } = entities;
  if (ids.length !== kinds.length || !ids.every((id) => typeof id === 'string')) {
    fault('entities', 'do not match their kinds');
  }
  if (!kinds.every((kind: EntityKind) => ENTITY_KINDS.includes(kind))) fault('entities', 'have an unknown kind');
  if (!withLaterForms.every((id) => ids.includes(id))) fault('entities with later forms', 'are not among the entities');
  for (const [name, type] of Object.entries(TABLE_ARRAYS)) {
    if (!(arrays[name as keyof MatcherTables['arrays']] instanceof type)) fault(name, `is not a ${type.name}`);
  }
  const { classedCodes, classOfCodes, edgeStart, edgeClass, edgeTarget, terminal, enteredBySpace } = arrays;
  const { patternEntity, patternRole, patternUnits, patternFlags, fail, dictLink, hasOutput, endsFullName } = arrays;
  if (!Number.isInteger(classCount) || classCount < FIRST_NAME_CLASS || classCount >= SKIP_CLASS) {
    fault('the class count', 'is out of range');
  }
  if (classOfCodes.length !== classedCodes.length) fault('classOfCodes', 'does not match classedCodes');
  if (classOfCodes.some((cls) => cls === 0 || (cls >= classCount && cls !== SKIP_CLASS))) {
    fault('classOfCodes', 'holds a class out of range');
  }

  const states = edgeStart.length - 1;
  const edges = states - 1;
  const patterns = patternEntity.length;
  if (states < 1 || edgeStart[0] !== 0 || edgeStart[states] !== edges) fault('edgeStart', 'does not span the edges');
  for (const [name, array, length] of [
    ['edgeClass', edgeClass, edges],
    ['edgeTarget', edgeTarget, edges],
    ['terminal', terminal, states],
    ['enteredBySpace', enteredBySpace, states],
    ['fail', fail, states],
    ['dictLink', dictLink, states],
    ['hasOutput', hasOutput, states],
    ['endsFullName', endsFullName, states],
    ['patternRole', patternRole, patterns],
    ['patternUnits', patternUnits, patterns],
    ['patternFlags', patternFlags, patterns],
  ] as const) {
    if (array.length !== length) fault(name, `has ${array.length} entries, not ${length}`);
  }
  if (!Number.isInteger(patternCount) || patternCount < 0 || patternCount > patterns) {
    fault('the pattern count', 'is out of range');
  }
  for (let p = 0; p < patterns; p++) {
    const entity = patternEntity[p] as number;
    if (entity < 0 || entity >= ids.length) fault('patternEntity', `names no entity at ${p}`);
    if ((patternRole[p] as number) >= ROLES) fault('patternRole', `is out of range at ${p}`);
    if ((patternUnits[p] as number) < 1) fault('patternUnits', `is out of range at ${p}`);
  }

  // Each state is numbered after its parent, so one pass in order gives every state's depth.
  const depth = new Int32Array(states);
  for (let state = 0; state < states; state++) {
    const from = edgeStart[state] as number;
    const to = edgeStart[state + 1] as number;
    if (to < from) fault('edgeStart', `runs backwards at ${state}`);
    for (let e = from; e < to; e++) {
      const target = edgeTarget[e] as number;
      if (target <= state || target >= states) fault('edgeTarget', `leads out of order at ${e}`);
      const cls = edgeClass[e] as number;
      if (cls === 0 || cls >= classCount) fault('edgeClass', `is out of range at ${e}`);
      depth[target] = (depth[state] as number) + 1;
    }
    const end = terminal[state] as number;
    if (end < -1 || end >= patterns) fault('terminal', `names no pattern at ${state}`);
  }
  const nearer = (to: number, state: number) =>
    to >= 0 && to < states && (depth[to] as number) < (depth[state] as number);
  for (let state = 1; state < states; state++) {
    if (!nearer(fail[state] as number, state)) fault('fail', `does not lead nearer the root at ${state}`);
    const link = dictLink[state] as number;
    if (link !== -1 && !(nearer(link, state) && (terminal[link] as number) >= 0)) {
      fault('dictLink', `does not lead to a nearer pattern at ${state}`);
    }
  }
  if (fail[0] !== 0) fault('fail', 'does not keep the root at the root');

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
    enteredBySpace,
    patternEntity,
    patternRole,
    patternUnits,
    patternFlags,
  };
  const links: Links = { fail, dictLink, hasOutput, endsFullName };
  return new Matcher(entities, trie, links);
}
