/**
 * Whether the text around a name makes it part of another thing, by the
 * kind of entity it names. A place's name begins countless other names (a
 * newspaper, a firm, a university, a work's title), and a national body's
 * short name, after a province or a city, is that place's own commission.
 * Rules by kind, not lists of examples, so that every story's places and
 * bodies get them without their packs spelling each case out; a pack adds
 * its own through `notAfter`, `notBefore` and `notNear`.
 *
 * Everything here runs only for a candidate already found, of the kinds
 * concerned, and reads a few dozen chars around it: no pattern is added to
 * the automaton, so the rules cost nothing on text that names no place.
 */
import type { EntityKind } from '../../data/schema';
import { isWordAt, isWordBefore, isWordCode } from './word-boundaries';

/** Splits word lists written as lines of words. */
const words = (lines: string[]) => lines.join(' ').split(' ');

/**
 * What, right after a place's Chinese name, makes it a newspaper's, a
 * broadcaster's or a firm's name: 北京晚报, 杭州电视台, 天津银行. In both scripts.
 */
const ZH_ORGANISATION_SUFFIXES = words([
  '晚报 日报 早报 晨报 商报 时报 青年报 都市报 法制报 周刊 画报 新闻网 电视台 卫视 电台 广播电台 广播电视台',
  '晚報 日報 早報 晨報 商報 時報 青年報 都市報 法制報 週刊 畫報 新聞網 電視台 衛視 電台 廣播電台 廣播電視台',
  '集团 控股 股份 银行 证券 证券交易所 交易所 航空 保险 电信 广播公司 队',
  '集團 控股 股份 銀行 證券 證券交易所 交易所 航空 保險 電信 廣播公司 隊',
]);

/**
 * What ends an organisation's or an event's name a few chars after a place
 * that starts it: 北京百度网讯科技有限公司, 北京理工大学, （北京）有限公司,
 * 深圳分公司, 北京市中小学生篮球冠军赛, 杭州亚运会.
 */
const ZH_ORGANISATION_ENDS = words([
  '有限公司 有限责任公司 分公司 分行 支行 大学 学院 集团 赛 运动会 奥运会 亚运会 世博会 博览会 选美',
  '有限責任公司 分行 大學 學院 集團 賽 運動會 奧運會 亞運會 世博會 博覽會 選美',
]);

/** Chars that join two words of a sentence: an organisation's name holds none of them. */
const ZH_FUNCTION_CHARS = new Set(
  [...'的和与及或在是有了将对为从向把被让等都也又就于以之而并但其這这那個个與對為從讓於並'].map((c) => c.charCodeAt(0)),
);

/** How many Han chars after a place an organisation's name may run before its end word. */
const ZH_ORGANISATION_REACH = 12;

/**
 * Capitalised words that, after a place's name, make it an organisation's:
 * "Australia Post", "Beijing Daily", "Shenzhen Stock Exchange".
 */
const EN_ORGANISATION_WORDS = new Set(
  words([
    'Post Daily Times News Evening Morning Review Herald Gazette Tribune Telegraph Chronicle Journal Weekly',
    'Bank Airways Airlines Air University College Television TV Radio Broadcasting Exchange Stock Securities',
    'Group Holdings Limited Ltd Inc Corp Corporation Company Co Telecom Mobile Capital Enterprises Industries',
    'Motors Insurance Guoan Metro Olympics Games Expo Marathon',
  ]),
);

/** "Bank of Beijing", "University of Hangzhou": an organisation named after the place that follows. */
const EN_ORGANISATION_BEFORE = /\b(?:Bank|BANK|University|UNIVERSITY)\s+(?:of|OF)\s+$/u;

/**
 * Places whose name, right before a national body's Chinese name, makes it
 * that place's own body: 浙江发改委, 杭州发改委, 各地发改委. China's provinces
 * and their largest cities, the words for a level of government, and the
 * words for "every locality".
 */
const ZH_LOCAL_PREFIXES = words([
  '省 市 区 县 州 盟 旗 镇 乡 各地 地方 当地 各级 各省 各市 省级 市级 县级 區 縣 鄉 鎮 當地 各級 省級 市級 縣級',
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南',
  '四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 台湾',
  '重慶 遼寧 黑龍江 江蘇 山東 廣東 貴州 雲南 陝西 廣西 寧夏 澳門 台灣',
  '石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安',
  '兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 深圳 大连 青岛 宁波 厦门 苏州 无锡 温州 东莞 佛山',
  '瀋陽 長春 哈爾濱 鄭州 武漢 長沙 廣州 貴陽 蘭州 西寧 銀川 烏魯木齊 大連 青島 寧波 廈門 蘇州 無錫 溫州 東莞',
]);

/** The rules' word lists and reaches, for a check that implements the rules again on its own (the corpus sweep). */
export const nameContextWords = () => ({
  zhOrganisationSuffixes: [...ZH_ORGANISATION_SUFFIXES],
  zhOrganisationEnds: [...ZH_ORGANISATION_ENDS],
  zhFunctionChars: String.fromCharCode(...ZH_FUNCTION_CHARS),
  zhOrganisationReach: ZH_ORGANISATION_REACH,
  enOrganisationWords: [...EN_ORGANISATION_WORDS],
  zhLocalPrefixes: [...ZH_LOCAL_PREFIXES],
  zhLevelledBodyEnds: String.fromCharCode(...ZH_LEVELLED_BODY_ENDS),
  titleReach: TITLE_REACH,
  nearReach: NEAR_REACH,
});

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/** The word (a run of Latin letters) after the spaces that follow `end`, or ''. */
function wordAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && text.charCodeAt(i) === 0x20) i++;
  if (i === end) return '';
  let j = i;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return text.slice(i, j);
}

/** 北京晚报, 北京理工大学, 阿里巴巴（北京）有限公司: a Chinese place name that begins another organisation's name. */
function beginsZhOrganisation(text: string, end: number): boolean {
  let from = end;
  // A place in brackets inside a firm's legal name: the name goes on after the bracket.
  const next = text.charCodeAt(from);
  if (next === 0x29 || next === 0xff09) from++;
  let to = from;
  while (to < text.length && to - from < ZH_ORGANISATION_REACH) {
    const code = text.charCodeAt(to);
    if (!isHan(code)) break;
    // 有 and 大 join words in a sentence, and also begin 有限公司 and 大学.
    if (ZH_FUNCTION_CHARS.has(code) && !ZH_ORGANISATION_ENDS.some((ending) => text.startsWith(ending, to))) break;
    to++;
  }
  if (to === from) return false;
  const run = text.slice(from, to);
  if (from === end && ZH_ORGANISATION_SUFFIXES.some((suffix) => run.startsWith(suffix))) return true;
  return ZH_ORGANISATION_ENDS.some((ending) => run.includes(ending));
}

/** "Beijing 2022", "London 2012": a place and a year name the games or the fair held there. */
const EN_EVENT_YEAR = /^ (?:19|20)\d\d(?![0-9])/u;

/**
 * "Australia have done their homework", "England were bowled out": in the
 * British press a country that takes a plural verb is its national team.
 * After "and", "or" or a comma the plural is the list's, not the team's.
 */
const EN_TEAM_VERB = /^ (?:have|are|were)\b/u;
const EN_LISTED_BEFORE = /(?:\band|\bor|,) $/u;

/** "Australia Post", "BEIJING DAILY", "Bank of Beijing", "Beijing 2022": a place's English name inside another name. */
function isInEnOrganisation(text: string, start: number, end: number, kind: EntityKind): boolean {
  const rest = text.slice(end, end + 6);
  if (EN_EVENT_YEAR.test(rest)) return true;
  if (
    kind === 'country' &&
    EN_TEAM_VERB.test(rest) &&
    !EN_LISTED_BEFORE.test(text.slice(Math.max(0, start - 5), start))
  ) {
    return true;
  }
  const after = wordAfter(text, end);
  if (after !== '') {
    const capitalised = after.charAt(0) + after.slice(1).toLowerCase();
    const written = after === capitalised || after === after.toUpperCase();
    if (written && (EN_ORGANISATION_WORDS.has(after) || EN_ORGANISATION_WORDS.has(capitalised))) return true;
  }
  return EN_ORGANISATION_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

/** "GOV.UK", "www.Xiaomi.cn": a name joined by a dot to a word is part of an address or a file name. */
function isInAddress(text: string, start: number, end: number): boolean {
  const dotBefore = start >= 2 && text.charCodeAt(start - 1) === 0x2e && isWordCode(text.charCodeAt(start - 2));
  const dotAfter = end + 1 < text.length && text.charCodeAt(end) === 0x2e && isWordCode(text.charCodeAt(end + 1));
  return dotBefore || dotAfter;
}

/** How far back a work's title may open before a name inside it. */
const TITLE_REACH = 30;

/** 《英国达人》, 《北京晚报》: a name inside a work's title marks, which name the work. */
function isInWorkTitle(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && start - i <= TITLE_REACH; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x300b || code === 0x3009) return false; // 》〉: a title closed before the name
    if (code === 0x300a || code === 0x3008) return true; // 《〈
  }
  return false;
}

/**
 * The last chars of the names of government bodies that every level of
 * government has its own of: commissions, bureaus, departments, offices.
 * A party or an army has no 浙江 counterpart of its own name.
 */
const ZH_LEVELLED_BODY_ENDS = new Set([...'委会局厅部办署廳辦'].map((c) => c.charCodeAt(0)));

/** 浙江发改委, 省发改委, 各地发改委: a national body's Chinese name after a place's. */
function isLocalBody(text: string, start: number, end: number): boolean {
  if (!ZH_LEVELLED_BODY_ENDS.has(text.charCodeAt(end - 1))) return false;
  const before = text.slice(Math.max(0, start - 4), start);
  return ZH_LOCAL_PREFIXES.some((place) => before.endsWith(place));
}

/**
 * Whether the name of an entity of `kind`, found at `start`–`end`, is part
 * of another thing by the rules of its kind.
 */
export function isPartOfAnotherThing(text: string, start: number, end: number, kind: EntityKind): boolean {
  if (isInAddress(text, start, end)) return true;
  const han = isHan(text.charCodeAt(start));
  switch (kind) {
    case 'city':
    case 'country':
      if (isInWorkTitle(text, start)) return true;
      return han ? beginsZhOrganisation(text, end) : isInEnOrganisation(text, start, end, kind);
    case 'institution':
      return han && isLocalBody(text, start, end);
    default:
      return false;
  }
}

/** How many chars either side of a name `notNear` words are looked for. */
const NEAR_REACH = 60;

/**
 * Whether one of `words` (lower case) stands near `start`–`end`: a Latin word
 * as a whole word, Han text anywhere within reach.
 */
export function isNearOtherSense(text: string, start: number, end: number, nearWords: readonly string[]): boolean {
  const from = Math.max(0, start - NEAR_REACH);
  const to = Math.min(text.length, end + NEAR_REACH);
  const around = text.slice(from, to).toLowerCase();
  const nameFrom = start - from;
  const nameTo = end - from;
  for (const word of nearWords) {
    const whole = isWordCode(word.charCodeAt(0)) || isWordCode(word.charCodeAt(word.length - 1));
    for (let at = around.indexOf(word); at >= 0; at = around.indexOf(word, at + 1)) {
      // The name itself is not its own context ("SA" inside "NSA").
      if (at < nameTo && at + word.length > nameFrom) continue;
      if (!whole || (!isWordBefore(around, at) && !isWordAt(around, at + word.length))) return true;
    }
  }
  return false;
}
