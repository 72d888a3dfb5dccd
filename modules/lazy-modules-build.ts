import { basename, dirname, resolve } from 'node:path';
import { build, type InlineConfig, mergeConfig, type PluginOption } from 'vite';
import type { ContentScriptEntrypoint } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import { CARD_MODULE_FILE } from '../page/hover/card-view';
import { PAGE_MAP_MODULE_FILE } from '../page/map/page-map-module';

/** WXT's plugins that wrap a content script as a classic script returning its name. */
const SCRIPT_WRAPPING = new Set(['wxt:iife-footer', 'wxt:entrypoint-group-globals']);

function withoutScriptWrapping(plugins: PluginOption[]): PluginOption[] {
  return (plugins as unknown[]).flat(Number.POSITIVE_INFINITY).filter((plugin) => {
    const name = plugin !== null && typeof plugin === 'object' && 'name' in plugin ? plugin.name : undefined;
    return typeof name !== 'string' || !SCRIPT_WRAPPING.has(name);
  }) as PluginOption[];
}

/**
 * The content script's code that most pages never need, each part an ES
 * module of its own that the content script imports on first use: the hover
 * card on the first hover, the page map when a side panel connects.
 */
const LAZY_MODULES = [
  { entry: 'components/card/card-module-entry.ts', file: CARD_MODULE_FILE },
  { entry: 'page/map/page-map-entry.ts', file: PAGE_MAP_MODULE_FILE },
] as const;

/**
 * Builds each of LAZY_MODULES. WXT bundles each content script into one
 * classic script, so each split is another Vite build with the content
 * script's own config, run once WXT is done.
 */
export default defineWxtModule((wxt) => {
  let contentConfig: InlineConfig | undefined;
  let contentScript: ContentScriptEntrypoint | undefined;

  wxt.hooks.hook('entrypoints:resolved', (_, entrypoints) => {
    contentScript = entrypoints.find((e): e is ContentScriptEntrypoint => e.type === 'content-script');
  });
  wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (entrypoints.some((e) => e.type === 'content-script')) contentConfig = config;
  });

  const buildModule = async ({ entry, file }: (typeof LAZY_MODULES)[number]) => {
    if (contentConfig === undefined) throw new Error(`${file}: the content script was not built`);
    const output = resolve(wxt.config.outDir, file);
    const config: InlineConfig = mergeConfig(
      // The content script's plugins and aliases, less what makes a classic script of it.
      { ...contentConfig, plugins: withoutScriptWrapping(contentConfig.plugins ?? []) },
      {
        logLevel: 'warn',
        build: {
          emptyOutDir: false,
          outDir: dirname(output),
          rollupOptions: {
            input: resolve(wxt.config.root, entry),
            preserveEntrySignatures: 'exports-only',
            output: { format: 'es', entryFileNames: basename(output), inlineDynamicImports: true },
          },
        },
      } satisfies InlineConfig,
    );
    // Library mode would make a classic script again, and leaves ES output unminified.
    await build({ ...config, build: { ...config.build, lib: false } });
  };
  const buildModules = async () => {
    for (const module of LAZY_MODULES) await buildModule(module);
  };
  wxt.hooks.hook('build:done', buildModules);

  // While `wxt` (dev) runs, a change to their code rebuilds them.
  wxt.hooks.hook('server:started', (_, server) => {
    server.watcher.on('change', (file) => {
      if (/[\\/](components|page)[\\/]/.test(file)) buildModules().catch((error) => wxt.logger.error(error));
    });
  });

  wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
    manifest.web_accessible_resources ??= [];
    // A dynamic URL changes every session, so a page cannot probe for the
    // extension by its fixed id. WXT turns this into Firefox's MV2 form,
    // where the add-on's URL is already random per install.
    (manifest.web_accessible_resources as chrome.runtime.ManifestV3['web_accessible_resources'] & object[]).push({
      matches: contentScript?.options.matches ?? ['<all_urls>'],
      resources: LAZY_MODULES.map(({ file }) => `/${file}`),
      use_dynamic_url: true,
    });
  });

  wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
    paths.push(...LAZY_MODULES.map(({ file }) => file));
  });
});
