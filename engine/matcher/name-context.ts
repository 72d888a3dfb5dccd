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
import { isHan, isHanWordEnd } from './han-words';
import { isWordAt, isWordBefore, isWordCode } from './word-boundaries';

/** Splits word lists written as lines of words. */
const words = (lines: string[]) => lines.join(' ').split(' ');

/**
 * What, right after a place's Chinese name, makes it a newspaper's, a
 * broadcaster's or a firm's name or office (北京晚报, 杭州电视台, 天津银行,
 * 北京总部), an edition's (深圳版, 英国版), a stock
 * index's (深圳成指) or a time zone's (北京时间). Each list
 * gives the Simplified forms, then every Traditional one that opencc makes
 * of them (tests/unit/name-context.test.ts holds the lists to that).
 */
const ZH_ORGANISATION_SUFFIXES = words([
  '晚报 日报 早报 晨报 商报 时报 青年报 都市报 法制报 周刊 画报 新闻网 电视台 卫视 电台 广播电台 广播电视台',
  '集团 控股 股份 银行 证券 证券交易所 交易所 航空 保险 电信 广播公司 队 成指 综指 时间 皇家 总部 版',
  '晚報 日報 早報 晨報 商報 時報 青年報 都市報 法制報 週刊 畫報 新聞網 電視臺 電視台 衛視 衞視 電臺 電台',
  '廣播電臺 廣播電台 廣播電視臺 廣播電視台 集團 銀行 證券 證券交易所 保險 電信 廣播公司 隊 綜指 時間 總部',
]);

/** A telecoms carrier's branch: 北京移动, 北京联通. */
const ZH_CARRIERS = ['移动', '联通', '移動', '聯通'];
/** What makes 移动 "mobile" and not the carrier: 北京移动支付, 英国移动互联网. */
const ZH_MOBILE_AFTER = words([
  '支付 互联网 通信 办公 应用 终端 设备 网络 电话 医疗 宽带',
  '支付 互聯網 通信 辦公 應用 終端 設備 網絡 電話 醫療 寬帶',
]);

/**
 * A brand or an organisation in Latin letters right after a place (英国O2,
 * 英国Sea Shepard组织): a national branch's name. Capitals alone are an
 * acronym that can be the place's own (英国GDP, 英国BBC), so the word needs a
 * small letter or a digit.
 */
const LATIN_BRAND = /^[A-Z][A-Za-z0-9]*?[a-z0-9]/u;

/**
 * What, after those words, makes them a trade and not a firm's name
 * (英国航空业, 英国证券市场), or another word than an edition's 版 (北京版图,
 * 英国版权).
 */
const ZH_TRADE_AFTER = ['业', '業', '市场', '市場', '图', '圖', '权', '權'];

/**
 * What ends a firm's name however far after the place that begins it
 * (北京百度网讯科技有限公司, 阿里巴巴（北京）有限公司, 某某深圳分公司), or
 * follows it as a title only a firm gives (北京知道创宇副总裁).
 */
const ZH_FIRM_ENDS = words([
  '有限公司 有限责任公司 分公司 分行 支行 集团 总裁 董事长 总经理 创始人 首席执行官',
  '有限責任公司 集團 總裁 董事長 總經理 創始人 首席執行官',
]);

/**
 * What ends an institution's name a few chars after the place that begins
 * it (北京理工大学, 中国驻英国大使馆): only a few, so that a sentence between
 * them (英国首相参观剑桥大学) leaves the place itself.
 */
const ZH_NEAR_ENDS = words([
  '大学 学院 大使馆 使馆 领事馆 办事处 机场 中心 青年宫 少年宫 文化宫 博物馆 图书馆 体育馆 美术馆 科技馆',
  '大學 學院 大使館 使館 領事館 辦事處 機場 青年宮 少年宮 文化宮 博物館 圖書館 體育館 美術館 科技館',
  '研究院 研究所 医院 醫院',
]);
/**
 * An institution's end word that a place's own word may hold too: 中心 ends
 * 北京青少年中心, but 北京市中心 is the city's centre. Only after two chars
 * of the institution's own name does it end one.
 */
const ZH_NEAR_ENDS_AFTER_TWO = ['中心'];

/**
 * What ends an event's name however far after the place that begins it, as
 * a firm's end does: 杭州亚运会, 北京市中小学生篮球冠军赛, 英国美人鱼小姐选美比赛.
 * A verb between them makes it a sentence (北京举办比赛, 英国选手赢得比赛).
 */
const ZH_EVENT_ENDS = words([
  '赛 运动会 奥运会 冬奥会 残奥会 亚运会 世博会 博览会 展览会 峰会 论坛 选美 马拉松 音乐节 电影节 艺术节 时尚秀 时装秀 嘉年华',
  '文化节 旅游节 美食节 啤酒节 购物节 花节 文化節 旅遊節 美食節 啤酒節 購物節 花節',
  '賽 運動會 奧運會 冬奧會 殘奧會 亞運會 世博會 博覽會 展覽會 峰會 峯會 論壇 選美 馬拉松 音樂節 電影節 藝術節 時尚秀 時裝秀 嘉年華',
]);

/**
 * An international fair named after its city (深圳国际家具展, 北京国际车展):
 * 国际 right after the place, and 展 a few chars on where it is no verb's
 * (北京国际发展合作 holds 发展, "development").
 */
const ZH_INTERNATIONAL_FAIR = /^(?:国际|國際)[^展]{0,6}(?<![发發进進扩擴拓开開施伸舒推延])展/u;

/**
 * What ends a firm's legal name, which runs on further than a title does
 * (北京搜狐新媒体信息技术有限公司, 北京第二十六维信息技术有限公司): looked for
 * up to ZH_LEGAL_REACH chars after the place.
 */
const ZH_LEGAL_ENDS = words(['有限公司 有限责任公司', '有限責任公司']);
const ZH_LEGAL_REACH = 18;
/** Words that count firms (一家, 逾万家): a sentence about firms, not one firm's name, runs through them. */
const ZH_COUNTING = /[一两兩几幾多数數万萬千百]家|逾|超过|超過/u;

/**
 * What ends a shop's or a hotel's name where the run of its name ends
 * (北京沃尔玛昌平东关店, 物美杭州西溪欢乐城店, 北京饭店, 某某北京店), and a
 * prize's however its grade goes on (北京市科学技术奖一等奖). A verb right
 * before the end word, or opening a prize's run, makes the run a sentence
 * (北京开店, 杭州新开店, 深圳市民获奖, 北京颁奖), unless a shop's name is
 * longer than such a sentence (北京沃尔玛昌平东关店); a word that goes on from
 * it is another (北京店铺). Not 公司: 英国研究公司 is a British firm, as
 * 英国公司 are British firms. So too a firm's short name, whose own words
 * come before its 科技, four chars at least (深圳岚锋创视网络科技; not 北京科技,
 * 深圳高科技 or 天津争取科技, where a verb the rules do not know stands), and a
 * site's, which ends in 在线 (北京禁毒在线; not 北京在线教育).
 */
const ZH_NAMED_END =
  /^(?:.?[^开開关關进進到逛探])?店$|^.{3,}店$|^[^获獲颁頒得领領夺奪].+[^获獲颁頒得领領夺奪][奖獎]|^.{4,}科技$|在[线線]$/u;

/** A site's end word that opens with a joining char (在): the run of a name reads on through it. */
const ZH_ONLINE_ENDS = ['在线', '在線'];

/** A firm's and an event's ends, which one run of Han chars after the place is read for. */
const ZH_FAR_ENDS = [...ZH_FIRM_ENDS, ...ZH_EVENT_ENDS];
/** The words a far run reads on through: those ends, and a site's that opens with a joining char. */
const ZH_FAR_RUN_ENDS = [...ZH_FAR_ENDS, ...ZH_ONLINE_ENDS];

/** Verbs that turn a place and an event's or a firm's word into a sentence: a name holds none of them. */
const ZH_SENTENCE_VERBS = words([
  '举办 举行 主办 承办 协办 参加 参与 出席 赢得 获得 夺得 拿下 输给 战胜 击败 观看 退出 宣布 表示 发布 报道',
  '成立 召开 开幕 闭幕 支持 赞助 派出 进行 迎来 取得 投资 收购 起诉 制裁 禁止 批准',
  '舉辦 舉行 參加 參與 贏得 獲得 奪得 輸給 戰勝 擊敗 觀看 退出 宣佈 表示 發佈 報道 開幕 閉幕 贊助 進行 取得',
  '投資 收購 製裁 主辦 承辦 協辦 召開 迎來 起訴 发现 發現 开业 開業',
]);

/**
 * How many Han chars after a place a firm's name may run to its end word,
 * and how many an institution's or an event's name may hold before its end
 * word: 北京航空航天大学 holds four; 英国首相参观剑桥大学 is a sentence.
 */
const ZH_FIRM_REACH = 12;
const ZH_NEAR_REACH = 4;

/**
 * Chars that join two words of a sentence, or count what follows (多所大学):
 * an organisation's name holds none of them.
 */
const ZH_FUNCTION_CHARS = new Set(
  [...'的和与及或在是有了将对为从向把被让等都也又就于以之而并但其这那个多各几些数與將對爲為從讓於並這個幾數'].map((c) =>
    c.charCodeAt(0),
  ),
);

/** A newspaper's words: after a body's name they make it the body's paper ("PLA Daily"). */
const EN_PAPER_WORDS = words(['Daily Times Review Herald Gazette Tribune Telegraph Chronicle Journal Weekly']);

/**
 * Capitalised words that, after a place's name, make it an organisation's:
 * "Australia Post", "Beijing Daily". Not the words a title-case headline
 * puts after a place as often ("UK Stock Markets Fall", "Britain Air
 * Pollution"): "Stock" counts only before "Exchange".
 */
const EN_ORGANISATION_WORDS = new Set(
  words([
    ...EN_PAPER_WORDS,
    'Post News Evening Morning',
    'Bank Airways Airlines University College Television TV Radio Broadcasting Exchange Securities',
    'Holdings Limited Ltd Inc Corp Corporation Company Co Telecom Enterprises Industries Motors Insurance',
    'Guoan Metro Olympics Games Expo Marathon Network Channel Magazine',
  ]),
);

/**
 * A city's facilities: "Tianjin Port", "Beijing Subway", "Shenzhen Railway
 * Station". A city's only: a country before them in a title-case headline is
 * the country ("China Port Congestion Eases", "UK Railway Strikes").
 */
const EN_CITY_FACILITY_WORDS = new Set(words(['Port Subway Railway Station']));

/**
 * What ends an organisation's, a place's or an event's English name a few
 * capitalised words after the place that begins it: "Beijing Normal
 * University", "Beijing Capital International Airport", "Hangzhou Asian
 * Games". Not a government's words: "Beijing City Council" is the city's.
 */
const EN_NAME_ENDS = new Set(
  words([
    'University Institute College School Academy Hospital Museum Airport Zoo Stadium Bank Group Company',
    'Corporation Corp Ltd Limited Inc Holdings Exchange Index Games Olympics Paralympics Expo Marathon Review',
    'Technology Technologies TV Channel Network Valley Park',
    ...EN_PAPER_WORDS,
  ]),
);
/** How many capitalised words a name may hold between the place and its end word. */
const EN_NAME_REACH = 3;
/** Words a title-case headline capitalises that no such name holds: its end word is in another name. */
const EN_TITLE_SMALL_WORDS = new Set(words(['A An The And Or Of In On At To For From By With As Vs Over Into']));

/**
 * "Amazon UK announces a sale", "Huawei UK said": a brand's name before a
 * country's abbreviation, in a sentence that goes on in lower case, names
 * the brand's arm or edition there. A title-case headline capitalises its
 * verbs as well ("China Warns UK Firms"), so only a lower-case word after
 * tells a brand from a verb. A brand's name has a small letter (not "THE
 * UK") and is no function word ("In UK shops", "Why UK prices rose").
 */
const EN_BRAND = /^[A-Z][a-z][A-Za-z]*$/u;
const EN_NOT_BRAND = new Set(
  words([
    'In From To Of By With At For On Across Into Throughout Within Than And Or But The A An This That These Those',
    'Why How When Where What Which Who Whether If As While So Once Since Until Unless Before After',
  ]),
);

/**
 * Words that go on from a place as readily as from a brand ("Birmingham UK
 * to Uber", "Leeds UK and beyond"): after them, the abbreviation is a
 * place's country, as it is before a verb only after a brand.
 */
const EN_PLACE_GOES_ON = new Set(
  words(['to in of and or for on at is was are were has have had with from by as the a an']),
);

/**
 * "Bank of Beijing", "University of Hangzhou", "Press Club of Australia",
 * "Radio Australia": an organisation named after the place that follows.
 * Not a government's words ("Government of Australia", "Commonwealth of
 * Australia"), which name the place's state.
 */
const EN_ORGANISATION_BEFORE =
  /\b(?:(?:Bank|University|Club|Association|Society|Institute|Chamber|Museum|Library|Federation|Academy|College|Church)\s+of|Radio)\s+$/iu;

/**
 * "Swimming Australia", "Tourism Australia", "Screen Australia": a field's
 * capitalised name before a country's is a national body's name, as
 * Australia names its sports bodies and agencies.
 */
const EN_FIELD_WORDS = words([
  'Swimming Cricket Tennis Rugby Football Soccer Athletics Basketball Golf Cycling Hockey Netball Rowing Sailing',
  'Surfing Gymnastics Triathlon Diving Boxing Volleyball Baseball Softball Sport Sports Tourism Standards',
  'Engineers Screen Universities Geoscience Infrastructure',
]);
const EN_FIELD_BEFORE = new RegExp(`\\b(?:${EN_FIELD_WORDS.join('|')})\\s+$`, 'u');

/**
 * "Western Australia", "South Australia", "North Beijing": a capitalised
 * point of the compass makes the name a region's, a state's or a district's.
 * Lower case ("northern Beijing") is a part of the place, and names it.
 */
const EN_REGION_BEFORE =
  /\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|NORTH|SOUTH|EAST|WEST|NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL)\s+$/u;

/**
 * Places whose name, right before a national body's Chinese name, makes it
 * that place's own body: 浙江发改委, 杭州发改委, 各地发改委. China's provinces
 * and their largest cities, the words for a level of government, and the
 * words for "every locality".
 */
const ZH_LOCAL_PREFIXES = words([
  '省 市 区 县 州 盟 旗 镇 乡 各地 地方 当地 各级 各省 各市 省级 市级 县级',
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南',
  '四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 台湾',
  '石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安',
  '兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 深圳 大连 青岛 宁波 厦门 苏州 无锡 温州 东莞 佛山',
  '區 縣 鎮 鄉 當地 各級 省級 市級 縣級 重慶 遼寧 黑龍江 江蘇 山東 廣東 貴州 雲南 陝西 甘肅 內蒙古 廣西 寧夏',
  '澳門 臺灣 台灣 石家莊 瀋陽 長春 哈爾濱 濟南 鄭州 武漢 長沙 廣州 貴陽 蘭州 西寧 南寧 拉薩 銀川 烏魯木齊',
  '大連 青島 寧波 廈門 蘇州 無錫 溫州 東莞',
]);

/**
 * The last chars of the names of government bodies that every level of
 * government has its own of: commissions, bureaus, departments, offices.
 * A party or an army has no 浙江 counterpart of its own name.
 */
const ZH_LEVELLED_BODY_ENDS = new Set([...'委会局厅部办署會廳辦'].map((c) => c.charCodeAt(0)));

/** How many chars either side of an acronym `notNear` words are looked for. */
const NEAR_REACH = 60;

/** The rules' word lists and reaches, for a check that implements the rules again on its own (the corpus sweep). */
export const nameContextWords = () => ({
  zhOrganisationSuffixes: [...ZH_ORGANISATION_SUFFIXES],
  zhTradeAfter: [...ZH_TRADE_AFTER],
  zhFirmEnds: [...ZH_FIRM_ENDS],
  zhNearEnds: [...ZH_NEAR_ENDS],
  zhNearEndsAfterTwo: [...ZH_NEAR_ENDS_AFTER_TWO],
  zhEventEnds: [...ZH_EVENT_ENDS],
  zhSentenceVerbs: [...ZH_SENTENCE_VERBS],
  zhFirmReach: ZH_FIRM_REACH,
  zhLegalEnds: [...ZH_LEGAL_ENDS],
  zhLegalReach: ZH_LEGAL_REACH,
  zhCounting: ZH_COUNTING.source,
  zhNearReach: ZH_NEAR_REACH,
  zhFunctionChars: String.fromCharCode(...ZH_FUNCTION_CHARS),
  enOrganisationWords: [...EN_ORGANISATION_WORDS],
  enCityFacilityWords: [...EN_CITY_FACILITY_WORDS],
  enNameEnds: [...EN_NAME_ENDS],
  enNameReach: EN_NAME_REACH,
  enTitleSmallWords: [...EN_TITLE_SMALL_WORDS],
  enFieldWords: [...EN_FIELD_WORDS],
  enPaperWords: [...EN_PAPER_WORDS],
  enNotBrand: [...EN_NOT_BRAND],
  enPlaceGoesOn: [...EN_PLACE_GOES_ON],
  zhLocalPrefixes: [...ZH_LOCAL_PREFIXES],
  zhLevelledBodyEnds: String.fromCharCode(...ZH_LEVELLED_BODY_ENDS),
  titleReach: TITLE_REACH,
  nearReach: NEAR_REACH,
  zhOneCharCountries: String.fromCharCode(...ZH_ONE_CHAR_COUNTRIES),
  zhNotCountryList: String.fromCharCode(...ZH_NOT_COUNTRY_LIST),
  zhListEnds: String.fromCharCode(...ZH_LIST_ENDS),
  zhRunPartners: ZH_RUN_PARTNERS,
  zhInternationalFair: ZH_INTERNATIONAL_FAIR.source,
  zhRunWordEnds: ZH_RUN_WORD_ENDS.join(''),
  zhHeadlineWordEnds: ZH_HEADLINE_WORD_ENDS.join(''),
  zhRunWordPairs: ZH_RUN_WORD_PAIRS.source,
  zhNotSiteBefore: String.fromCharCode(...ZH_NOT_SITE_BEFORE),
  zhNotSiteAfter: String.fromCharCode(...ZH_NOT_SITE_AFTER),
  zhCarriers: [...ZH_CARRIERS],
  zhMobileAfter: [...ZH_MOBILE_AFTER],
  zhPaperEnds: [...ZH_PAPER_ENDS],
  zhNamedEnd: ZH_NAMED_END.source,
  zhOnlineEnds: [...ZH_ONLINE_ENDS],
  zhQuotedReach: ZH_QUOTED_REACH,
});

const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x3000;
const isLatinLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** The word (a run of Latin letters) after the white space that follows `from`, and where it ends; '' where none. */
function wordAfter(text: string, from: number): { word: string; end: number } {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i === from) return { word: '', end: from };
  let j = i;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return { word: text.slice(i, j), end: j };
}

/** The Han chars after `from` that could still be one name: up to `reach`, stopping at a word that joins a sentence. */
function hanRun(text: string, from: number, reach: number, ends: readonly string[]): string {
  let to = from;
  while (to < text.length && to - from < reach) {
    const code = text.charCodeAt(to);
    if (!isHan(code)) break;
    // 有 and 多 join a sentence's words, and also begin 有限公司 and 多媒体: an end word goes on.
    if (ZH_FUNCTION_CHARS.has(code) && !ends.some((ending) => text.startsWith(ending, to))) break;
    if (ZH_SENTENCE_VERBS.some((verb) => text.startsWith(verb, to))) break;
    to++;
  }
  return text.slice(from, to);
}

/** 北京晚报, 北京理工大学, 阿里巴巴（北京）有限公司: a Chinese place name that begins another organisation's name. */
function beginsZhOrganisation(text: string, end: number): boolean {
  const suffix = ZH_ORGANISATION_SUFFIXES.find((word) => text.startsWith(word, end));
  if (suffix !== undefined && !ZH_TRADE_AFTER.some((word) => text.startsWith(word, end + suffix.length))) return true;
  const carrier = ZH_CARRIERS.find((word) => text.startsWith(word, end));
  if (carrier !== undefined && !ZH_MOBILE_AFTER.some((word) => text.startsWith(word, end + carrier.length))) {
    return true;
  }
  if (LATIN_BRAND.test(text.slice(end, end + 24))) return true;
  // A place in brackets inside a firm's legal name: the name goes on after the bracket.
  const next = text.charCodeAt(end);
  const from = next === 0x29 || next === 0xff09 ? end + 1 : end;
  const far = hanRun(text, from, ZH_FIRM_REACH, ZH_FAR_RUN_ENDS);
  if (ZH_FAR_ENDS.some((ending) => far.includes(ending))) return true;
  if (ZH_INTERNATIONAL_FAIR.test(far) || ZH_NAMED_END.test(far) || quotesEventsName(text, end)) return true;
  const legal = hanRun(text, from, ZH_LEGAL_REACH, ZH_LEGAL_ENDS);
  if (ZH_LEGAL_ENDS.some((ending) => legal.includes(ending)) && !ZH_COUNTING.test(legal)) return true;
  // An institution's end word comes a few chars on (北京理工大学), or a sentence stands between.
  const near = hanRun(text, from, ZH_NEAR_REACH + 3, ZH_NEAR_ENDS);
  const nearEnd = ZH_NEAR_ENDS.some((ending) => {
    const at = near.indexOf(ending);
    return at >= (ZH_NEAR_ENDS_AFTER_TWO.includes(ending) ? 2 : 0) && at <= ZH_NEAR_REACH;
  });
  return nearEnd || namesSite(text, from, near);
}

/** How far an event's own words in quotes may run, between the place and the event's end word. */
const ZH_QUOTED_REACH = 12;

/**
 * 英国“华文书香”文化节: an event's name may quote its own words between the
 * place and its end word, which comes right after the closing quote
 * (not 英国“脱欧”公投, a sentence about the place).
 */
function quotesEventsName(text: string, end: number): boolean {
  const open = text.charAt(end);
  const closing = open === '“' ? '”' : open === '「' ? '」' : '';
  if (closing === '') return false;
  const close = text.indexOf(closing, end + 1);
  if (close < 0 || close - end > ZH_QUOTED_REACH + 1) return false;
  return ZH_EVENT_ENDS.some((ending) => text.startsWith(ending, close + 1));
}

/** 网 as a site's name ends there; after these it is a verb's (上网, 联网) or a catch's (落网). */
const ZH_SITE_END = new Set([0x7f51, 0x7db2]); // 网 網
const ZH_NOT_SITE_BEFORE = new Set([...'上联触入落漏撒织聯觸織'].map((c) => c.charCodeAt(0)));
/** Before these, 网 begins a word of its own that the segmenter splits (网购, 网红, 网贷, 网信办): no site's name. */
const ZH_NOT_SITE_AFTER = new Set([...'购友络民店红贷约游吧页信購絡紅貸約遊頁'].map((c) => c.charCodeAt(0)));

/**
 * 杭州网, 北京新浪网, 北京广播网: a site's name, ending in 网 a few chars after
 * the place, where a word ends (北京网友 are Beijing's netizens, 网友 a word).
 */
function namesSite(text: string, from: number, near: string): boolean {
  for (let i = 0; i < near.length && i <= ZH_NEAR_REACH; i++) {
    if (!ZH_SITE_END.has(near.charCodeAt(i))) continue;
    if (i > 0 && ZH_NOT_SITE_BEFORE.has(near.charCodeAt(i - 1))) return false;
    if (ZH_NOT_SITE_AFTER.has(text.charCodeAt(from + i + 1))) return false;
    return isHanWordEnd(text, from + i + 1);
  }
  return false;
}

/** "Beijing 2022", "London 2012": a place and a year name the games or the fair held there. */
const EN_EVENT_YEAR = /^\s+(?:19|20)\d\d(?![0-9])/u;

/**
 * "Australia have done their homework", "England were bowled out": in the
 * British press a country that takes a plural verb is its national team.
 * Not after "and", "or" or a comma (the plural is the list's), nor after a
 * preposition ("prices in Australia have risen").
 */
const EN_TEAM_VERB = /^\s+(?:have|are|were)\b/u;
const EN_NOT_TEAM_BEFORE =
  /(?:\b(?:and|or|in|from|to|of|by|than|with|at|for|on|across|into|throughout|within)|,)\s+$/iu;

/** "China Unicom Beijing", "China Mobile Hangzhou": a carrier's branch in the city, as 北京联通 is. */
const EN_CARRIER_BEFORE = /\bChina\s+(?:Unicom|Mobile|Telecom)\s+$/u;

/** "Australia Post", "BEIJING DAILY", "Bank of Beijing", "Beijing 2022": a place's English name inside another name. */
function isInEnOrganisation(text: string, start: number, end: number, kind: EntityKind): boolean {
  const rest = text.slice(end, end + 12);
  // "Dirun (Tianjin) Technology": a place in brackets inside a firm's name.
  if (text.charCodeAt(start - 1) === 0x28 && text.charCodeAt(end) === 0x29 && /^\)\s+[A-Z]/u.test(rest)) return true;
  // "© Commonwealth of Australia 2018" is a copyright's year, not an event's.
  if (EN_EVENT_YEAR.test(rest) && !/\bof\s+$/u.test(text.slice(Math.max(0, start - 4), start))) return true;
  const name = text.slice(start, end);
  const single = !/\s/u.test(name);
  if (kind === 'country' && single && EN_TEAM_VERB.test(rest)) {
    if (!EN_NOT_TEAM_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return true;
  }
  const after = wordAfter(text, end);
  if (after.word !== '') {
    const { word } = after;
    const capitalised = word.charAt(0) + word.slice(1).toLowerCase();
    const written = word === capitalised || word === word.toUpperCase();
    if (written && (EN_ORGANISATION_WORDS.has(word) || EN_ORGANISATION_WORDS.has(capitalised))) return true;
    if (kind === 'city' && written && EN_CITY_FACILITY_WORDS.has(capitalised)) return true;
    if (written && capitalised === 'Stock' && /^exchange$/iu.test(wordAfter(text, after.end).word)) return true;
    // A time zone: "10am Beijing time".
    if (word === 'time' || word === 'Time' || word === 'TIME') return true;
  }
  if (endsEnName(text, end)) return true;
  const before = text.slice(Math.max(0, start - 24), start);
  if (kind === 'country' && EN_FIELD_BEFORE.test(before)) return true;
  if (kind === 'country' && isBrandsEdition(text, before, name, end)) return true;
  if (kind === 'city' && EN_CARRIER_BEFORE.test(before)) return true;
  return EN_ORGANISATION_BEFORE.test(before) || EN_REGION_BEFORE.test(before);
}

/**
 * "CIO Australia | CMO Australia |": in a menu whose items a bar divides, a
 * capitalised name before a country's is a brand's edition there, as a
 * place's own item is the country alone.
 */
const EN_CAPITALISED_BEFORE = /(?:^|[^A-Za-z0-9])([A-Z][A-Za-z0-9]*)\s+$/u;
const EN_MENU_BAR_AFTER = /^\s*\|/u;

/** "Amazon UK announces", "CIO Australia |": a country's name as a brand's edition there. */
function isBrandsEdition(text: string, before: string, name: string, end: number): boolean {
  const brand = EN_CAPITALISED_BEFORE.exec(before)?.[1];
  if (brand === undefined || EN_NOT_BRAND.has(brand)) return false;
  if (EN_MENU_BAR_AFTER.test(text.slice(end, end + 8))) return true;
  if (name !== name.toUpperCase() || !EN_BRAND.test(brand)) return false;
  const next = wordAfter(text, end).word;
  const first = next.charCodeAt(0);
  return first >= 0x61 && first <= 0x7a && !EN_PLACE_GOES_ON.has(next);
}

/** Whether one of the next few capitalised words after `end` ends a name: "Beijing Normal University". */
function endsEnName(text: string, end: number): boolean {
  let at = end;
  for (let n = 0; n < EN_NAME_REACH; n++) {
    const next = wordAfter(text, at);
    const first = next.word.charCodeAt(0);
    if (!(first >= 0x41 && first <= 0x5a) || EN_TITLE_SMALL_WORDS.has(next.word)) return false;
    if (EN_NAME_ENDS.has(next.word)) return true;
    at = next.end;
  }
  return false;
}

/** The commonest top-level domains, right after a name: ".com" ends a host's name, ".Next day" a sentence. */
const TOP_LEVEL_DOMAIN = /^\.(?:com|net|org|cn|hk|tw|uk|au|gov|edu|info|io|co)(?![A-Za-z0-9])/iu;

/**
 * "GOV.UK", "www.Xiaomi.cn", "tour-beijing.com": a name after a Latin word
 * and a dot, or inside a hyphened host's name, is part of an address, as is
 * an e-mail address's domain ("support@kuaishou.com").
 * Digits before a dot number a list ("1.华为"). A name that begins an
 * address is its owner's site ("Alibaba.com", "NSA.gov").
 */
function isInAddress(text: string, start: number, end: number): boolean {
  if (start >= 2 && text.charCodeAt(start - 1) === 0x2e && isLatinLetter(text.charCodeAt(start - 2))) return true;
  // tour-beijing.com: a name after a word and a hyphen, before a dot and a top-level domain, is inside a host's name.
  const hyphenBefore = text.charCodeAt(start - 1) === 0x2d && isWordCode(text.charCodeAt(start - 2));
  if (hyphenBefore && TOP_LEVEL_DOMAIN.test(text.slice(end, end + 8))) return true;
  // support@kuaishou.com: the domain of an e-mail address.
  return (
    text.charCodeAt(start - 1) === 0x40 && text.charCodeAt(end) === 0x2e && isLatinLetter(text.charCodeAt(end + 1))
  );
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

/** 浙江发改委, 省发改委, 各地发改委: a national body's Chinese name after a place's. */
function isLocalBody(text: string, start: number, end: number): boolean {
  if (!ZH_LEVELLED_BODY_ENDS.has(text.charCodeAt(end - 1))) return false;
  const before = text.slice(Math.max(0, start - 4), start);
  return ZH_LOCAL_PREFIXES.some((place) => before.endsWith(place));
}

/** The dots Chinese and Japanese set between the parts of a foreign name: 穆罕默德·阿里. */
const NAME_DOTS = new Set([0xb7, 0x2022, 0x2027, 0x30fb, 0xff65]);
/** The bullet, which pages also set between a brand and its product's name (网易•有钱). */
const BULLET = 0x2022;

/**
 * 穆罕默德·阿里, 阿里·哈梅内伊: a part of a transliterated person's name. Han
 * on the dot's far side tells it from a bullet ("•阿里股价上涨"). A full
 * name beside a bullet is a brand's (`bullet` false); a later form, which
 * needs its full name before it anyway, is judged by every dot.
 */
export function isPartOfForeignName(text: string, start: number, end: number, bullet = true): boolean {
  const isDot = (code: number) => NAME_DOTS.has(code) && (bullet || code !== BULLET);
  const dotBefore = isDot(text.charCodeAt(start - 1)) && isHan(text.charCodeAt(start - 2));
  const dotAfter = isDot(text.charCodeAt(end)) && isHan(text.charCodeAt(end + 1));
  return dotBefore || dotAfter;
}

/**
 * What makes a body's name its newspaper's, publisher's or news site's
 * (解放军报, 中国共产党新闻网), where a word ends there (not 解放军报道).
 */
const ZH_PAPER_ENDS = ['日报', '报', '出版社', '新闻网', '日報', '報', '新聞網'];

function namesPaper(text: string, end: number): boolean {
  const paper = ZH_PAPER_ENDS.find((word) => text.startsWith(word, end));
  return paper !== undefined && isHanWordEnd(text, end + paper.length);
}

/** "PLA Daily", "CPC Times": a body's English name before a newspaper's word names the paper. */
function namesEnPaper(text: string, end: number): boolean {
  return EN_PAPER_WORDS.includes(wordAfter(text, end).word);
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
      return han ? isLocalBody(text, start, end) || namesPaper(text, end) : namesEnPaper(text, end);
    case 'firm':
      // A firm's short Chinese name is often a syllable of a transliterated name too (阿里).
      return han && isPartOfForeignName(text, start, end, false);
    default:
      return false;
  }
}

/**
 * The one-char names Chinese lists of countries use (美、英、日、德、澳): a
 * list item beside one of them is a country's too. 港 and 台 beside 澳 make
 * it Macao (港、澳、台).
 */
const ZH_ONE_CHAR_COUNTRIES = new Set(
  [...'中美英法德日俄澳加意韩印朝越泰荷比瑞挪丹芬葡西乌土伊以埃菲欧韓義烏歐'].map((c) => c.charCodeAt(0)),
);
const ZH_NOT_COUNTRY_LIST = new Set([...'港台臺'].map((c) => c.charCodeAt(0)));
/** What may follow a list's last item: a count of the countries, or 国 (美、英两国, 英、法等国). */
const ZH_LIST_ENDS = new Set([...'两三四五六七八九十国兩國'].map((c) => c.charCodeAt(0)));
const LIST_COMMA = 0x3001; // 、

/** Where a list item's side meets text that cannot be part of it: no Han, a joining word, a count. */
function endsItem(code: number): boolean {
  return Number.isNaN(code) || !isHan(code) || ZH_FUNCTION_CHARS.has(code) || ZH_LIST_ENDS.has(code);
}

/**
 * Whether the one char at `at` is an item of a list of countries: set off by
 * 、 or by a list's edge on both sides, with a one-char country beside it
 * across a 、. 精英、 and 中、英文 are words, not items.
 */
export function isOneCharListItem(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 1);
  const left = before === LIST_COMMA ? text.charCodeAt(at - 2) : Number.NaN;
  const right = after === LIST_COMMA ? text.charCodeAt(at + 2) : Number.NaN;
  if (before !== LIST_COMMA && !endsItem(before)) return false;
  if (after !== LIST_COMMA && !endsItem(after)) return false;
  if (ZH_NOT_COUNTRY_LIST.has(left) || ZH_NOT_COUNTRY_LIST.has(right)) return false;
  return ZH_ONE_CHAR_COUNTRIES.has(left) || ZH_ONE_CHAR_COUNTRIES.has(right);
}

/**
 * The one-char countries a run of them is made of (美英, 英法德, 中澳):
 * partners common enough in such runs that a matcher pairs each with a
 * country's list form (、[英]).
 */
export const ZH_RUN_PARTNERS = '中美英法德日俄澳加意韩韓';
/** What, right after a run, makes its last char part of a word: 中英文, 英特尔, 英超, 英寸, 澳门. */
const ZH_RUN_WORD_ENDS = [...'文语語汉漢译譯字词詞雄特伟偉超镑鎊寸尺里俊才明勇门門格版'];
/** Two languages' works or tools (中英对照, 中英双碟), but not 中英双方, the two sides. */
const ZH_RUN_WORD_PAIRS = /^(?:对照|對照|互译|互譯|[双雙](?![方边邊]))/u;

/**
 * What, after a one-char country at a headline's start, makes a word of it
 * that the browsers' segmenter does not know: 英超 and 英甲 (football
 * leagues), 英皇 (a firm), 英航 (an airline), 英联邦 (the Commonwealth), 英年,
 * and brands transliterated from Latin names (英菲克, 英菲尼迪).
 */
const ZH_HEADLINE_WORD_ENDS = [...ZH_RUN_WORD_ENDS, ...'皇甲冠联聯足航姿年灵靈烈豪杰傑名气氣武华華菲'];

/**
 * Whether a one-char country at `at` begins a headline or a clause (英脫歐,
 * “英档案解密”): no Han char before it, and Han text after that makes no word
 * with it. With the word segmenter's word end after it (英雄 and 澳門 are
 * words), the char stands alone for its country, as headlines write it.
 */
export function beginsHeadline(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  return !isHan(text.charCodeAt(at - 1)) && isHan(next) && !ZH_HEADLINE_WORD_ENDS.includes(String.fromCharCode(next));
}

/** Whether a short form's phrase is two one-char countries side by side (美英): a piece of a run. */
export const isRunPhrase = (phrase: string): boolean =>
  phrase.length === 2 &&
  ZH_ONE_CHAR_COUNTRIES.has(phrase.charCodeAt(0)) &&
  ZH_ONE_CHAR_COUNTRIES.has(phrase.charCodeAt(1));

/**
 * Whether two one-char countries side by side at `start` are part of a run
 * of them (英美四国, 英法联军, 中英关系): a compound of countries, in which
 * each char names its country, unless the run's end makes a word of it
 * (中英文, 英特尔), 港 and 台 before it make 澳 Macao, or it stands alone
 * between non-Han text, as a dictionary's language pairs do (中英 中法 中日).
 */
export function isCountryRun(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && ZH_ONE_CHAR_COUNTRIES.has(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && ZH_ONE_CHAR_COUNTRIES.has(text.charCodeAt(to))) to++;
  if (ZH_NOT_COUNTRY_LIST.has(text.charCodeAt(from - 1))) return false;
  if (!isHan(text.charCodeAt(from - 1)) && !isHan(text.charCodeAt(to))) return false;
  const after = text.slice(to, to + 2);
  return !ZH_RUN_WORD_ENDS.includes(after.charAt(0)) && !ZH_RUN_WORD_PAIRS.test(after);
}

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
