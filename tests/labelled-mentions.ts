/**
 * A labelled set of our own for the matcher's precision and recall: for each
 * lookalike rule and each form a real page uses, sentences in English and
 * Chinese with the mentions a reader should see marked as [text|entity-id].
 * Text left unmarked must not be highlighted. `npm run bench` reports the
 * figures; tests/unit/labelled-mentions.test.ts holds them at 1.0.
 */
import type { Matcher } from '../engine/matcher/matcher';

export interface LabelledCategory {
  id: string;
  /** What the category tests, as the bench report names it. */
  title: string;
  language: 'en' | 'zh' | 'en and zh';
  /** Read first, as a block of its own: it opens the later forms the sentences use. */
  before: string;
  sentences: string[];
}

export interface ExpectedMention {
  entityId: string;
  start: number;
  end: number;
}

const MARK = /\[([^\]|]+)\|([a-z0-9-]+)\]/g;

/** A marked sentence as plain text, with its expected mentions. */
export function parseLabelled(sentence: string): { text: string; expected: ExpectedMention[] } {
  let text = '';
  let last = 0;
  const expected: ExpectedMention[] = [];
  for (const match of sentence.matchAll(MARK)) {
    text += sentence.slice(last, match.index);
    expected.push({ entityId: match[2] as string, start: text.length, end: text.length + (match[1] as string).length });
    text += match[1];
    last = (match.index as number) + match[0].length;
  }
  return { text: text + sentence.slice(last), expected };
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Sentences whose mentions differ from the labels, with what was found. */
  misses: string[];
}

const key = (m: ExpectedMention) => `${m.entityId}@${m.start}-${m.end}`;

/**
 * Scores a way of finding mentions against a category: `find` gets the
 * category's opening text and a sentence, as two blocks in that order, and
 * returns the sentence's mentions.
 */
export function scoreCategory(
  category: LabelledCategory,
  find: (before: string, text: string) => ExpectedMention[],
): Score {
  const score: Score = { truePositives: 0, falsePositives: 0, falseNegatives: 0, misses: [] };
  for (const sentence of category.sentences) {
    const { text, expected } = parseLabelled(sentence);
    const found = new Set(find(category.before, text).map(key));
    const wanted = new Set(expected.map(key));
    let wrong = false;
    for (const k of found) {
      if (wanted.has(k)) score.truePositives++;
      else {
        score.falsePositives++;
        wrong = true;
      }
    }
    for (const k of wanted) {
      if (!found.has(k)) {
        score.falseNegatives++;
        wrong = true;
      }
    }
    if (wrong) score.misses.push(`${sentence} → found ${[...found].join(', ') || 'nothing'}`);
  }
  return score;
}

/** The matcher's way: the opening block's admitted entities are what the sentence's block has seen. */
export const findWithMatcher = (matcher: Matcher) => (before: string, text: string) =>
  matcher.findMentions(text, matcher.findMentions(before).admitted).mentions;

export const precision = (s: Score) =>
  s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives);
export const recall = (s: Score) =>
  s.truePositives + s.falseNegatives === 0 ? 1 : s.truePositives / (s.truePositives + s.falseNegatives);

export const LABELLED: LabelledCategory[] = [
  {
    id: 'same-surname',
    title: 'Another person with the same surname',
    language: 'en',
    before: 'Jack Ma founded Alibaba, and Yin Li leads the party in Beijing.',
    sentences: [
      'Ma Ying-jeou met Xi Jinping in Singapore in 2015.',
      "Taiwan's former leader Ma Ying-jeou visited the mainland again.",
      'Environmentalist Ma Jun tracks factory pollution.',
      "Ma Jun's group published a new pollution map.",
      'Pony Ma, who runs Tencent, kept a low profile.',
      'Tencent chief Pony Ma spoke at the congress.',
      'Ma Huateng is better known as Pony Ma.',
      'Ma Long won the table tennis final.',
      'The cellist Yo-Yo Ma played Bach.',
      'Yin Wei covered the trial for the paper.',
      'Ma Weihua led China Merchants Bank for years.',
      'Ma Xingrui became party chief of Xinjiang.',
      'Ma Kai served as a vice premier.',
      'Ma Zhaoxu spoke for the foreign ministry.',
      'The poet Yin Lichuan read from her work.',
      'J. Ma wrote the report.',
      '[Ma|jack-ma] has kept a low profile since then.',
      'Mr. [Ma|jack-ma] declined to comment.',
      'Secretary [Yin|yin-li] visited the firms.',
      'Party Secretary [Yin|yin-li] chaired the meeting.',
      'When [Ma|jack-ma] returned, shares rose.',
      'Later [Ma|jack-ma] travelled abroad.',
      'Investors watched [Ma|jack-ma] closely.',
      '[Yin|yin-li] told the executives to invest.',
      'People close to [Ma|jack-ma] said he was teaching.',
      'Both [Ma|jack-ma] and Pony Ma are billionaires.',
      'According to [Yin|yin-li], consumer tech matters.',
      'Billionaire [Ma|jack-ma] spoke at a forum.',
      "[Ma|jack-ma]'s remarks in 2020 angered regulators.",
      'Founder [Ma|jack-ma] stepped back from [Alibaba|alibaba].',
      'Critics of [Ma|jack-ma] were quiet.',
      '[Yin|yin-li], the party chief of [Beijing|beijing], spoke first.',
    ],
  },
  {
    id: 'numbers',
    title: 'A number in an amount, a longer number, a model or a compound',
    language: 'en',
    before: 'Qihoo 360 is a cybersecurity firm.',
    sentences: [
      'The deal was worth $360 million.',
      'It raised US$360m in the listing.',
      'Revenue rose to 1,360 million yuan.',
      'The index closed at 3,360.5 points.',
      'Prices rose 360% over a decade.',
      'The camera shoots 360-degree video.',
      "Microsoft's Xbox 360 sold well.",
      'The Galaxy 360 is a new model.',
      'It costs ¥360 a month.',
      'The firm hired 360 engineers last year.',
      'A total of 360 people attended.',
      'About 360 stores will close.',
      'Ticket #360 won the draw.',
      'The route runs 360 kilometres.',
      'Some 360 flights were cancelled.',
      'He turned 360 degrees.',
      'Route 360 was closed.',
      'It sold 2 360 units.',
      'Insta360 makes action cameras.',
      'The non-360 models sold less.',
      '[360|qihoo-360] said it would appeal.',
      '[360|qihoo-360] and [Alibaba|alibaba] both fell.',
      'Investors like [360|qihoo-360], analysts say.',
      '[360|qihoo-360] has signed a deal with [Hangzhou|hangzhou].',
      '[360|qihoo-360] will report results on Friday.',
      'Shares in [360|qihoo-360] rose.',
      "[360|qihoo-360]'s browser is popular.",
      'Regulators fined [360|qihoo-360].',
      '[360|qihoo-360] declined to comment.',
      'Like [Xiaomi|xiaomi], [360|qihoo-360] is based in [Beijing|beijing].',
    ],
  },
  {
    id: 'initials',
    title: 'Initials of someone or something else',
    language: 'en',
    before: 'JD.com sells goods online.',
    sentences: [
      'JD Sports opened a new store.',
      'JD Wetherspoon runs pubs across Britain.',
      'JD Vance spoke in Ohio.',
      'JD Power ranked the cars.',
      'JD Williams sells clothes by catalogue.',
      'JD Salinger wrote one famous novel.',
      'Shoppers queued outside JD Sports.',
      'She earned a JD/MBA at Yale.',
      'Visit JD.co.uk for trainers.',
      'The JD-led consortium won.',
      'JD Gyms opened a branch.',
      'The JD Group bought the chain.',
      'Fans of JD Souther packed the hall.',
      'JD Logistics is a separate listed company.',
      'JD Health listed in Hong Kong.',
      'JD Sports Fashion reported profits.',
      '[JD|jd-com] shares rose in Hong Kong.',
      '[JD|jd-com] said sales grew.',
      'Analysts like [JD|jd-com] and [Alibaba|alibaba].',
      "[JD|jd-com]'s founder spoke.",
      'Rivals such as [JD|jd-com] cut prices.',
      '[JD|jd-com] has opened warehouses in [Tianjin|tianjin].',
      'Investors sold [JD|jd-com] after the results.',
      'When [JD|jd-com] reported, the stock fell.',
      'Regulators met [JD|jd-com], [Xiaomi|xiaomi] and [Kuaishou|kuaishou].',
      '[JD|jd-com] will expand abroad.',
      'Later [JD|jd-com] cut its forecast.',
      'The meeting with [JD|jd-com] was brief.',
      '[JD|jd-com], the online retailer, grew.',
      'Shares of [JD|jd-com] rose.',
    ],
  },
  {
    id: 'other-party',
    title: "Another country's party",
    language: 'en',
    before: 'The Chinese Communist Party met.',
    sentences: [
      'The Communist Party of Cuba held a congress.',
      'The Communist Party of Vietnam chose a leader.',
      'The Communist Party of the Russian Federation won seats.',
      "Cuba's Communist Party met in Havana.",
      'Vietnam’s Communist Party named a new chief.',
      'The Cuban Communist Party met.',
      'The Vietnamese Communist Party is in power.',
      'The Communist Party USA has few members.',
      'The Communist Party of Great Britain dissolved in 1991.',
      'The French Communist Party lost votes.',
      'The Japanese Communist Party opposed the bill.',
      'The Communist Party of India (Marxist) rules Kerala.',
      'The Communist Party of Nepal split again.',
      'The Soviet Communist Party collapsed.',
      'The South African Communist Party backed the ANC.',
      'The Communist Party of Greece marched.',
      "Laos's Communist Party rules the country.",
      'The [Communist Party|ccp] said it backs tech.',
      'The ruling [Communist Party|ccp] wants growth.',
      "The [Communist Party|ccp]'s leaders met.",
      'Members of the [Communist Party|ccp] attended.',
      'The [Communist Party|ccp], which rules China, signalled support.',
      'The [Communist Party|ccp] in [Beijing|beijing] backed the firms.',
      'Officials of the [Communist Party|ccp] spoke.',
      'The [Communist Party|ccp] has changed course.',
      'The [Communist Party|ccp] chief of [Beijing|beijing] met [JD.com|jd-com].',
      'Under the [Communist Party|ccp], tech firms grew.',
      'The [Communist Party|ccp] will hold a plenum.',
      'Support from the [Communist Party|ccp] matters.',
      'The [CCP|ccp] and the [Communist Party of China|ccp] are the same body.',
      'The [Communist Party|ccp] is courting tech firms.',
    ],
  },
  {
    id: 'capitals-copy',
    title: 'The capitals copy of a later form outside a line in capitals',
    language: 'en',
    before: 'Jack Ma and Yin Li met. The Chinese Communist Party watched.',
    sentences: [
      'He moved to Springfield, MA last year.',
      'Send it to Boston, MA 02110.',
      'Harvard is in Cambridge, MA.',
      'She holds an MA in economics.',
      'MA students pay higher fees.',
      'The YIN and yang of markets.',
      'Worcester, MA is an old mill town.',
      'An MA from Oxford helps.',
      'Lowell, MA lost its mills.',
      'The MA programme starts in autumn.',
      'Salem, MA draws tourists.',
      'He took an MA at SOAS.',
      'Her MA thesis was on trade.',
      'Amherst, MA hosts a college.',
      'COMMUNIST PARTY in a mixed line is just shouting.',
      'MA',
      '[MA|jack-ma] SAID TO PLAN A RETURN',
      'WHY [MA|jack-ma] IS BACK',
      '[YIN|yin-li] SAYS CONSUMER TECH MATTERS',
      'THE [COMMUNIST PARTY|ccp] IS COURTING TECH',
      '[MA|jack-ma] AND [ALIBABA|alibaba]: A REVERSAL',
      'WHEN [MA|jack-ma] SAID IT, [BEIJING|beijing] LISTENED',
      '[JACK MA|jack-ma] RETURNS TO [HANGZHOU|hangzhou]',
      "[MA|jack-ma]'S LONG SILENCE",
      'FOR [MA|jack-ma], A QUIET YEAR',
      '[YIN|yin-li] HAS MET [XIAOMI|xiaomi]',
      '[MA|jack-ma] WAS ABROAD',
      'THE [COMMUNIST PARTY|ccp] HAS SPOKEN',
      '[YIN|yin-li] AND [KUAISHOU|kuaishou]',
      '[MA|jack-ma], [ALIBABA|alibaba] AND THE STATE',
    ],
  },
  {
    id: 'chinese-lookalikes',
    title: 'A Chinese name inside a longer word that means something else',
    language: 'zh',
    before: '',
    sentences: [
      '南京东路是上海最热闹的街道。',
      '我们沿着南京东路散步。',
      '他住在东京东部。',
      '东京东部的房价上涨。',
      '晚饭吃了一碗小米饭。',
      '小米椒炒肉很辣。',
      '早餐喝小米粥。',
      '这道菜放了小米辣。',
      '浙江省发改委发布通知。',
      '广东省发改委召开会议。',
      '[杭州|hangzhou]市发改委批准了项目。',
      '海淀区发改委表示支持。',
      '某县发改委负责人说。',
      '自治州发改委出台政策。',
      '南京东站人很多。',
      '[深圳|shenzhen]市发改委公布数据。',
      '京东方是显示屏制造商。',
      '[北京|beijing]市发改委发布规划。',
      '[京东|jd-com]发布了财报。',
      '在[京东|jd-com]购物很方便。',
      '[小米|xiaomi]发布了新手机。',
      '[小米|xiaomi]和[快手|kuaishou]都参加了会议。',
      '[国家发改委|ndrc]表扬了[阿里巴巴|alibaba]。',
      '[发改委|ndrc]表示将支持平台经济。',
      '在南京东路的[京东|jd-com]门店',
      '[尹力|yin-li]会见了[京东|jd-com]、[小米|xiaomi]和[快手|kuaishou]的负责人。',
      '[国家发展和改革委员会|ndrc]发布通知。',
      '[国家发展改革委|ndrc]召开发布会。',
      '[马云|jack-ma]创办了[阿里巴巴|alibaba]。',
      '[中国共产党|ccp]释放支持信号。',
    ],
  },
  {
    id: 'traditional',
    title: 'Traditional Chinese forms',
    language: 'zh',
    before: '',
    sentences: [
      '[網易|netease]發布了新遊戲。',
      '[京東|jd-com]公布財報。',
      '[京東集團|jd-com]股價上漲。',
      '[馬雲|jack-ma]創辦了[阿里巴巴|alibaba]。',
      '[中國共產黨|ccp]表態支持科技業。',
      '[國家發展和改革委員會|ndrc]讚揚[阿里巴巴|alibaba]。',
      '[國家發改委|ndrc]發布通知。',
      '[發改委|ndrc]表示支持。',
      '[阿里巴巴集團|alibaba]總部在[杭州|hangzhou]。',
      '[小米集團|xiaomi]推出新手機。',
      '[快手科技|kuaishou]上市。',
      '[尹力|yin-li]會見企業代表。',
      '[奇虎360|qihoo-360]與[杭州|hangzhou]簽約。',
      '[阿里集團|alibaba]回應。',
      '[中共|ccp]中央發文。',
      '[深圳|shenzhen]與[天津|tianjin]爭取科技投資。',
      '[北京|beijing]放寬政策。',
      '[360集團|qihoo-360]發布公告。',
      '[國家發展改革委|ndrc]召開會議。',
      '[網易|netease]與[杭州|hangzhou]政府合作。',
      '京東方是面板製造商。',
      '南京東路很熱鬧。',
      '東京東部下雨。',
      '浙江省發改委發布通知。',
      '一碗小米飯。',
      '縣發改委負責人。',
      '海淀區發改委。',
      '小米椒很辣。',
      '[京東|jd-com]與[小米|xiaomi]競爭。',
      '[馬雲|jack-ma]的講話。',
    ],
  },
  {
    id: 'full-forms',
    title: 'Full forms, lit up whole',
    language: 'en and zh',
    before: '',
    sentences: [
      '[京东集团|jd-com]公布业绩。',
      '[快手科技|kuaishou]股价上涨。',
      '[小米集团|xiaomi]发布财报。',
      '[国家发改委|ndrc]表态。',
      '[阿里集团|alibaba]重组。',
      '[360集团|qihoo-360]发布公告。',
      '[阿里巴巴集团|alibaba]控股',
      '[国家发展改革委|ndrc]发布数据。',
      '[奇虎360|qihoo-360]回应。',
      '[小米集团|xiaomi]和[快手科技|kuaishou]',
      '[阿里集团|alibaba]与[京东集团|jd-com]竞争。',
      '[国家发改委|ndrc]和[中国共产党|ccp]',
      '[奇虎|qihoo-360]公司',
      '[阿里巴巴|alibaba]和[网易|netease]都在[杭州|hangzhou]。',
      '[Alibaba Group Holding|alibaba] reported results.',
      '[Kuaishou Technology|kuaishou] listed in 2021.',
      '[Xiaomi Corporation|xiaomi] makes phones.',
      '[Qihoo 360 Technology|qihoo-360] went private.',
      '[NetEase Games|netease] released a title.',
      '[Alibaba Group|alibaba] said so.',
      '[Communist Party of China|ccp] officials met.',
      'The [National Development and Reform Commission|ndrc] spoke.',
      '[360 Security|qihoo-360] updated its app.',
      '[China’s state planner|ndrc] praised [Alibaba|alibaba].',
      '[Jingdong|jd-com] is the Chinese name of [JD.com|jd-com].',
      '[Ma Yun|jack-ma] is the Chinese name of [Jack Ma|jack-ma].',
      '[Qihoo|qihoo-360] is based in [Beijing|beijing].',
      '[CPC|ccp] leaders met.',
      '[NDRC|ndrc] data showed growth.',
      'The [CCP|ccp] spoke.',
    ],
  },
  {
    id: 'casing',
    title: 'Casing and punctuation',
    language: 'en',
    before: 'The NDRC met.',
    sentences: [
      '[Netease|netease] shares rose.',
      '[NetEase|netease] and [Netease|netease] are one firm.',
      '[CHINA’S STATE PLANNER|ndrc] PRAISES [ALIBABA|alibaba]',
      '[China’s State Planner|ndrc] Praises [Alibaba|alibaba]',
      'THE [STATE PLANNER|ndrc] SAID SO',
      'The [state planner|ndrc] spoke.',
      '[State planner|ndrc] backs tech.',
      'The [Chinese Communist party|ccp] met.',
      'The Communist Party ([C.C.P.|ccp]) has proposed a change.',
      "[China's ruling Communist Party|ccp] signalled support.",
      '[China’s ruling Communist Party|ccp] signalled support.',
      'The [National Development & Reform Commission|ndrc] spoke.',
      "[China's Communist Party|ccp] met.",
      '[China’s Communist Party|ccp] met.',
      "[Alibaba|alibaba]'s founder spoke.",
      '[Alibaba|alibaba]’s founder spoke.',
      '[NETEASE|netease] SHARES JUMP',
      "[CHINA'S RULING COMMUNIST PARTY|ccp]",
      '[NATIONAL DEVELOPMENT & REFORM COMMISSION|ndrc]',
      "The [Chinese Communist Party|ccp]'s line.",
      '[Hangzhou|hangzhou]’s deals',
      "[Beijing|beijing]'s party chief",
      '[Shenzhen|shenzhen]-based firms',
      '[Tianjin|tianjin]’s tech hub',
      '[Xiaomi|xiaomi]’s phones',
      "[Kuaishou|kuaishou]'s app",
      "[JD.com|jd-com]'s results",
      '[JD.COM|jd-com] RESULTS',
      '[Qihoo 360|qihoo-360]’s browser',
      "[Yin Li|yin-li]'s meeting",
      '[Jack Ma|jack-ma]’s remarks',
      '[CCP|ccp]-backed funds',
      "the [National Development and Reform Commission|ndrc]'s view",
      'Tags write [netease|netease] and [alibaba|alibaba] in lower case; the ccp and ndrc are acronyms only in capitals.',
    ],
  },
  {
    id: 'inside-other-names',
    title: 'Names inside other names, and names in another sense',
    language: 'en and zh',
    before: '[阿里巴巴|alibaba]发布财报。',
    sentences: [
      '据北京晚报报道，[阿里|alibaba]将扩产。',
      '杭州日报记者在[杭州|hangzhou]采访。',
      '北京百度网讯科技有限公司版权所有',
      '[阿里巴巴|alibaba]（北京）有限公司',
      '天津大学与[天津|tianjin]政府合作。',
      '深圳证券交易所今日开市。',
      '订阅《北京晚报》',
      '[北京|beijing]市政府宣布新规。',
      '[杭州|hangzhou]市中级人民法院判决。',
      '[北京|beijing]东城区的商店。',
      '浙江发改委和[国家发改委|ndrc]',
      '各地发改委落实政策。',
      '[杭州|hangzhou]发改委发布通知。',
      '据[发改委|ndrc]消息，经济回暖。',
      '十分钟快手菜的做法',
      '快手早餐：小米粥',
      '小米加步枪的年代',
      '[快手|kuaishou]和[小米|xiaomi]发布财报。',
      '拳王穆罕默德·阿里',
      '[阿里云|alibaba]宣布降价。',
      '阿里山的日出',
      '广告按CPC点击计费。',
      'Bids are priced by CPC and CPM.',
      'The [CPC|ccp] Central Committee met.',
      'The Beijing Daily reported it.',
      'The Bank of Beijing raised rates.',
      'Shenzhen Stock Exchange data',
      'The [Beijing|beijing] government spoke.',
      'Flights to [Beijing|beijing] daily.',
      'India’s state planner disagreed.',
      '[China’s state planner|ndrc] praised [Alibaba|alibaba].',
      '[NDRC|ndrc] data came out, and the [state planner|ndrc] spoke.',
      '论坛即将在[京|beijing]召开。',
      '他在[京东|jd-com]购物。',
      '他在京都旅游。',
      '[京|beijing][津|tianjin]冀协同发展。',
      '南京和东京的会议',
    ],
  },
];
