import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../../data/schema';
import { compileMatcher, type MatchableEntity } from '../../engine/matcher/matcher';
import { nameContextWords } from '../../engine/matcher/name-context';

/** Entities made for these rules, not the bundled stories: the rules hold for every pack's places and bodies. */
function entity(id: string, kind: EntityKind, names: string[], more: Partial<MatchableEntity> = {}): MatchableEntity {
  return { id, kind, names, laterMentions: [], opensLaterMentions: [], notNames: [], notAfter: [], ...more };
}

const matcher = compileMatcher([
  entity('beijing', 'city', ['Beijing', '北京'], { notNames: ['在京都'], shortForms: ['在[京]', '[京]津冀'] }),
  entity('hangzhou', 'city', ['Hangzhou', '杭州']),
  entity('tianjin', 'city', ['Tianjin', '天津'], { shortForms: ['京[津]冀'] }),
  entity('britain', 'country', ['Britain', 'UK', 'UK government', '英国', '英國'], {
    notNear: ['size', 'shoe'],
    shortForms: ['、[英]', '[英]、', '在[英]', '访[英]'],
  }),
  entity('australia', 'country', ['Australia', '澳大利亚', '澳洲'], { shortForms: ['、[澳]', '[澳]、', '在[澳]'] }),
  entity('ndrc', 'institution', ['NDRC', '发改委', '發改委', '国家发改委']),
  entity('pla', 'institution', ['PLA', '解放军'], { notNear: ['filament', '3D', '打印'] }),
  entity('ccp', 'institution', ['CPC'], { notNear: ['click', 'CPM', 'CTR', '点击'] }),
  entity('nsa', 'institution', ['NSA'], { notNear: ['SA', '组网', 'standalone'] }),
  entity('jd', 'firm', ['京东']),
  entity('kuaishou', 'firm', ['Kuaishou', '快手'], { notBefore: ['菜', '早餐'] }),
  entity('state', 'country', ['Chinese state'], { notBefore: ['capitalism', '-owned'] }),
  entity('bank', 'firm', ['Alpha'], { notAfter: ['Bank of'] }),
  entity('alibaba', 'firm', ['阿里巴巴', '阿里云', '阿里']),
]);

const found = (text: string) => matcher.findMentions(text).mentions.map((m) => `${m.entityId}:${m.text}`);

describe('a place inside another name', () => {
  it.each([
    ['北京晚报记者报道', []],
    ['據北京晚報報道', []],
    ['杭州电视台播出', []],
    ['北京百度网讯科技有限公司 版权所有', []],
    ['北京第二十六维信息技术有限公司（至顶网）', []],
    ['北京搜狐新媒体信息技术有限公司', []],
    ['北京的一家信息技术有限公司', ['beijing:北京']],
    ['北京中关村一家人工智能有限公司', ['beijing:北京']],
    ['北京今年新增科技型中小企业逾万家有限公司占比过半', ['beijing:北京']],
    ['阿里巴巴（北京）有限公司', ['alibaba:阿里巴巴']],
    ['北京理工大学的学生', []],
    ['英国广播公司说', []],
    ['《英国达人》第三季', []],
    ['北京理工大学举办论坛', []],
    ['杭州亚运会开幕', []],
    ['北京市中小学生篮球冠军赛揭幕', []],
    ['参加了英国美人鱼小姐选美比赛', []],
    ['某某公司深圳分公司版权所有', []],
    ['订阅《北京晚报》', []],
    ['中国驻英国大使馆发言人', []],
    ['北京时间12月7日', []],
    ['助力北京移动新零售', []],
    ['英国O2宣布退出', []],
    ['为英国Sea Shepard组织筹集资金', []],
    ['北京冬奥会会徽', []],
    ['Dirun (Tianjin) Technology', []],
    ['EWS Channel Australia Plus TV Guide', []],
    ['杭州网 ⋅ 1评论', []],
    ['【北京新浪網】', []],
    ['北京广播网报道', []],
    ['深圳成指收涨', []],
    ['北京大兴国际机场', []],
    ['北京某某创宇副总裁主持论坛', []],
    ['英国驻华大使馆', []],
    ['现身昕薇北京女孩时尚秀活动', []],
    ['第六届北京农业嘉年华', []],
    ['中集首秀“北京国际家具展”', []],
    ['据北京青少年中心相关负责人介绍', []],
    ['项目在北京市青年宫正式启动', []],
    ['[文化活动]英國皇家歌劇院高清影像', []],
    ['北京國際車展開幕', []],
  ])('%s is not the place', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Australia Post delivered it', []],
    ['the Beijing Daily reported', []],
    ['a map of the Beijing Subway', []],
    ['book at Tour-Beijing.com today', []],
    ['the Beijing Economic Daily reported', []],
    ['held in the Beijing International Bio Valley', []],
    ['the Shanghai-Beijing line', ['beijing:Beijing']],
    ['the Hong Kong-Beijing.Next day', ['beijing:Beijing']],
    ['from Beijing Railway Station at noon', []],
    ['cruise ships call at the Beijing Port', []],
    ['UK Railway Strikes Called Off', ['britain:UK']],
    ['Australia Port Strike Ends', ['australia:Australia']],
    ['BEIJING DAILY', []],
    ['the Beijing\u00a0Daily and the Beijing\n   Daily', []],
    ['Hangzhou Stock Exchange', []],
    ['北京電視臺', []],
    ['the Bank of Beijing said', []],
    ['at the National Press Club of Australia in Canberra', []],
    ['the Royal Society of Australia', []],
    ['China Unicom Beijing and Huawei joint test', []],
    ['the Shenzhen-listed Hangzhou Stock Exchange', []],
    ['the Beijing 2022 Winter Games', []],
    ['BEIJING 2022', []],
    ['Australia have done their homework', []],
    ['news from GOV.UK today', []],
    ['see www.Beijing.gov.cn', []],
    ['Perth, Western Australia', []],
    ['at 10am Beijing time', []],
    ['Swimming Australia said', []],
    ['funding from Tourism Australia', []],
    ['Beijing Normal University', []],
    ['Beijing Capital International Airport', []],
    ['the Hangzhou Asian Games', []],
    ['SOUTH AUSTRALIA', []],
    ['Radio Australia News', []],
    ['Australia Network News', []],
    ['see www.Hangzhou.gov', []],
    ['write to press@Hangzhou.gov.cn', []],
    ['Amazon UK announces its Easter sale', []],
    ['Huawei UK said in a statement', []],
    ['Computerworld Australia | CIO Australia | CSO Online', []],
    ['CRN Australia | IoT Hub', []],
    ['顾客在家乐福天津河西店发现过期食品', []],
    ['盒马杭州万象城店开业当天', []],
    ['入住北京王府井希尔顿酒店', []],
    ['荣获北京市科学技术进步奖一等奖', []],
    ['第三届杭州“数字书香”文化节开幕', []],
    ['英國「中華美食」嘉年華', []],
    ['某培训机构北京店被曝停课', []],
    ['在天津沃尔玛河东关店发现假货', []],
    ['员工称北京总部已人去楼空', []],
    ['南方医科大学深圳医院启用新系统', []],
    ['北京禁毒在线 各区', []],
    ['深圳岚锋创视网络科技 VR公司', []],
    ['这款手机深圳版售价更低', []],
    ['英國版《哈利波特》', []],
  ])('%s is not the place', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['北京市政府宣布', ['beijing:北京']],
    ['杭州市中级人民法院', ['hangzhou:杭州']],
    ['北京的大学很多', ['beijing:北京']],
    ['北京有很多大学', ['beijing:北京']],
    ['英国《金融时报》报道', ['britain:英国']],
    ['the Beijing government said', ['beijing:Beijing']],
    ['flights to Beijing daily', ['beijing:Beijing']],
    ['Australia posted a surplus', ['australia:Australia']],
    ['Britain and the UK', ['britain:Britain', 'britain:UK']],
    ['Britain is reviewing the size of the deal', ['britain:Britain']],
    ['Prices in Australia have risen', ['australia:Australia']],
    ['the UK government have said so', ['britain:UK government']],
    ['1.北京发布新规', ['beijing:北京']],
    ['英国首相参观剑桥大学', ['britain:英国']],
    ['英国证券市场下跌', ['britain:英国']],
    ['英国航空业遭重创', ['britain:英国']],
    ['英国多所大学', ['britain:英国']],
    ['英國將舉辦奧運會', ['britain:英國']],
    ['UK Stock Markets Fall', ['britain:UK']],
    ['Why Australia Mobile Users Pay More', ['australia:Australia']],
    ['Britain and Australia are allies', ['britain:Britain', 'australia:Australia']],
    ['Australia has a plan', ['australia:Australia']],
    ['Beijing 20 years ago', ['beijing:Beijing']],
    ['in the UK. Next', ['britain:UK']],
    ['in northern Beijing', ['beijing:Beijing']],
    ['South Korea and Britain', ['britain:Britain']],
    ['英国大使在会上说', ['britain:英国']],
    ['北京网友表示', ['beijing:北京']],
    ['北京移动支付发展很快', ['beijing:北京']],
    ['英国GDP增长', ['britain:英国']],
    ['offices in Shanghai (and Beijing) too', ['beijing:Beijing']],
    ['北京举办比赛', ['beijing:北京']],
    ['China Warns UK Firms', ['britain:UK']],
    ['Birmingham UK to Uber: want a licence?', ['britain:UK']],
    ['Tech News | Australia | World', ['australia:Australia']],
    ['Huawei banned in Australia | Tech', ['australia:Australia']],
    ['from Leeds UK and beyond', ['britain:UK']],
    ['Huawei Ban Hits UK', ['britain:UK']],
    ['In UK shops prices rose', ['britain:UK']],
    ['Why UK prices rose', ['britain:UK']],
    ['THE UK is leaving', ['britain:UK']],
    ['the UK said so', ['britain:UK']],
    ['Modern Britain is changing', ['britain:Britain']],
    ['英国选手赢得比赛', ['britain:英国']],
    ['在英国上网很贵', ['britain:英国']],
    ['北京互联网法院', ['beijing:北京']],
    ['© Commonwealth of Australia 2018', ['australia:Australia']],
    ['visit NSA.gov today', ['nsa:NSA']],
    ['Beijing City Council', ['beijing:Beijing']],
    ['UK Says Huawei Is Welcome', ['britain:UK']],
    ['Britain Bans Huawei From the Network', ['britain:Britain']],
    ['the time in Beijing', ['beijing:Beijing']],
    ['in swimming Australia leads', ['australia:Australia']],
    ['北京3日电 某公司总裁说', ['beijing:北京']],
    ['北京的一位创始人', ['beijing:北京']],
    ['the Government of Australia said', ['australia:Australia']],
    ['The Best UK Home Broadband ISPs', ['britain:UK']],
    ['Norfolk UK Wireless Broadband ISP', ['britain:UK']],
    ['北京女孩的穿衣风潮', ['beijing:北京']],
    ['统计：北京网购线上替代线下率达84.8%', ['beijing:北京']],
    ['公司位于北京市中心', ['beijing:北京']],
    ['北京中心城区', ['beijing:北京']],
    ['我们下个月在北京开店', ['beijing:北京']],
    ['杭州進店人數創新高', ['hangzhou:杭州']],
    ['北京酒店预订量上涨', ['beijing:北京']],
    ['杭州市民获奖', ['hangzhou:杭州']],
    ['北京颁发科技奖', ['beijing:北京']],
    ['杭州新开店数量增长', ['hangzhou:杭州']],
    ['北京店铺租金上涨', ['beijing:北京']],
    ['英国研究公司Omdia指出', ['britain:英国']],
    ['一家英国公司收购了它', ['britain:英国']],
    ['英国版权法修订', ['britain:英国']],
    ['今天北京网信办发布紧急通知', ['beijing:北京']],
    ['全国人大北京代表团审议报告', ['beijing:北京']],
    ['北京在线教育机构增多', ['beijing:北京']],
    ['天津争取科技投资', ['tianjin:天津']],
    ['北京版图扩大', ['beijing:北京']],
    ['英国“脱欧”公投结果', ['britain:英国']],
    ['北京大学生领奖', []],
  ])('%s names the place', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps its text from a shorter name inside it, as a place always does', () => {
    expect(found('北京东城区')).toEqual(['beijing:北京']);
    expect(found('北京东日报')).toEqual(['beijing:北京']);
    // A place that is part of another name still holds its chars: 京东 is not read inside 北京东…日报.
    expect(found('北京东方日报')).toEqual(['beijing:北京']);
    expect(found('北京日报东')).toEqual([]);
  });
});

describe('a one-char short form in a set phrase', () => {
  it.each([
    ['论坛即将在京召开', ['beijing:京']],
    ['京津冀协同发展', ['beijing:京', 'tianjin:津']],
    ['他在京东购物', ['jd:京东']],
    ['他在京都旅游', []],
    ['南京和东京', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('marks only the short form, at its own offsets', () => {
    const [mention] = matcher.findMentions('会议在京召开').mentions;
    expect(mention && [mention.start, mention.end, mention.text]).toEqual([3, 4, '京']);
  });

  it('marks each place whose short form one phrase holds, in its order', () => {
    const places = matcher.findMentions('《京津冀协同发展规划纲要》与京津冀地区').mentions;
    expect(places.map((m) => [m.entityId, m.start, m.text])).toEqual([
      ['beijing', 14, '京'],
      ['tianjin', 15, '津'],
    ]);
  });
});

describe('a national body after a place is that place’s own', () => {
  it.each([
    ['浙江发改委发布', []],
    ['军媒视点 解放军报 军报每天读', []],
    ['CGTN | CRI | PLA Daily | Women of China', []],
    ['杭州发改委', ['hangzhou:杭州']],
    ['各地发改委', []],
    ['浙江省发改委', []],
    ['北京市發改委', ['beijing:北京']],
    ['內蒙古發改委', []],
  ])('%s is a local commission', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['国家发改委发布', ['ndrc:国家发改委']],
    ['据发改委消息', ['ndrc:发改委']],
    ['香港解放军驻军', ['pla:解放军']],
    ['解放军报道说', ['pla:解放军']],
  ])('%s is the national body', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('an acronym in another sense', () => {
  it.each([
    ['Bids by CPC and CPM', []],
    ['pay per click (CPC) rates', []],
    ['广告按CPC点击计费', []],
    ['5G NSA组网', []],
    ['NSA and SA modes', []],
    ['PLA filament for 3D printers', []],
    ['UK size 8 shoes', []],
  ])('%s is another sense', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['the CPC Central Committee met', ['ccp:CPC']],
    ['The NSA denied it', ['nsa:NSA']],
    ['the PLA Navy', ['pla:PLA']],
    ['PLA daily drills', ['pla:PLA']],
  ])('%s is the body', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a common word that holds a name', () => {
  it.each([
    ['十分钟快手菜', []],
    ['快手早餐做法', []],
    ['Chinese state capitalism', []],
    ['a Chinese state-owned bank', []],
    ['the Bank of Alpha', []],
    ['快手发布财报', ['kuaishou:快手']],
    ['the Chinese state denies it', ['state:Chinese state']],
    ['Alpha said', ['bank:Alpha']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a firm’s short Chinese name', () => {
  it('is the firm, but never a syllable of a transliterated person’s name', () => {
    expect(found('阿里发布新芯片')).toEqual(['alibaba:阿里']);
    expect(found('阿里云宣布')).toEqual(['alibaba:阿里云']);
    expect(found('拳王穆罕默德·阿里')).toEqual([]);
    expect(found('阿里·哈梅内伊说')).toEqual([]);
    // A bullet is no transliteration dot.
    expect(found('•阿里股价上涨')).toEqual(['alibaba:阿里']);
    // A bullet between a brand and its product's name.
    expect(found('阿里•有钱')).toEqual(['alibaba:阿里']);
  });
});

describe('a one-char short form where a word ends', () => {
  it.each([
    ['允许他们在英工作与学习', ['britain:英']],
    ['访英期间', ['britain:英']],
    ['在英。', ['britain:英']],
    ['即将在京召开', ['beijing:京']],
    ['在京津冀', ['beijing:京', 'tianjin:津']],
  ])('%s names the place', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['他在英语课上', 'English class'],
    ['在英伟达工作', 'at Nvidia'],
    ['在澳门', 'in Macao'],
    ['在京剧里', 'in Peking opera'],
  ])('%s does not (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a one-char country in a list of countries', () => {
  it.each([
    ['来自美、英、日、德、澳、加拿大8个国家', ['britain:英', 'australia:澳']],
    ['日、俄、英、法、美这几个', ['britain:英']],
    ['与英、澳等国', ['britain:英', 'australia:澳']],
    ['英、美两国', ['britain:英']],
  ])('%s names them', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['港、澳、台地区', 'Hong Kong, Macao and Taiwan'],
    ['中、英文版本', 'Chinese and English editions'],
    ['精英、骨干', 'a word that ends in 英'],
    ['英、数、理', 'no country beside it'],
  ])('%s does not (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a one-char country in a run of countries', () => {
  it.each([
    ['英美四国围堵', ['britain:英']],
    ['英法德擬對伊朗祭出新制裁', ['britain:英']],
    ['英法联军', ['britain:英']],
    ['脱欧后中英“黄金时代”将继续', ['britain:英']],
    ['中澳关系回暖', ['australia:澳']],
    ['美英两国', ['britain:英']],
    ['中英双方同意', ['britain:英']],
  ])('%s names them', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['中英文对照', 'Chinese and English text'],
    ['中英雙語版本', 'bilingual'],
    ['中英互译', 'translation'],
    ['今日英超', 'the Premier League'],
    ['美英特尔', 'Intel'],
    ['港澳台', 'Hong Kong, Macao and Taiwan'],
    ['中澳门户', 'Macao'],
    ['蔡健雅中英双碟齐发', 'a two-language album'],
    ['词典 中英 中法 中韩', 'a dictionary’s language pairs'],
  ])('%s does not (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('yields to a full name that runs on from it', () => {
    expect(found('其中英国代表')).toEqual(['britain:英国']);
  });

  it.each([
    ['(圖) 英謀凍結富豪資產', ['britain:英']],
    ['英档案解密：疑中方施压', ['britain:英']],
  ])('%s: alone, it begins a headline', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['英雄联盟', 'a word'],
    ['英超联赛', 'the Premier League'],
    ['中超 英超 西甲', 'the Premier League in a menu'],
    ['英皇钟表珠宝去年扭亏为盈', 'Emperor, a firm'],
    ['英菲尼迪新车上市', 'Infiniti, a brand written by its sounds'],
    ['澳門回歸', 'Macao'],
    ['精英 英才计划', 'words'],
    ['马克龙图趁英', 'not a headline’s start, and no text after'],
  ])('%s: not alone (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('the rules’ Chinese word lists', () => {
  const converters = (['t', 'tw', 'hk'] as const).map((to) => Converter({ from: 'cn', to }));
  const lists = nameContextWords();
  it.each([
    ['zhOrganisationSuffixes', lists.zhOrganisationSuffixes],
    ['zhTradeAfter', lists.zhTradeAfter],
    ['zhFirmEnds', lists.zhFirmEnds],
    ['zhLegalEnds', lists.zhLegalEnds],
    ['zhNearEnds', lists.zhNearEnds],
    ['zhEventEnds', lists.zhEventEnds],
    ['zhSentenceVerbs', lists.zhSentenceVerbs],
    ['zhOneCharCountries', [...lists.zhOneCharCountries]],
    ['zhNotCountryList', [...lists.zhNotCountryList]],
    ['zhListEnds', [...lists.zhListEnds]],
    ['zhNotSiteBefore', [...lists.zhNotSiteBefore]],
    ['zhCarriers', lists.zhCarriers],
    ['zhMobileAfter', lists.zhMobileAfter],
    ['zhPaperEnds', lists.zhPaperEnds],
    ['zhLocalPrefixes', lists.zhLocalPrefixes],
    ['zhFunctionChars', [...lists.zhFunctionChars]],
    ['zhLevelledBodyEnds', [...lists.zhLevelledBodyEnds]],
  ])('%s holds every Traditional form opencc makes of its Simplified words', (_, list) => {
    const missing = list.flatMap((word) => converters.map((convert) => convert(word))).filter((w) => !list.includes(w));
    expect([...new Set(missing)]).toEqual([]);
  });
});
