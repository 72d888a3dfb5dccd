/**
 * The only globals engine/ and data/ may use, for `tsconfig.engine.json`:
 * those that every place they run (a page, an extension's worker, Node for
 * the tests and the benchmark) has alike. Nothing of the DOM or of extensions.
 */
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
}
declare function setTimeout(run: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
