/**
 * Which pages get highlights: one pure function, `isEnabledFor`, that the
 * content script, the panel and the badge all ask. A rule names a site by
 * host (and optionally port) and covers its subdomains; where several rules
 * cover a page, the most specific one wins, so a rule for news.example.com
 * always beats one for example.com, whichever was made first.
 */

import type { Notice } from '../notices';

export type SiteMode = 'everywhere-except' | 'only-listed';

/** Site patterns ("example.com", "localhost:3000", "[::1]") mapped to on (true) or off (false). */
export type SiteRules = Readonly<Record<string, boolean>>;

export interface SiteSettings {
  enabled: boolean;
  mode: SiteMode;
  sites: SiteRules;
}

/** A page's site as rules see it: its host without "www.", and its port where the URL names one. */
export interface Site {
  host: string;
  port: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** A host pattern: letters, digits, hyphens and dots (IDNs arrive as punycode), an IPv4 or a bracketed IPv6. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;
const MAX_PATTERN_LENGTH = 260;

const isAddress = (host: string) => IPV4.test(host) || host.startsWith('[');

function stripWww(host: string): string {
  return host.startsWith('www.') && host.length > 4 && !isAddress(host) ? host.slice(4) : host;
}

/**
 * Every local file is one site, "local files", with a switch of its own: its
 * rule is stored under this key, which no web host can be, and the reader
 * sees it named in their language (`siteName`).
 */
export const LOCAL_FILES = 'file://';
const LOCAL_FILES_SITE: Site = { host: LOCAL_FILES, port: '' };

/** The site of a page URL, or null for pages that have none (about:, data:, extension pages). */
export function siteOf(url: string): Site | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return LOCAL_FILES_SITE;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.replace(/\.$/, '').toLowerCase();
  if (host === '') return null;
  return { host: stripWww(host), port: parsed.port };
}

/** How a site is written in rules and shown to the reader: "example.com", "localhost:3000". */
export function siteKey(site: Site): string {
  return site.port === '' ? site.host : `${site.host}:${site.port}`;
}

/**
 * Reads what a reader typed as a site pattern: a bare host, a host with a
 * port, or a whole URL pasted in. Returns the pattern as rules store it, or
 * an error a form can show.
 */
export function parseSitePattern(input: string): { pattern: string } | { error: Notice } {
  const text = input.trim().toLowerCase();
  if (text === '') return { error: { code: 'siteEmpty' } };
  if (text.length > MAX_PATTERN_LENGTH) return { error: { code: 'siteTooLong' } };
  // A local file's address, pasted in, stands for every local file.
  if (text.startsWith(LOCAL_FILES)) return { pattern: LOCAL_FILES };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: { code: 'siteNotAName', input: input.trim() } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: { code: 'siteNotWeb' } };
  }
  const host = stripWww(url.hostname.replace(/\.$/, ''));
  if (!HOST.test(host)) return { error: { code: 'siteNotAName', input: input.trim() } };
  return { pattern: siteKey({ host, port: url.port }) };
}

/** A stored pattern split back into host and port; null for anything that is not a valid pattern. */
export function patternSite(pattern: string): Site | null {
  if (pattern === LOCAL_FILES) return LOCAL_FILES_SITE;
  const parsed = parseSitePattern(pattern);
  if ('error' in parsed || parsed.pattern !== pattern) return null;
  const url = new URL(`http://${pattern}`);
  return { host: url.hostname, port: url.port };
}

/**
 * How specific a rule is for a site, or -1 when it does not cover the site.
 * A host covers itself and its subdomains (never for IP addresses); a rule
 * with a port covers only that port and beats the same host without one.
 */
function specificity(rule: Site, site: Site): number {
  if (rule.port !== '' && rule.port !== site.port) return -1;
  const covers = rule.host === site.host || (!isAddress(site.host) && site.host.endsWith(`.${rule.host}`));
  if (!covers) return -1;
  return rule.host.split('.').length * 2 + (rule.port === '' ? 0 : 1);
}

/** The rule that decides a site: its pattern and value, or null when the mode's default applies. */
function ruleFor(site: Site, sites: SiteRules): { pattern: string; enabled: boolean } | null {
  let best: { pattern: string; enabled: boolean } | null = null;
  let bestScore = -1;
  for (const [pattern, enabled] of Object.entries(sites)) {
    const rule = patternSite(pattern);
    if (rule === null) continue;
    const score = specificity(rule, site);
    if (score > bestScore) {
      best = { pattern, enabled };
      bestScore = score;
    }
  }
  return best;
}

/** Whether sites without a rule are highlighted. */
const modeDefault = (mode: SiteMode) => mode === 'everywhere-except';

/** Whether a site is highlighted by the rules alone, the global switch aside. */
export function siteEnabled(site: Site, settings: Pick<SiteSettings, 'mode' | 'sites'>): boolean {
  return ruleFor(site, settings.sites)?.enabled ?? modeDefault(settings.mode);
}

/** Whether Context Lens highlights the page at `url`. Pages without a site follow the mode's default. */
export function isEnabledFor(url: string, settings: SiteSettings): boolean {
  if (!settings.enabled) return false;
  const site = siteOf(url);
  return site === null ? modeDefault(settings.mode) : siteEnabled(site, settings);
}

/**
 * The rules after the reader switches one site on or off. The rule goes on
 * the site itself. Where it would only repeat what decides the site anyway
 * (a parent's rule, or the mode's default) there is no rule, so the list
 * holds only choices that matter and a switch flipped twice leaves no trace.
 */
export function setSiteEnabled(
  sites: SiteRules,
  site: Site,
  enabled: boolean,
  mode: SiteMode,
): Record<string, boolean> {
  const key = siteKey(site);
  const rest = Object.fromEntries(Object.entries(sites).filter(([pattern]) => pattern !== key));
  const inherited = ruleFor(site, rest)?.enabled ?? modeDefault(mode);
  return enabled === inherited ? rest : { ...rest, [key]: enabled };
}
