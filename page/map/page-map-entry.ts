/**
 * The page map's code as a module of its own, built by modules/lazy-modules-build.ts
 * and loaded when a panel beside the page first connects.
 */

import { PageMap } from './page-map';
import type { PageMapModule } from './page-map-module';

export const createPageMap: PageMapModule['createPageMap'] = (source, send) => new PageMap(source, send);
