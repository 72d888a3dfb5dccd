/**
 * The layers of Context Lens, checked by dependency-cruiser in `npm test` (`npm run lint:layers`).
 * Data flows one way: page text → engine → highlights → UI. docs/architecture.md draws these rules.
 * `allowed` names, for every folder, the folders it may import; anything else fails. The `forbidden`
 * rules below say the most important of those limits again, each with the reason a reader will want.
 * Globals are the other half of a layer: `tsconfig.engine.json` type-checks engine/ and data/ without the
 * DOM's or the extensions' types, so a `document` or `browser` there fails `npm run typecheck`.
 */

/** Everything that runs in a browser or builds for one: the layers below may not reach into it. */
const BROWSER_SIDE = '^(page|components|platform|background|entrypoints|modules)/';

/** Packages from npm and Node's built-ins: `forbidden` keeps them out of engine/ and data/, and the build's out of the runtime. */
const PACKAGES = {
  dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
};

/** What each folder may import besides packages; a folder always imports its own files. */
const MAY_IMPORT = {
  data: ['data', 'engine'],
  engine: ['engine', 'data'],
  platform: ['platform', 'engine', 'data', 'locales'],
  page: ['page', 'engine', 'data', 'platform', 'entrypoints/content/highlights\\.css'],
  // The card's module paints private stories' mentions with the highlights' own styles.
  components: [
    'components',
    'engine',
    'data',
    'platform',
    'page/hover/card-view\\.ts$',
    'entrypoints/content/highlights\\.css',
  ],
  background: ['background', 'engine', 'data', 'platform'],
  entrypoints: ['entrypoints', 'page', 'components', 'background', 'platform', 'engine', 'data'],
  // The build reads the lazily loaded modules' file names, and writes the packs' generated forms.
  modules: ['modules', 'page', 'tools/scripts'],
  // Outside the build: the bench, the scripts and the demo measure and drive everything,
  // and share the tests' data: the bundled stories, the labelled mentions, where ../shared is.
  tools: ['tools', 'engine', 'data', 'page', 'platform', 'components', 'tests'],
  tests: [
    'tests',
    'tools',
    'engine',
    'data',
    'page',
    'platform',
    'components',
    'background',
    'entrypoints',
    'locales',
    'wxt\\.config\\.ts$',
  ],
};

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  allowed: [
    ...Object.entries(MAY_IMPORT).map(([folder, targets]) => ({
      from: { path: `^${folder}/` },
      to: { path: `^(${targets.join('|')})(/|$)` },
    })),
    {
      from: { path: '^(data|engine|platform|page|components|background|entrypoints|modules|tools|tests)/' },
      to: PACKAGES,
    },
    // WXT's i18n module writes #i18n into .wxt/ at `wxt prepare`.
    { from: { path: '^platform/' }, to: { path: '^#i18n$' } },
    // The configuration files at the top assemble the build and the test runners from any folder.
    { from: { path: '^[^/]+\\.(ts|mjs|cjs)$' }, to: {} },
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'engine-stays-pure',
      comment:
        'engine/ and data/ are plain TypeScript, tested and benchmarked in Node: they import nothing of the browser side.',
      severity: 'error',
      from: { path: '^(engine|data)/' },
      to: { path: BROWSER_SIDE },
    },
    {
      name: 'engine-uses-no-browser-library',
      comment: 'engine/ and data/ use no extension API, UI library or Node built-in: they run anywhere.',
      severity: 'error',
      from: { path: '^(engine|data)/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: '^node_modules/(fuse\\.js|@dagrejs)/',
      },
    },
    {
      name: 'page-never-imports-components',
      comment:
        'page/ reads the DOM and paints highlights; the card (Preact) reaches the page only through its lazily loaded module, which page/ knows by its file name and its contract in page/hover/card-view.ts.',
      severity: 'error',
      from: { path: '^page/' },
      to: { path: '^components/' },
    },
    {
      name: 'components-never-import-page',
      comment:
        'components/ render what they are given. The one thing they take from page/ is the card contract, as types: a type-only import of page/hover/card-view.ts, which adds no code.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^page/', pathNot: '^page/hover/card-view\\.ts$' },
    },
    {
      name: 'components-take-only-the-card-contract',
      comment: 'The exception above holds for types only: the contract adds no code of the page side to the card.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^page/hover/card-view\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-stays-in-the-background',
      comment:
        "The background's code runs in the service worker; pages, panels and the content script talk to it by messages.",
      severity: 'error',
      from: { pathNot: '^(background|entrypoints/background\\.ts$|wxt\\.config\\.ts$|tests/)' },
      to: { path: '^background/' },
    },
    {
      name: 'platform-reads-only-the-engine',
      comment:
        'platform/ (storage, words, messaging) is shared by every browser-side part; it knows nothing of pages or UI.',
      severity: 'error',
      from: { path: '^platform/' },
      to: { path: BROWSER_SIDE, pathNot: '^platform/' },
    },
    {
      name: 'entry-points-are-leaves',
      comment:
        'Entry points are thin glue that wires modules together: nothing imports one, so any logic in it could be neither reused nor unit-tested, and belongs in a module.',
      severity: 'error',
      from: {},
      to: { path: '^entrypoints/', pathNot: '\\.css$' },
    },
    {
      name: 'build-modules-stay-out-of-the-runtime',
      comment: 'modules/ runs in the build (Node and Vite); the extension never imports it.',
      severity: 'error',
      from: { pathNot: '^(modules/|wxt\\.config\\.ts$)' },
      to: { path: '^modules/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or changed alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        "An import that resolves to nothing is a typo or a missing package. #i18n is the exception: WXT's i18n module writes it into .wxt/ at `wxt prepare`, and TypeScript checks it.",
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^#i18n$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt|artifacts|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
