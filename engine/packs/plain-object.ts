/** A JSON object as stored or imported data holds it: its fields still unchecked. */
export type Obj = Record<string, unknown>;

/** Whether a value read from storage or a file is a JSON object: not null, not an array. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A check of one field's value. */
type FieldCheck = (v: unknown) => boolean;

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** One check for each of the fields `keys`. */
export const checkEach = <K extends string>(keys: readonly K[], check: FieldCheck) =>
  Object.fromEntries(keys.map((key) => [key, check])) as Record<K, FieldCheck>;

/**
 * A guard for a stored object of type `T`, from a check of each of its
 * fields: a field of `T` without its check, or a check of a field `T` does
 * not have, fails the type check. Fields beyond `T`'s are let be.
 */
export function shapeGuard<T>(checks: Record<keyof T, FieldCheck>): (v: unknown) => v is T {
  const fields = Object.entries(checks) as [string, FieldCheck][];
  return (v): v is T => isObj(v) && fields.every(([key, check]) => check(v[key]));
}
