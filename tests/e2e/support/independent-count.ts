import type { StoryPack } from '../../../data/schema';
import { lookalikeWords } from '../../../engine/matcher/lookalikes';
import type { MatchableEntity } from '../../../engine/matcher/matcher';
import { nameContextWords } from '../../../engine/matcher/name-context';

export interface NameRow {
  entityId: string;
  text: string;
  role: 'name' | 'later' | 'not' | 'short';
  /** For a short form's phrase: the short form, the text a highlight holds, and where in the phrase it is. */
  marked?: string;
  markAt?: number;
  /** A primary full name: later forms after it count. */
  opens: boolean;
  /** For later forms: the capitals copy of a form written otherwise. */
  capsCopy: boolean;
  numeric: boolean;
  person: boolean;
  kind: MatchableEntity['kind'];
  /** The entity's notNear words, in lower case. */
  near: string[];
}

/** What the count needs: every form of every entity, and the word lists of the lookalike rules. */
export interface CountRules {
  rows: NameRow[];
  words: ReturnType<typeof lookalikeWords>;
  context: ReturnType<typeof nameContextWords>;
}

/** Every form the entities can take on a page: names, capitals, later forms and shields. */
export function countRules(entities: readonly MatchableEntity[]): CountRules {
  const rows: NameRow[] = [];
  for (const entity of entities) {
    // Written before or after a name, with a space only between two Latin words.
    // Han and Latin text are never joined into one shield.
    const join = (a: string, b: string) => {
      const han = /[\u3400-\u9fff\uf900-\ufaff]/;
      const latin = /[A-Za-z0-9]/;
      const [last, next] = [a.slice(-1), b.charAt(0)];
      if ((han.test(last) && latin.test(next)) || (latin.test(last) && han.test(next))) return [];
      return [latin.test(last) && latin.test(next) ? `${a} ${b}` : a + b];
    };
    const shields = [
      ...entity.notAfter.flatMap((before) => entity.names.flatMap((name) => join(before, name))),
      ...(entity.notBefore ?? []).flatMap((after) => entity.names.flatMap((name) => join(name, after))),
    ];
    const lists: [readonly string[], NameRow['role']][] = [
      [entity.names, 'name'],
      [entity.laterMentions, 'later'],
      [entity.notNames, 'not'],
      [shields, 'not'],
    ];
    // A country's list form (、[英]) makes run forms with each partner too (英美, 中英), and the char alone.
    const forms = new Set(entity.shortForms ?? []);
    for (const form of entity.shortForms ?? []) {
      const char = /^、\[(.)\]$/u.exec(form)?.[1];
      if (char !== undefined) forms.add(`[${char}]`);
      for (const partner of char === undefined ? [] : nameContextWords().zhRunPartners) {
        if (partner !== char) forms.add(`${partner}[${char}]`).add(`[${char}]${partner}`);
      }
    }
    // 在[京]: the phrase is what is found, the bracketed char what is marked.
    for (const form of forms) {
      const [, before = '', short = '', after = ''] = /^(.*)\[(.*)\](.*)$/u.exec(form) ?? [];
      rows.push({
        entityId: entity.id,
        text: before + short + after,
        role: 'short',
        marked: short,
        markAt: before.length,
        opens: false,
        capsCopy: false,
        numeric: false,
        person: false,
        kind: entity.kind,
        near: [],
      });
    }
    for (const [names, role] of lists) {
      for (const name of names) {
        for (const text of new Set([name, name.toUpperCase()])) {
          rows.push({
            entityId: entity.id,
            text,
            role,
            opens: role === 'name' && entity.opensLaterMentions.includes(name),
            capsCopy: role === 'later' && text !== name,
            numeric: /^\d+$/.test(text),
            person: entity.kind === 'person',
            kind: entity.kind,
            near: (entity.notNear ?? []).map((word) => word.toLowerCase()),
          });
        }
      }
    }
  }
  return { rows, words: lookalikeWords(), context: nameContextWords() };
}

/**
 * Counts mentions in a page's rendered text (document.body.innerText) with
 * one regular expression, and judges later forms by the README's rules
 * written again with regular expressions, line by line: an implementation
 * independent of the extension's automaton and its rule code, to check them
 * against. Runs in the page, so everything it uses is inside it.
 */
export function countInRenderedText({ rows, words, context }: CountRules): Record<string, number> {
  const asPattern = (s: string) =>
    s
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '[ \\u00a0]+')
      .replace(/['’]/g, "['’]");
  // Letters of the scripts written with spaces, and digits: a name's Latin end may not touch one. Han may.
  const WORDLIKE =
    '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{Script=Armenian}\\p{Script=Georgian}\\p{M}0-9_０-９]';
  const sorted = [...rows].sort((a, b) => b.text.length - a.text.length);
  const pattern = sorted
    .map((row) => {
      const left = /^[A-Za-z0-9]/.test(row.text) ? `(?<!${WORDLIKE})` : '';
      const right = /[A-Za-z0-9]$/.test(row.text) ? `(?!${WORDLIKE})` : '';
      return `(${left}${asPattern(row.text)}${right})`;
    })
    .join('|');
  const re = new RegExp(pattern, 'gu');
  // The names alone, tried at one position, for a short form's phrase to yield to.
  const names = new RegExp(
    sorted
      .filter((row) => row.role === 'name' || row.role === 'later')
      .map((row) => asPattern(row.text))
      .join('|'),
    'uy',
  );

  const verbs = new Set(words.subjectVerbs);
  const common = new Set(words.notGivenNames);
  const quantities = new Set(words.quantityWords);
  const LETTER = 'A-Za-z\\u00C0-\\u024F0-9_';
  const TOKEN = `[${LETTER}'’.\\-]`;
  const SPACE = '[ \\t-\\r\\u00a0\\u3000]';
  const tokenBefore = new RegExp(`(${TOKEN}+)${SPACE}+$`, 'u');
  const tokenAfter = new RegExp(`^${SPACE}+([${LETTER}]${TOKEN}*)`, 'u');
  const capitalised = /^[A-Z\u00C0-\u00D6\u00D8-\u00DE]/;

  const capitalsLine = (line: string) =>
    !/[a-z\u00DF-\u00F6\u00F8-\u00FF]/.test(line) &&
    (line.match(new RegExp(`${TOKEN}+`, 'gu')) ?? []).filter((w) => capitalised.test(w)).length >= 2;
  const isName = (word: string, caps: boolean) =>
    !common.has(word.toLowerCase().replace(/['’]s$/, '')) && (caps || capitalised.test(word));

  const isLookalike = (line: string, start: number, end: number, row: NameRow) => {
    // A neighbour is a word or two away: the end of a long line is all the rules read.
    const before = line.slice(Math.max(0, start - 200), start);
    const after = line.slice(end);
    const caps = capitalsLine(line);
    if (row.capsCopy && !caps) return true;
    if (new RegExp(`[${LETTER}][-/&.]$`, 'u').test(before) || new RegExp(`^[-/&.][${LETTER}]`, 'u').test(after)) {
      return true;
    }
    const previous = tokenBefore.exec(before)?.[1];
    const next = tokenAfter.exec(after)?.[1]?.replace(/[.'’-]+$/, '');
    if (row.numeric) {
      if (/[$¥€£₩₹#№]$/.test(before) || /\d[,.]$/.test(before) || /^[,.]\d/.test(after) || /^[%°+]/.test(after)) {
        return true;
      }
      if (previous !== undefined && (/\d$/.test(previous) || quantities.has(previous.toLowerCase()))) return true;
      if (next !== undefined && !verbs.has(next.toLowerCase())) return true;
    }
    if (!row.person && /^\s+of\s+(?:the\s+)?[A-Z]/.test(after)) return true;
    if (previous !== undefined) {
      if (/^[A-Z\u00C0-\u00DE]\.$/.test(previous)) return true;
      if (!previous.endsWith('.') && isName(previous, caps)) return true;
    }
    return next !== undefined && isName(next, caps);
  };

  // The rules of a name's kind and its notNear words, written again from the pack guide.
  const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  const LATIN_WORD = '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}0-9_]';
  const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = (list: string[]) => list.map(escapeRe).join('|');
  const zhSuffix = new RegExp(
    `^(?:${alternatives(context.zhOrganisationSuffixes)})(?!${alternatives(context.zhTradeAfter)})`,
  );
  // A run of Han chars that could be one name: no joining char, unless it begins an end word, and no verb.
  const zhVerbs = alternatives(context.zhSentenceVerbs);
  const runOf = (after: string, ends: string[], reach = context.zhFirmReach) =>
    new RegExp(
      `^(?:(?!${zhVerbs})(?:(?!${alternatives(ends)})[^${context.zhFunctionChars}\\P{Script=Han}]|${alternatives(ends)}))*`,
      'u',
    )
      .exec(after)?.[0]
      .slice(0, reach) ?? '';
  const enWords = new Set(context.enOrganisationWords);
  const localPrefix = new RegExp(`(?:${alternatives(context.zhLocalPrefixes)})$`);
  const zhWords = new Intl.Segmenter('zh', { granularity: 'word' });
  const wordEndsAt = (whole: string, at: number) => {
    const from = Math.max(0, at - 6);
    const ends = [...zhWords.segment(whole.slice(from, at + 6))].map((w) => from + w.index + w.segment.length);
    return ends.includes(at);
  };
  const DOTS = /[·•‧・･]/;
  // Not a bullet: a full name beside one is a brand's (网易•有钱).
  const FULL_NAME_DOTS = /[·‧・･]/;
  const dotted = (side: string, where: 'before' | 'after') =>
    where === 'before'
      ? FULL_NAME_DOTS.test(side.charAt(side.length - 1)) && HAN.test(side.charAt(side.length - 2))
      : FULL_NAME_DOTS.test(side.charAt(0)) && HAN.test(side.charAt(1));
  // A country list's item: set off by 、 or by a list's edge, with a one-char country across a 、.
  const edge = new RegExp(`^(?:$|[^\\p{Script=Han}]|[${context.zhFunctionChars}${context.zhListEnds}])`, 'u');
  const isListItem = (line: string, at: number) => {
    const [before, after] = [line.charAt(at - 1), line.charAt(at + 1)];
    const left = before === '、' ? line.charAt(at - 2) : '';
    const right = after === '、' ? line.charAt(at + 2) : '';
    if ((before !== '、' && !edge.test(before)) || (after !== '、' && !edge.test(after))) return false;
    if ([left, right].some((c) => c !== '' && context.zhNotCountryList.includes(c))) return false;
    return [left, right].some((c) => c !== '' && context.zhOneCharCountries.includes(c));
  };
  // Two one-char countries side by side: a run of them, unless its end makes a word (中英文) or 港 makes 澳 Macao.
  const isCountryChar = (c: string) => c !== '' && context.zhOneCharCountries.includes(c);
  const isRunPhrase = (phrase: string) => phrase.length === 2 && [...phrase].every(isCountryChar);
  const isRun = (line: string, start: number, end: number) => {
    let [from, to] = [start, end];
    while (isCountryChar(line.charAt(from - 1))) from--;
    while (isCountryChar(line.charAt(to))) to++;
    if (context.zhNotCountryList.includes(line.charAt(from - 1) || '-')) return false;
    if (!HAN.test(line.charAt(from - 1)) && !HAN.test(line.charAt(to))) return false;
    const after = line.slice(to, to + 2);
    return (
      !context.zhRunWordEnds.includes(after.charAt(0) || '-') && !new RegExp(context.zhRunWordPairs, 'u').test(after)
    );
  };
  const isOtherThing = (line: string, start: number, end: number, row: NameRow) => {
    const before = line.slice(0, start);
    const after = line.slice(end);
    const han = HAN.test(row.text.charAt(0));
    // An address: after a Latin word and a dot. A name that begins one is its owner's site.
    if (/[A-Za-z]\.$/.test(before)) return true;
    if (
      new RegExp(`${LATIN_WORD}-$`, 'u').test(before) &&
      /^\.(?:com|net|org|cn|hk|tw|uk|au|gov|edu|info|io|co)(?![A-Za-z0-9])/i.test(after)
    ) {
      return true;
    }
    if (before.endsWith('@') && /^\.[A-Za-z]/.test(after)) return true;
    if (row.kind === 'city' || row.kind === 'country') {
      const opened = before.slice(-context.titleReach);
      if (/[《〈][^》〉]*$/.test(opened)) return true;
      if (han) {
        if (zhSuffix.test(after)) return true;
        // A carrier's branch (北京移动), not "mobile" (移动支付); a Latin brand with a small letter or digit (英国O2).
        const carrier = context.zhCarriers.find((c) => after.startsWith(c));
        if (carrier && !context.zhMobileAfter.some((w) => after.startsWith(w, carrier.length))) return true;
        if (/^[A-Z][A-Za-z0-9]*?[a-z0-9]/.test(after)) return true;
        const inBrackets = after.replace(/^[)）]/, '');
        if (context.zhFirmEnds.some((ending) => runOf(inBrackets, context.zhFirmEnds).includes(ending))) return true;
        if (context.zhEventEnds.some((ending) => runOf(inBrackets, context.zhEventEnds).includes(ending))) return true;
        if (new RegExp(context.zhInternationalFair, 'u').test(runOf(inBrackets, context.zhEventEnds))) return true;
        // A shop's, a prize's, a firm's short or a site's name: the run of its name ends in 店, 奖, 科技 or 在线.
        const farRun = runOf(inBrackets, [...context.zhFirmEnds, ...context.zhEventEnds, ...context.zhOnlineEnds]);
        if (new RegExp(context.zhNamedEnd, 'u').test(farRun)) return true;
        // An event that quotes its own words before its end word: 英国“华文书香”文化节.
        const quoted = new RegExp(
          `^(?:“[^”]{1,${context.zhQuotedReach}}”|「[^」]{1,${context.zhQuotedReach}}」)`,
          'u',
        ).exec(after);
        if (quoted && context.zhEventEnds.some((ending) => after.startsWith(ending, quoted[0].length))) return true;
        const legal = runOf(inBrackets, context.zhLegalEnds, context.zhLegalReach);
        const counted = new RegExp(context.zhCounting, 'u').test(legal);
        if (context.zhLegalEnds.some((ending) => legal.includes(ending)) && !counted) return true;
        const near = runOf(inBrackets, context.zhNearEnds);
        const nearAt = (e: string) => near.indexOf(e) >= (context.zhNearEndsAfterTwo.includes(e) ? 2 : 0);
        if (context.zhNearEnds.some((e) => nearAt(e) && near.indexOf(e) <= context.zhNearReach)) {
          return true;
        }
        // A site's name: 网 within reach, where a word ends, and not a verb's (上网).
        const site = near.slice(0, context.zhNearReach + 1).search(/[网網]/);
        if (site >= 0 && !context.zhNotSiteBefore.includes(near.charAt(site - 1) || ' ')) {
          const at = end + (after.length - inBrackets.length) + site + 1;
          // 网购, 网红: 网 begins a word of its own there.
          const ownWord = context.zhNotSiteAfter.includes(line.charAt(at) || ' ');
          if (!ownWord && (!HAN.test(line.charAt(at)) || wordEndsAt(line, at))) return true;
        }
      } else {
        if (/^\s+(?:19|20)\d\d(?!\d)/.test(after) && !/\bof\s+$/.test(before)) return true;
        // In brackets inside a firm's name: "Dirun (Tianjin) Technology".
        if (before.endsWith('(') && /^\)\s+[A-Z]/.test(after)) return true;
        const team = row.kind === 'country' && !/\s/.test(row.text) && /^\s+(?:have|are|were)\b/.test(after);
        const notTeam =
          /(?:\b(?:and|or|in|from|to|of|by|than|with|at|for|on|across|into|throughout|within)|,)\s+$/i.test(before);
        if (team && !notTeam) return true;
        const [, next, nextButOne] = /^\s+([A-Za-z0-9_]+)(?:\s+([A-Za-z0-9_]+))?/.exec(after) ?? [];
        if (next !== undefined) {
          const capitalisedForm = next.charAt(0) + next.slice(1).toLowerCase();
          const written = next === capitalisedForm || next === next.toUpperCase();
          if (written && (enWords.has(next) || enWords.has(capitalisedForm))) return true;
          if (row.kind === 'city' && written && context.enCityFacilityWords.includes(capitalisedForm)) return true;
          if (written && capitalisedForm === 'Stock' && /^exchange$/i.test(nextButOne ?? '')) return true;
          if (['time', 'Time', 'TIME'].includes(next)) return true;
        }
        // A brand's arm or edition ("Amazon UK announces"): its name, then the abbreviation, then lower case.
        const brand = /(?:^|[^A-Za-z0-9])([A-Z][a-z][A-Za-z]*)\s+$/.exec(before)?.[1];
        const edition =
          row.text === row.text.toUpperCase() &&
          /^[a-z]/.test(next ?? '') &&
          !context.enPlaceGoesOn.includes(next ?? '');
        if (row.kind === 'country' && edition && brand !== undefined && !context.enNotBrand.includes(brand))
          return true;
        // A brand's edition in a menu of items a bar divides ("CIO Australia | CMO Australia").
        const menuBrand = /(?:^|[^A-Za-z0-9])([A-Z][A-Za-z0-9]*)\s+$/.exec(before)?.[1];
        if (row.kind === 'country' && menuBrand && !context.enNotBrand.includes(menuBrand) && /^\s*\|/.test(after))
          return true;
        // A national body named for its field ("Swimming Australia").
        const wordBefore = /([A-Za-z]+)\s+$/.exec(before)?.[1];
        if (row.kind === 'country' && wordBefore !== undefined && context.enFieldWords.includes(wordBefore))
          return true;
        // A name's end word among the next few capitalised words ("Beijing Normal University").
        const following = /^(?:\s+[A-Za-z0-9_]+)+/.exec(after)?.[0].trim().split(/\s+/) ?? [];
        for (const word of following.slice(0, context.enNameReach)) {
          if (!/^[A-Z]/.test(word) || context.enTitleSmallWords.includes(word)) break;
          if (context.enNameEnds.includes(word)) return true;
        }
        // A carrier's branch in the city ("China Unicom Beijing").
        if (row.kind === 'city' && /\bChina\s+(?:Unicom|Mobile|Telecom)\s+$/.test(before)) return true;
        // An organisation of the place ("Press Club of Australia"), not its state ("Government of Australia").
        const organisationOf =
          /\b(?:(?:bank|university|club|association|society|institute|chamber|museum|library|federation|academy|college|church)\s+of|radio)\s+$/;
        if (organisationOf.test(before.slice(-24).toLowerCase())) return true;
        if (
          /\b(?:North|South|East|West|Central)(?:ern)?\s+$/i.test(before.slice(-24)) &&
          /\b[A-Z]\w*\s+$/.test(before)
        ) {
          return true;
        }
      }
    }
    // A firm's Chinese name beside a transliteration dot is part of a person's name.
    if (row.kind === 'firm' && han && (dotted(before, 'before') || dotted(after, 'after'))) return true;
    if (
      row.kind === 'institution' &&
      han &&
      context.zhLevelledBodyEnds.includes(row.text.charAt(row.text.length - 1))
    ) {
      if (localPrefix.test(before.slice(-4))) return true;
    }
    // A body's newspaper ("PLA Daily").
    if (row.kind === 'institution' && !han && context.enPaperWords.includes(/^\s+([A-Za-z]+)/.exec(after)?.[1] ?? ''))
      return true;
    // A body's newspaper or publisher (解放军报), where a word ends after it.
    if (row.kind === 'institution' && han) {
      const paper = context.zhPaperEnds.find((p) => after.startsWith(p));
      const at = end + (paper?.length ?? 0);
      if (paper && (!HAN.test(line.charAt(at)) || wordEndsAt(line, at))) return true;
    }
    // notNear words judge acronyms only.
    if (!/^(?:[A-Z]\.?){2,5}$/.test(row.text)) return false;
    const around = line.slice(Math.max(0, start - context.nearReach), end + context.nearReach).toLowerCase();
    const nameAt = Math.min(start, context.nearReach);
    return row.near.some((word) => {
      const latin = /^[a-z0-9]|[a-z0-9]$/.test(word);
      const re = new RegExp(latin ? `(?<!${LATIN_WORD})${escapeRe(word)}(?!${LATIN_WORD})` : escapeRe(word), 'gu');
      for (const hit of around.matchAll(re)) {
        const at = hit.index ?? 0;
        if (!(at < nameAt + (end - start) && at + word.length > nameAt)) return true;
      }
      return false;
    });
  };

  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  // Where two elements' texts meet with no space but a reader sees two words, as in a menu whose links run
  // on in the markup ("vs" then "Xiaomi"): a lower-case letter or a digit, then a capital. Each join is
  // known by the char before it and the six after it, which is how the rendered text finds it again.
  const JOIN_BEFORE = /[a-z0-9]$/;
  const JOIN_AFTER = /^[A-Z]/;
  const joinKey = (before: string, after: string) => `${before}|${after.slice(0, 6)}`;
  const joins = new Set<string>();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  // Only text a reader sees joins: innerText also runs on through some text that is not rendered.
  const rendersText = (node: Node | null) => node?.parentElement?.checkVisibility() === true;
  let previous: Text | null = null;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const { data } = node as Text;
    if (data === '' || node.parentElement?.closest('script, style, noscript, template') != null) continue;
    // Two text nodes of one element, side by side (a comment between is nothing), are one run of text:
    // an element's edge must lie between.
    let between = previous?.nextSibling ?? null;
    while (between !== null && between.nodeType === Node.COMMENT_NODE) between = between.nextSibling;
    if (previous !== null && between !== node && JOIN_BEFORE.test(previous.data) && JOIN_AFTER.test(data)) {
      if (rendersText(previous) && rendersText(node)) joins.add(joinKey(previous.data.slice(-1), data));
    }
    previous = node as Text;
  }
  // The rendered text, not textContent: what a reader sees is the point of this count. An invisible
  // separator marks each join in it, so a name may start or end there.
  const rendered = document.body?.innerText ?? '';
  let text = '';
  let copied = 0;
  for (const glued of rendered.matchAll(/(?<=[a-z0-9])[A-Z]/g)) {
    const at = glued.index ?? 0;
    if (!joins.has(joinKey(rendered.charAt(at - 1), rendered.slice(at)))) continue;
    text += `${rendered.slice(copied, at)}\u2063`;
    copied = at;
  }
  text += rendered.slice(copied);
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    const row = sorted[match.slice(1).findIndex((group) => group !== undefined)];
    if (!row) continue;
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const lineEnd = text.indexOf('\n', match.index);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
    const start = match.index - lineStart;
    if (row.role === 'short') {
      // A name that starts inside the phrase and runs past it wins: 京东 in 在京东.
      const end = match.index + match[0].length;
      let yields = false;
      for (let at = match.index + 1; at < end && !yields; at++) {
        names.lastIndex = at;
        const inside = names.exec(text);
        yields = inside !== null && at + inside[0].length > end;
      }
      // One phrase may hold two places' short forms (京津冀): each counts.
      const phraseRows = sorted.filter((other) => other.role === 'short' && other.text === row.text);
      const markOf = (r: NameRow) => r.markAt ?? 0;
      // A short form ending its phrase must end a word too (在英 + 语 is 在英语), by the browser's segmenter.
      const phraseEnd = match.index + match[0].length;
      const endsPhrase = phraseRows.some((r) => markOf(r) + (r.marked ?? '').length === r.text.length);
      const beginsWord = endsPhrase && HAN.test(text.charAt(phraseEnd)) && !wordEndsAt(text, phraseEnd);
      if (yields || beginsWord) {
        re.lastIndex = match.index + 1;
        continue;
      }
      const list = row.text.includes('、');
      // The list's comma belongs to the next item too.
      if (list) re.lastIndex = match.index + markOf(row) + (row.marked ?? '').length;
      for (const r of phraseRows) {
        if (isOtherThing(line, start, start + match[0].length, r)) continue;
        if (list && !isListItem(line, start + markOf(r))) continue;
        if (isRunPhrase(r.text) && !isRun(line, start, start + 2)) continue;
        // The char alone begins a headline: no Han before it, Han after.
        const next = line.charAt(start + 1);
        const headline =
          !HAN.test(line.charAt(start - 1)) && HAN.test(next) && !context.zhHeadlineWordEnds.includes(next);
        if (r.text.length === 1 && !headline) continue;
        counts[r.entityId] = (counts[r.entityId] ?? 0) + 1;
      }
      continue;
    }
    if (row.role !== 'not' && isOtherThing(line, start, start + match[0].length, row)) continue;
    if (row.role === 'later') {
      const afterEnd = start + match[0].length;
      const dotBefore = DOTS.test(line.charAt(start - 1)) && HAN.test(line.charAt(start - 2));
      if (dotBefore || (DOTS.test(line.charAt(afterEnd)) && HAN.test(line.charAt(afterEnd + 1)))) continue;
      if (isLookalike(line, start, start + match[0].length, row)) continue;
      if (!seen.has(row.entityId)) {
        // Not admitted: it holds no text, so a shorter name inside it may still match.
        re.lastIndex = match.index + 1;
        continue;
      }
    }
    if (row.opens) seen.add(row.entityId);
    if (row.role !== 'not') counts[row.entityId] = (counts[row.entityId] ?? 0) + 1;
  }
  return counts;
}

/** Each entity's part in the stories, read from the packs' own `identifiesStory` fields, which every bundled entity sets. */
export interface StoryParts {
  /** Stories, by pack id, that each entity is an own actor of. */
  actorIn: Map<string, string[]>;
  /** Stories that each entity is a common name of. */
  commonIn: Map<string, string[]>;
}

export function storyPartsOf(packs: readonly StoryPack[]): StoryParts {
  const parts: StoryParts = { actorIn: new Map(), commonIn: new Map() };
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const list = entity.identifiesStory === true ? parts.actorIn : parts.commonIn;
      list.set(entity.id, [...(list.get(entity.id) ?? []), pack.id]);
    }
  }
  return parts;
}

/**
 * The rule for common names, written again from the words: a story
 * is open when the rendered text names one of its own actors, and a common
 * name is marked when one of its stories is open. What is not marked is
 * what a panel lists as named but not marked.
 */
export function splitByStoryRule(
  counts: Record<string, number>,
  { actorIn, commonIn }: StoryParts,
): { marked: Record<string, number>; unmarked: Record<string, number> } {
  const open = new Set(Object.keys(counts).flatMap((id) => actorIn.get(id) ?? []));
  const marked: Record<string, number> = {};
  const unmarked: Record<string, number> = {};
  for (const [id, n] of Object.entries(counts)) {
    const isMarked = actorIn.has(id) || (commonIn.get(id) ?? []).some((story) => open.has(story));
    (isMarked ? marked : unmarked)[id] = n;
  }
  return { marked, unmarked };
}
