/**
 * Every judgement call the parser makes, named once: the weights, thresholds, ratios, word
 * lists and patterns that decide what is chrome, a label, a title, a byline or body text,
 * where a mixed line splits and how paragraphs align. (After Mozilla Readability, which keeps
 * its patterns in one REGEXPS object and its flags and defaults as named constants at the top.)
 *
 * The parser reads them from here; where a stage needs a faster form of a pattern (no i flag,
 * a sticky copy, a first-character prefilter) it derives that form from the one written here
 * when the module loads, and test/core/parse/reference.test.ts checks the two agree.
 *
 * Most values were set by hand on bilingual news pages and news translations. Changing one
 * changes output: run `npx vitest run test/core test/quality` (golden samples and the corpus
 * score) after, and say in the commit what moved.
 */

// ─── Script and length ───────────────────────────────────────────────────────────────────

/** English characters one Han character stands for in news translation (fitted on pairs). */
export const HAN_RATIO = 3.5;
/** English characters one Latin letter or digit inside Chinese stands for (names, numbers: a little shorter). */
export const LATIN_RATIO = 0.85;
/** Added to every Chinese length so that an empty or all-punctuation text still has length (logs of it). */
export const ZH_LENGTH_BASE = 1;
/**
 * A text is Chinese when its Han characters (with CJK punctuation) times this reach its Latin
 * letters: a Chinese paragraph quoting an English name or two stays Chinese.
 */
export const HAN_VOTE = 2.9;
/** Without Han, fewer Latin letters than this is no language at all (numbers, symbols, "A"). */
export const MIN_LATIN_FOR_ENGLISH = 2;

// ─── The article window (content.ts) ─────────────────────────────────────────────────────

/** Chrome, label and meta lines are shorter than this; a longer line is only ever body text. */
export const SHORT_LINE = 240;
/** A line made only of chrome words is chrome when shorter than this (a share bar, a menu row). */
export const CHROME_LINE_MAX = 60;
/** Above this share of link characters a block is a link list (related stories, menus). */
export const LINK_LIST_DENSITY = 0.5;

/** Window weights: what each kind of unit adds to the maximum-sum window that is the article. */
export const WEIGHT = {
  /** A chrome line (share bar, copyright) pushes the window away. */
  chrome: -40,
  /** A label line (来源：…, Editor: …) belongs with the article even when its values are links. */
  metaLine: 10,
  /** A line of neither language that reads as a label (a bare date). */
  otherMeta: 8,
  /** A line of neither language otherwise (numbers, symbols): slightly against. */
  other: -3,
  /** An h1/h2 heading: headlines sit at the article's top. */
  topHeading: 20,
  /** Link lists cost their length times this (capped), so long lists weigh heavily against. */
  linkCharCost: 2,
  linkListCostMax: 200,
  /** …plus this for any link list. */
  linkListCost: 10,
  /** Body text counts its English-equivalent length up to this, so one huge block cannot pull the window. */
  bodyCreditMax: 600,
  /** Every body unit costs this: a run of short lines (menus, captions) nets negative. */
  bodyCost: 25,
} as const;
/** Heading levels 1..this count as top headings. */
export const TOP_HEADING_LEVEL = 2;

// ─── Titles, labels and bylines around the window (content.ts) ───────────────────────────

/** Longest headline accepted, per language. */
export const TITLE_MAX = { en: 250, zh: 100 } as const;
/**
 * Without headings, a short line may be a headline: at most this long, or at most the
 * second figure when it ends in a full stop (headlines rarely do).
 */
export const TITLE_GUESS_MAX = { en: 150, zh: 60 } as const;
export const TITLE_GUESS_MAX_ENDED = { en: 80, zh: 30 } as const;
/** The window may start just after the headline (it weighs little): step back over up to this many title-like lines. */
export const TITLE_STEP_BACK = 3;
/** A title-like line has less than this share of link text. */
export const TITLE_LINK_DENSITY_MAX = 0.3;
/** A paragraph longer than this (English-equivalent characters) starts the body: titles come before it. */
export const LONG_PARAGRAPH = 300;
/** A heading filling less than 1/this of the page's <title> may be only the site name the title also carries. */
export const SITE_NAME_SHARE = 2;
/** A missing title is looked for in headings up to this many units before the window. */
export const TITLE_LOOK_BACK = 30;
/** A heading after this many body paragraphs of the other language, before any of its own, may head its language's block (content.ts blockTitle). */
export const BLOCK_TITLE_AFTER_MIN = 2;
/** A part of <title>/og:title is a headline only when longer than this. */
export const TITLE_PART_MIN = { en: 12, zh: 3 } as const;
/**
 * schema.org types whose JSON-LD node is the article a page is about (linked-data.ts): its
 * headline and datePublished are what the page declares. WebPage and the like are left out: a
 * listing page declares them too.
 */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'Article',
  'NewsArticle',
  'AnalysisNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNews',
  'ReviewNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
]);
/** A JSON-LD block longer than this is not read (an article's own is a few KB; a catalogue is not the article). */
export const LINKED_DATA_MAX_CHARS = 262_144;
/** JSON-LD nodes looked at for the article in one block, at most. */
export const LINKED_DATA_MAX_NODES = 200;
/** Label lines missing from the window are looked for this many units before and after it. */
export const META_LOOK_AROUND = 15;
/** Once the body has begun, a label line is read only when shorter than this (else it is a sentence). */
export const META_LINE_IN_BODY_MAX = 120;

// ─── Chrome lines (content.ts) ───────────────────────────────────────────────────────────

/**
 * Words of page furniture, in both languages; a short line made only of these (and
 * punctuation) is chrome. Alternatives are tried in order at each position, so a longer
 * phrase must come before its prefix ("share to" before "share").
 */
export const CHROME_LINE_WORDS =
  /share(?: to| this(?: article| story)?| on)?|分享到?|相关(?:新闻|文章|阅读|报道|链接|推荐|词汇|话题)|相關(?:新聞|文章|閱讀|報導|連結|詞彙)|related(?: articles| stories| news| content| links)?|read more|more(?: news| stories)?|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门(?:新闻|文章|推荐)?|熱門(?:新聞)?|热点推荐|编辑推荐|猜你喜欢|更多(?:新闻|文章|双语)?|最新(?:新闻|文章|双语)?|most (?:popular|read|viewed)|you (?:may|might) also like|recommended|latest(?: news| stories)?|top stories|trending|返回顶部|返回頂部|back to top|about us|contact(?: us)?|advertisement|advertise(?: with us)?|advert|privacy(?: policy)?|terms(?: of (?:use|service))?|site ?map|careers|关于我们|關於我們|联系我们|聯繫我們|广告服务|廣告服務|网站地图|網站地圖|招聘(?:信息)?|隐私政策|隱私政策|用户协议|法律声明|意见反馈|打印(?:本页)?|print(?: this(?: page)?)?|关闭(?:窗口)?|關閉|close(?: window)?|上一篇|下一篇|previous(?: article| story)?|next(?: article| story)?|扫一扫|掃一掃|用?手机扫码|扫码(?:阅读)?|打开本页|关注我们|follow us|home(?:page)?|首页|首頁|top|menu|search|搜索|搜尋|登录|登錄|login|log in|sign in|subscribe|订阅|訂閱|wechat|weibo|微信|微博|twitter|facebook|linkedin|qq空间|豆瓣|朋友圈|转发(?:到)?|收藏(?:本文)?|纠错|糾錯|复制链接|複製連結|copy link|save|bookmark|comments?|评论|email|e-mail|调整|字号|字號|字体|字體|font size|text size|放大|缩小|默认|a[+-]?(?![a-z])|x(?![a-z])|点击查看(?:本文)?(?:英文|中文|双语)?版?|中英对照|中英對照|中英双语|双语对照|英文版|中文版|英文|英语|bilingual|双语|雙語|english|chinese|中文|简体|繁體|繁体|en(?![a-z])|cn(?![a-z])|广告|廣告|推广|sponsored(?: content| by)?|continue reading(?: below)?|继续阅读|繼續閱讀|阅读全文|展开全文|vocabulary|glossary|key words|word list|词汇表?|詞彙表?|重点(?:词汇|单词)|生词|大|中|小/i;

/**
 * Copyright and licence lines (and the ICP licence notices every Chinese site prints). The word
 * "copyright" alone is not enough (a report on a copyright case uses it): it must open the
 * line or come with a year, ©, a colon or "notice"/"statement".
 */
export const COPYRIGHT_LINE = /copyright\s*[©(\d:：]|copyright\s+notice|copyright\s+statement|^copyright\b|©|\(c\)\s*\d{4}|all rights reserved|版权所有|版權所有|ICP\s*备|ICP\s*證|ICP\s*证|备案号|備案號|京公网安备|违法和不良信息/i;

/**
 * Reprint statements: what the site lets readers do with the page, in the prescriptive voice
 * ("may not be reproduced", 不得转载, 转载请注明). A sentence reporting that someone copied
 * without permission (未经许可转载了…) is description, not prescription, and stays body.
 */
export const REPRINT_LINE = /(?:may|must|shall|should) not be (?:\w+ )?(?:reproduced|republished|copied|redistributed|reprinted)|(?:no part|none) of (?:this|the|these) (?:page|article|story|material|content)s?|(?:for|to) (?:personal|non-commercial|(?:language )?learning|study) (?:use|purposes?) only|(?:不得|请勿|請勿|禁止|严禁|嚴禁|谢绝|謝絕)[^。]{0,10}(?:转载|轉載|复制|複製|摘编|摘編|转贴|轉貼)|转载[^。]{0,4}(?:请|須|须)?(?:注明|註明)|如需转载|版权(?:声明|归[^。]{0,12}所有)|版權(?:聲明|歸[^。]{0,12}所有)|仅供(?:学习|學習|个人|個人)[^。]{0,8}(?:使用|参考|參考|交流)/i;

/** Photo captions and credits: "[Photo/Agency]", "Photo: X", "File photo", 资料图片, （新华社记者 摄）, 图片来源：X. */
export const PHOTO_CREDIT_LINE = /^[[(（【]?\s*(?:file\s+)?(?:photos?|images?|pictures?|graphics?)(?:\s+(?:by|courtesy(?: of)?|provided(?: to| by)?|credit)\b|\s*(?:$|[:：/|]|[\])）】]))|\[(?:photos?|images?)\b[^\]]{0,60}\]$|^[(（【]?\s*(?:资料(?:图片?|照片)|資料(?:圖片?|照片)|图片来源|圖片來源|图片[:：/]|圖片[:：/]|图为|圖為|供图|供圖|摄影|攝影)|[\s(（][^()（）]{0,24}摄[)）]?$|[(（](?:图片来源|圖片來源|摄影|攝影|供图)[:：][^()（）]{0,24}[)）]$/i;
/** A headline repeated at the top of the body (some sites print the title pair again as paragraphs) is looked for in this many first body paragraphs. */
export const TITLE_REPEAT_LOOK = 4;
/** A glossary line (a term pair) is at most this long. */
export const TERM_PAIR_MAX = 60;
/** A caption line is at most this long (a longer one is a paragraph). */
export const PHOTO_CREDIT_MAX = 80;

/**
 * Promotions of the site's own channels: scan a QR code, download the app, follow the account.
 * The verb starts a clause or follows 请/欢迎/点击 (a body sentence saying users downloaded an
 * app has the verb mid-clause) and names one of the site's channels.
 */
export const PROMO_LINE = /(?:^|[，,：:！!。；;]|请|請|欢迎|歡迎|点击|點擊)\s*(?:扫描|掃描|扫|掃|长按|長按|下载(?!量)|下載(?!量)|安装|安裝|关注|關注|搜索|订阅|訂閱)[^，,。！!]{0,16}(?:二维码|二維碼|客户端|客戶端|APP|App|app|应用|應用|公众号|公眾號|小程序|微信号|微信號)|scan the qr code|(?:follow|find) us on|download (?:the|our) [\w ]{0,24}app\b|sign up for (?:our|the) newsletter|subscribe to our/i;
/** A promotion line is at most this long (a longer one is a paragraph). */
export const PROMO_MAX = 80;

/**
 * A glossary's term pair: a short Latin term and its short Han rendering, in either order, with
 * at most a colon, dash or equals sign between ("heatstroke 热射病", "储能: energy storage").
 * No sentence punctuation: a sentence is never a term.
 */
export const TERM_PAIR = /^(?:[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,5}\s*[:：=\-–—]?\s*[\u3400-\u9fff][\u3400-\u9fff·（）()、]{0,11}|[\u3400-\u9fff][\u3400-\u9fff·、]{0,11}\s*[:：=\-–—]?\s*[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){0,5})\s*[;；]?$/;
/**
 * A translator's credit: the label (译者, 翻译, 编译, Translated by, Translator) and a short
 * value, no sentence in it. The translator is credited, never the author, and not body text.
 */
export const TRANSLATOR_LINE = /^[[(（【]?\s*(?:(?:中文)?(?:译者|翻译|编译|譯者|翻譯|編譯)(?:\s*[:：/／|｜]\s*|\s+)|(?:translated by|translation by|chinese translation by)\s+|translators?\s*[:：/|]\s*)[^。.!?！？]{1,40}$/i;

// ─── Page structure (html.ts) ────────────────────────────────────────────────────────────

/** Elements whose subtrees never hold article text. */
export const SKIPPED_ELEMENTS = [
  'script', 'style', 'noscript', 'nav', 'footer', 'aside', 'form', 'select', 'option', 'button',
  'iframe', 'svg', 'math', 'template', 'textarea', 'object', 'embed', 'canvas', 'audio', 'video', 'map', 'head',
  // A photo's caption is declared as one: it says what a picture shows, in either language, and is no paragraph of the text.
  'figcaption',
] as const;

/**
 * Class/id words that mark chrome. Matched against whole words of the attribute (split at
 * -, _, space and camelCase), so "content" or "article-body" never match.
 */
export const CHROME_CLASS_WORDS = [
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs',
  'masthead', 'topbar', 'share', 'sharing', 'social', 'sns', 'bdshare', 'related', 'recommend', 'recommended',
  'recommendation', 'sidebar', 'sidebox', 'comment', 'comments', 'copyright', 'advert', 'advertisement',
  'ads', 'banner', 'toolbar', 'search', 'searchbox', 'login', 'subscribe', 'newsletter', 'ranking', 'pager',
  'pagination', 'qrcode', 'friendlink', 'xgxw', 'xgyd',
] as const;

/**
 * Class/id words that name an article's metadata: an element named for both, such as
 * "author_share" (a byline and date beside the share buttons), is not skipped as chrome;
 * its lines are then judged by what they say (share words are still chrome lines).
 */
export const META_CLASS = /(^|[\s_-])(author|authors|byline|writer|source|date|time|pubtime|pubdate|published)([\s_-]|$)/i;

/**
 * An element a browser does not show (inline display:none or visibility:hidden, or the hidden
 * attribute) holds no text of the page: sites plant such spans inside paragraphs (anti-copy
 * watermarks, tracking words) and a reader never sees them. (Readability skips the same.)
 */
export const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Class/id words that mark a headline (a "sub" in the same attribute makes it a subtitle). */
export const TITLE_CLASS = /(^|[\s_-])(title|headline|subtitle|sub-title|entry-title|article-title|biaoti)([\s_-]|$)/i;

/**
 * Plain-text files that put one paragraph per line: at least this many lines in a block, and
 * at least the share below (and at least two) ending a sentence. Hard-wrapped text mostly does not.
 */
export const TEXT_LINE_PARAGRAPHS_MIN = 3;
export const TEXT_LINE_ENDED_SHARE = 0.5;
export const TEXT_LINE_ENDED_MIN = 2;
/** A page is HTML when one of the usual tags appears in its first this many characters. */
export const HTML_SNIFF_CHARS = 4096;

// ─── Splitting mixed lines (split.ts) ────────────────────────────────────────────────────

/** Each half of a split line needs this many Latin letters on the English side… */
export const SPLIT_LATIN_MIN = 12;
/**
 * A paragraph of sentences in both languages in turn is cut sentence by sentence only when at
 * most this long: real ones are a few hundred characters, and each cut counts what is left of
 * the line again, so a hostile megabyte of them would cost quadratic time.
 */
export const SPLIT_INTERLEAVED_MAX = 4000;
/** …and this many Han characters on the Chinese side. */
export const SPLIT_HAN_MIN = 4;
/** The English half has at least this many words. */
export const SPLIT_WORDS_MIN = 3;
/** An English half that does not end a sentence needs this many words, and the Chinese after it this many Han. */
export const SPLIT_UNENDED_WORDS_MIN = 6;
export const SPLIT_UNENDED_HAN_MIN = 10;
/** An English tail after Chinese that does not follow a sentence end needs this many words. */
export const SPLIT_UNENDED_TAIL_WORDS_MIN = 5;
/** The Chinese tail must be Chinese by this margin: Han × HAN_VOTE ≥ Latin × this. */
export const SPLIT_TAIL_ZH_MARGIN = 2;
/** Chinese often opens with a Latin name: look this far back before it for the English sentence end. */
export const SPLIT_SENTENCE_LOOK_BACK = 60;
/** A two-language headline is cut only when its Latin side has this many words and letters and its Chinese side this many Han. */
export const HEADING_SPLIT_WORDS_MIN = 3;
export const HEADING_SPLIT_LATIN_MIN = 10;
export const HEADING_SPLIT_HAN_MIN = 4;

// ─── Alignment (align.ts) ────────────────────────────────────────────────────────────────

/** How often each bead occurs in news translation: 1-1 mostly, 1-2 (one English paragraph, two Chinese) next. */
export const BEAD_PROBABILITY = { '1-1': 0.82, '1-2': 0.08, '2-1': 0.04, '1-0': 0.025, '0-1': 0.02 } as const;
/** Anchor cost: each anchor (number, Latin word) both sides share takes this off a bead's cost… */
export const ANCHOR_MATCH_REWARD = 1.2;
/** …each Latin word or number in the Chinese the English lacks adds this… */
export const ANCHOR_UNMATCHED_WORD_COST = 1.2;
export const ANCHOR_UNMATCHED_NUMBER_COST = 2;
/** …and each number in the English the Chinese lacks this (translations drop numbers more often than invent them). */
export const ANCHOR_EN_ONLY_NUMBER_COST = 0.5;
/**
 * Length cost: |log length ratio| / sigma with sigma² = this + LENGTH_VARIANCE_SHORT / (mean
 * length + 1): news ratios vary widely (0.5–1.7), short texts more.
 */
export const LENGTH_VARIANCE = 0.015;
export const LENGTH_VARIANCE_SHORT = 2;
/** Interleaved pages: cost per paragraph standing between a paragraph and its translation. */
export const GAP_COST = 2;
/** Interleaved pages: cost of a translation placed before its original when the page puts it after (and vice versa). */
export const FACING_COST = 3;
/**
 * A translation shown one pair late (English A, English B, Chinese B, Chinese A): the aligner
 * keeps page order, so A and its translation come out as two one-sided beads around the B
 * pair. They are joined into one pair when the two share an anchor and a 1-1 bead of the two
 * would cost less than the two one-sided beads by at least this margin (in the same units as the bead costs: -log
 * probability, length and anchor costs); the margin stands for the crossing, which the page's
 * order speaks against.
 */
export const CROSSED_PAIR_MARGIN = 5;
/**
 * Marks a translation keeps: quotation marks, question marks, percent, brackets. A pair in
 * which one half has a class of them and the other none is less likely each other's
 * translation (confidence.ts 'marks on one side only', counted per class).
 */
export const TRANSLATION_MARKS: readonly RegExp[] = [/[“”"「」『』]/, /[?？]/, /[%％]|百分之/, /[(（]/];
/** Block layout: the longest run has at least this many paragraphs and the two longest hold this share of the page. */
export const BLOCK_RUN_MIN = 4;
export const BLOCK_SHARE = 0.75;
/** Block pages with more DP cells than this are aligned in a band around the diagonal… */
export const BAND_CELLS = 2500;
/** …at least this wide, widened by the length difference and this share of the longer side. */
export const BAND_MIN = 12;
export const BAND_SLACK = 0.2;
/**
 * …but at most this far either side of the diagonal (plus its step per row): the DP keeps
 * about 2·this cells per English paragraph however long the page (issue 10: memory linear in
 * the page). It binds only on pages of several hundred paragraphs a side, or blocks whose
 * sides differ by more than this many paragraphs.
 */
export const BAND_HALF_WIDTH_MAX = 100;
/** Interleaved pages: a translation is looked for within this many paragraphs of the other side. */
export const INTERLEAVED_BAND = 3;
/**
 * Anchor words (Latin words the Chinese side quotes) are searched page-wide one by one up to
 * this many (fast on news pages, which quote a few); past it each English text is read once
 * instead, so a long page's anchor search stays linear in the page. Same result either way.
 */
export const KEPT_WORDS_SEARCH_MAX = 64;

/*
 * Segment confidence is a fitted probability (confidence.ts, coefficients in the generated
 * calibration.generated.ts, written by `npm run calibrate`): no hand-set weights here.
 */
/** No bead is given less than this, nor more than 1 minus this: a fitted probability is never certain. */
export const CONFIDENCE_MIN = 0.01;

/** English number words a Chinese translation writes as digits ("four soldiers" → 4名官兵). "one" is left out: it is mostly a pronoun. */
export const NUMBER_WORDS = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
} as const;
/**
 * Scale words after a number ("4.8万", "1.2 billion", "5m"), tried in this order (a longer
 * word before its prefix); a one-letter Latin word must stand alone.
 */
export const NUMBER_SCALES: ReadonlyArray<readonly [string, number]> = [
  ['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['bn', 1e9], ['m', 1e6], ['k', 1e3],
];
/**
 * Calendar words both languages write, as anchors: an English month name is the number a
 * Chinese date writes before 月 ("October" ↔ "10月"), so it matches that number; a weekday
 * (Tuesday ↔ 周二 / 星期二) matches as a day token. "May" and "March" count only beside a day
 * number ("May 11", "11 March"): alone they are mostly a verb.
 */
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** Measure words after a Chinese numeral ("三个岛国", "十二名"): the number a translation keeps. */
export const ZH_MEASURE_WORDS = '个名位家项次年天岁人国架艘座条所支辆种批座枚颗';

// ─── Label lines, bylines and notes (metadata.ts) ────────────────────────────────────────

/** Label words per field, each a pattern source; a label takes a colon (来源：, Editor:). */
export const META_LABELS = {
  editor: String.raw`责任编辑|責任編輯|责编|責編|编辑|編輯|Editor[- ]in[- ]charge|Chief\s+Editor|Executive\s+Editor|Editors?`,
  source: '来源|來源|稿源|出处|出處|Source|From',
  author: '作者|记者|記者|撰文|撰稿|供稿|Author|Writer|Reporter',
  date: String.raw`发布时间|發佈時間|發布時間|发表时间|發表時間|发布日期|發布日期|更新时间|更新時間|时间|時間|日期|Published(?:\s+(?:on|at|time))?|Publish(?:ed)?\s+time|Release\s+time|Posted(?:\s+on)?|Updated(?:\s+on)?|Date|Time`,
  /** Labels we do not keep, listed so that they end the value before them. */
  noise: String.raw`点击数?|點擊數?|浏览(?:量|次数)?|瀏覽|阅读(?:量|数)?|閱讀|字号|字號|审核|審核|审校|審校|校对|校對|监制|監製|统筹|統籌|编审|編審|终审|終審|摄影|攝影|图片|圖片|翻译|翻譯|译者|譯者|Views?|Hits|Font\s+size|Clicks?|Photo(?:grapher)?|Translator|Proofreader|Reviewer|Newspaper\s+headline|Print\s+headline`,
} as const;
/** A line holding a label is a label line only if this short: longer, and ending like a sentence, it is a sentence. */
export const META_SENTENCE_MIN = 60;
/** Text before a line's first label may be a date or a site name this short. */
export const META_PREFIX_MAX = 12;
/** A date line may carry this many other characters (a weekday: 星期六). */
export const META_DATE_REST_MAX = 6;

/** An English byline: a label, then the names ("By Zhang San", "Author: Li Si")… */
export const BYLINE = /^(?:By|Written by|Author|Reporter)\s*[:：]?\s+(.+)$/i;
/** …or the names right after a colon ("By:Zhang San"). */
export const BYLINE_TIGHT = /^(?:By|Written by)\s*[:：]\s*(.+)$/i;
/** A byline line is at most this long… */
export const BYLINE_MAX = 120;
/** …and names at most this many words. */
export const BYLINE_NAME_WORDS_MAX = 8;
/** Lower-case words a byline may hold besides names ("By Zhang San and Li Si in Beijing", "staff reporter"); any other is prose. */
export const BYLINE_LOWER_WORDS = ['and', 'in', 'for', 'from', 'at', 'of', 'the', 'de', 'van', 'von', 'bin', 'da', 'di', 'le', 'la', 'staff', 'reporter', 'correspondent', 'writer'] as const;
/** A Chinese byline: an optional "our paper's/site's" prefix, the label, then two to six Han per name, up to four names (文/张三, 本报记者 张三 李四). */
export const ZH_BYLINE = /^(?:本报|本報|本网|本網|本台|特约|特約)?(?:作者|文|记者|記者|撰文|撰稿)\s*[:：/／|｜\s]\s*((?:[\u3400-\u9fff]{2,6}|[\u3400-\u9fff]{1,6}(?:[·•][\u3400-\u9fff]{1,6}){1,2})(?:[ 、，,和與与](?:[\u3400-\u9fff]{2,6}|[\u3400-\u9fff]{1,6}(?:[·•][\u3400-\u9fff]{1,6}){1,2})){0,3})$/;

/**
 * Where a name in an English byline ends: a comma, bar, bracket or slash, a middle dot or
 * bullet, a spaced dash, a place or affiliation ("in Beijing", "for China Daily"), a number.
 */
export const BYLINE_NAME_END = /\s*[,，|｜(（/·•]|\s+[-–—]\s+|\s+(?:in|for|from|at|on)\s+(?=[A-Z0-9])|\s+\d/;
/** What stands between a date and a name on a line of the two ("September 1, 2024 · Chen Jing"). */
export const DATE_NAME_SEPARATOR = /[·•|｜/–—]|\s-\s/;
/** Words that make two to four capitalized words a publication, office or label, not a person. */
export const NOT_A_PERSON_WORDS = [
  'Daily', 'News', 'Times', 'Post', 'Press', 'Agency', 'Online', 'Network', 'Media', 'Review', 'Weekly', 'Journal', 'Magazine', 'Herald', 'Tribune', 'Gazette',
  'Radio', 'Television', 'Xinhua', 'China', 'Chinese', 'Global', 'Staff', 'Reporter', 'Correspondent', 'Editor', 'Editors', 'Desk', 'Service', 'Group', 'Office',
  'Bureau', 'Ministry', 'Department', 'Updated', 'Published', 'Posted', 'Source', 'Photo', 'Share', 'Print', 'Comments',
] as const;
/** A romanized personal name as bylines print it: two to four capitalized words ("Sun Yue", "Maria Santos"). */
const LATIN_NAME = String.raw`[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3}`;
/** A Chinese personal name: two to ten Han, with the · of transliterated foreign names (汤姆·惠特菲尔德). */
const ZH_NAME = String.raw`[\u3400-\u9fff][\u3400-\u9fff·•]{1,9}`;
/**
 * Both bylines on one line: the romanized name and the Chinese one, either first, the second
 * maybe in brackets, maybe after "By" ("By Sun Yue (孙悦)", "孙悦 Sun Yue", "孙悦（Sun Yue）").
 */
export const NAME_PAIR = new RegExp(`^(?:By\\s+)?(?:(${LATIN_NAME})\\s*[(（]?\\s*(${ZH_NAME})\\s*[)）]?|(${ZH_NAME})\\s*[(（]?\\s*(${LATIN_NAME})\\s*[)）]?)$`);
/**
 * The names a date line may end with, after the source ("… China Daily 孙悦(Sun Yue)",
 * "… 中国日报 孙悦"): a bracketed pair, or a Chinese name after a space.
 */
export const TRAILING_NAMES = new RegExp(`(?:^|\\s)(?:(${ZH_NAME})\\s*[(（]\\s*(${LATIN_NAME})\\s*[)）]|(${LATIN_NAME})\\s*[(（]\\s*(${ZH_NAME})\\s*[)）])$|\\s(${ZH_NAME})$`);
/** What may stand before the date in such a date line: a word saying which date it is. */
export const DATE_LINE_PREFIX = /^(?:updated|published|posted|released|更新于|更新於|发布于|發佈於|发表于|發表於|更新|发布|發佈)?\s*(?:on|at|[:：])?\s*$/i;
/** The word before the date is at most this long, and the source and names after it at most the second figure. */
export const DATE_LINE_PREFIX_MAX = 12;
export const DATE_LINE_REST_MAX = 60;
/** The longest source a date line may carry between its date and its names. */
export const DATE_LINE_SOURCE_MAX = 30;
/** A role word left at the end of a date line's source ("新华社 记者 王强": the source is 新华社). */
export const SOURCE_ROLE_TAIL = /\s*(?:本报|本報|本网|本網)?(?:特约)?(?:记者|記者|通讯员|通訊員|staff reporter|reporter|correspondent|by)$/i;
/** A label's value that runs into a promotion ("Wang Ying 某某APP下载"): the promotion is cut. */
export const VALUE_PROMO_TAIL = /\s+\S*(?:APP|App|app|下载|下載|客户端|客戶端|公众号|公眾號|官方微信)\S*$/;

/** Openings of an English author note ("The author is …")… */
export const AUTHOR_NOTE_EN = /^(?:The|This)\s+(?:author|writer|columnist|commentator)s?\s+(?:is|are|was|were|works|serves|has)\b/i;
/** …and its labelled form, whose label is cut ("About the author: …"). */
export const AUTHOR_NOTE_EN_LABEL = /^About the author\s*[:：]\s*/i;
/** Openings of a Chinese author note (作者系…, 作者简介：…，…研究员)… */
export const AUTHOR_NOTE_ZH = /^(?:作者|本文作者|作者简介|作者簡介)\s*(?:系|是|为|為|现为|現為|现任|現任|单位|單位|[:：]\s*\S+?[，,]\s*\S*(?:研究|教授|学者|學者|记者|記者|主任|专家|專家))/;
/** …of which this label is cut. */
export const AUTHOR_NOTE_ZH_LABEL = /^(?:作者简介|作者簡介)\s*[:：]\s*/;
/** An author note is at most this long. */
export const AUTHOR_NOTE_MAX = 600;

/** An editor's note: its label, maybe in brackets, maybe with a colon ("Editor's Note:", "【编者按】"). */
export const EDITOR_NOTE = /^[(（[【]?\s*(?:Editor['’]?s['’]?\s+notes?|Editor\s+notes?|Editorial\s+note|Note\s+from\s+the\s+editor|Ed(?:itor)?\.?\s+note|编者按|編者按|编者注|編者註|編者注|编辑按|編輯按|编者的话|編者的話)\s*[)）\]】]?\s*[:：]?\s*/i;

// ─── A source's boilerplate, learnt from its pages (boilerplate.ts) ──────────────────────

/**
 * A line is a source's boilerplate once it stands, verbatim, on this many distinct articles
 * of that source (the page being parsed included). Two may share a line by chance (a quote,
 * a recap, one story at two URLs); three make it the site's furniture, and a new site's
 * promo lines are gone from its third page on.
 */
export const BOILERPLATE_MIN_ARTICLES = 3;
/**
 * Lines a page contributes to learning, at most: the first half of this many and the last
 * half of its candidate lines (boilerplate sits at the top and bottom of the body; long
 * articles must not grow a source's record without bound).
 */
export const BOILERPLATE_LINES_PER_PAGE = 64;
/**
 * Learnt lines are removed from a page only while they are at most this share of its
 * candidate lines: furniture is never most of a page, so a page that would lose more is
 * another copy of a text seen before (a reprint, a second URL) and keeps everything.
 */
export const BOILERPLATE_SHARE_MAX = 0.5;

// ─── Decoding (decode.ts) ────────────────────────────────────────────────────────────────

/** A <meta charset> is looked for in the first this many bytes (browsers look at 1024; old Chinese pages put it later). */
export const META_CHARSET_SNIFF_BYTES = 4096;
/** A declared charset fits when fewer than this share of the decoded characters are U+FFFD. */
export const DECLARED_CHARSET_MAX_BAD = 0.002;
/** Bytes looked at to tell binary from text, and the share (plus slack) of stray control bytes that means binary. */
export const BINARY_SNIFF_BYTES = 8192;
export const BINARY_CONTROL_SHARE = 0.01;
export const BINARY_CONTROL_SLACK = 2;
/** Sniffing: characters scored for common Han, the points one invalid sequence costs, and the invalid share past which nothing fits. */
export const SNIFF_SAMPLE_CHARS = 20000;
export const SNIFF_BAD_PENALTY = 5;
export const SNIFF_MAX_BAD = 0.1;

// ─── Structure first: rows of pairs and parallel columns (structure.ts) ──────────────────

/** A paragraph's row of pairs is looked for this many block elements above the element holding it (paragraph → cell wrapper → cell → row). */
export const STRUCTURE_ROW_LEVELS = 4;
/**
 * Rows of one container that pair the two languages in the same order, at least: then the
 * container is a table of pairs and each of its rows is one bead. Two: a single row is as
 * likely two whole columns (or a one-off), and two rows in one order are already a pattern.
 */
export const STRUCTURE_TABLE_ROWS_MIN = 2;
/**
 * A cell (or column) is of one language when more than this share of its paragraphs are: a
 * column of English may hold a stray Chinese caption; a cell of one paragraph in each language
 * is of neither.
 */
export const STRUCTURE_CELL_MAJORITY = 0.8;
/** Parallel columns hold at least this many paragraphs on each side (fewer is a pair, left to the aligner). */
export const STRUCTURE_COLUMN_MIN = 2;
/**
 * …and the two columns hold at least this share of their container's body paragraphs: a
 * tip or promo line may sit beside them, but a container of many short runs (paragraphs
 * and translations alternating) is not two columns.
 */
export const STRUCTURE_COLUMN_SHARE = 0.75;
/**
 * Columns pair by index only when the counts are equal and, for every pair, the longer side
 * (in English characters, lang.ts englishEquivalent) is at most this many times the
 * shorter: translations of one paragraph differ far less; a split or merged paragraph shifts
 * some pair past it.
 */
export const STRUCTURE_COLUMN_LENGTH_RATIO_MAX = 1.8;
