import { defineWxtModule } from 'wxt/modules';
import { writeScriptVariants } from '../tools/scripts/write-script-variants';

/** Regenerates the packs' Traditional Chinese forms before each build, so a build never ships a stale table. */
export default defineWxtModule((wxt) => {
  wxt.hooks.hook('build:before', () => {
    for (const path of writeScriptVariants()) wxt.logger.info(`Traditional forms written: ${path}`);
  });
});
