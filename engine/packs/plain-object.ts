/** A JSON object as stored or imported data holds it: its fields still unchecked. */
export type Obj = Record<string, unknown>;

/** Whether a value read from storage or a file is a JSON object: not null, not an array. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
