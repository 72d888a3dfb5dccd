import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROJECT_ROOT } from '../shared-paths';

/**
 * What both built add-ons ask for and ship, read from their files: the least
 * permissions, the browsers' default content security policy, one resource
 * open to pages, and no code that could run text as code or load it from afar.
 */

const BUILDS = {
  chrome: join(PROJECT_ROOT, '.output/chrome-mv3'),
  firefox: join(PROJECT_ROOT, '.output/firefox-mv2'),
};

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test('the Chrome build asks for storage, the context menu and its side panel only, and opens only our two lazy modules to pages', () => {
  const manifest = manifestOf(BUILDS.chrome);
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'sidePanel']);
  expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
  for (const key of [
    'host_permissions',
    'optional_permissions',
    'optional_host_permissions',
    'content_security_policy',
  ]) {
    expect(manifest, key).not.toHaveProperty(key);
  }
  expect(manifest.web_accessible_resources).toEqual([
    {
      matches: ['<all_urls>'],
      resources: ['/content-scripts/card.js', '/content-scripts/page-map.js'],
      use_dynamic_url: true,
    },
  ]);
  expect(manifest.content_scripts.map((script: { matches: string[] }) => script.matches)).toEqual([['<all_urls>']]);
});

test('the Firefox build asks for storage and the context menu, with no host permission among them', () => {
  const manifest = manifestOf(BUILDS.firefox);
  expect(manifest.manifest_version).toBe(2);
  // In MV2 host permissions sit in this same list: there are none.
  expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
  // Firefox's sidebar needs no permission.
  expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: 'Context Lens' });
  expect(manifest).not.toHaveProperty('optional_permissions');
  expect(manifest).not.toHaveProperty('content_security_policy');
  expect(manifest.web_accessible_resources).toEqual(['/content-scripts/card.js', '/content-scripts/page-map.js']);
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  // The same build is for Firefox for Android, from the same version as on the desktop.
  expect(manifest.browser_specific_settings.gecko_android).toEqual({
    strict_min_version: manifest.browser_specific_settings.gecko.strict_min_version,
  });
});

test('no built file evaluates strings as code or loads anything from the network', () => {
  for (const [browser, dir] of Object.entries(BUILDS)) {
    const files = filesOf(dir);
    expect(files.length, browser).toBeGreaterThan(5);
    for (const file of files.filter((name) => /\.(js|html|css)$/.test(name))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/\beval\s*\(|new Function\s*\(|setTimeout\(\s*["'`]/);
      expect(text, file).not.toMatch(/importScripts\s*\(|<script[^>]+src=["']?https?:|@import\s+url\(\s*["']?https?:/);
      expect(text, file).not.toMatch(/\bfetch\s*\(\s*["'`]https?:|new WebSocket\s*\(|navigator\.sendBeacon/);
    }
  }
});
