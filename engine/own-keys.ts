/**
 * Records keyed by ids that come from packs. An id may be any word a pack
 * author chose, "constructor" too, and a plain object already answers to
 * the names it inherits: reading one there gives a function, not nothing.
 */

/** `record[key]` where the record holds that key itself; never what every object inherits. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty record to fill by id: with no prototype, no id reads or overwrites an inherited name. */
export const idRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
