/**
 * Page chrome in both languages, written for this project: the kinds of lines bilingual news
 * sites put around and inside an article (see LAYOUTS.md), never their actual wording.
 * None of it is body text; the gold never contains it.
 */

/** Language switchers shown above the body. */
export const LANG_SWITCHES: readonly (readonly string[])[] = [
  ['中英对照', '中文', '英文'],
  ['双语', '中文版', 'English'],
  ['EN', '中文', '双语对照'],
  ['简体', '繁體', 'English', '中英对照'],
  ['English', '中文', 'Bilingual'],
];

export const SHARE_BARS = [
  '分享到：微信 微博 QQ空间 豆瓣',
  '分享：微信 | 微博 | 复制链接',
  'Share: WeChat Weibo Facebook X LinkedIn',
  'Share - WeChat',
  '转发到朋友圈 | 收藏本文 | 复制链接',
] as const;

export const PRINT_BARS = ['打印 | 收藏 | 纠错 | 关闭', '【打印】【收藏】【关闭窗口】', 'Print | Email | Save', '打印本页 Print'] as const;

export const FONT_BARS = ['字号：大 中 小', '【字体：大 中 小】', 'Font size: A+ A A-', '字号 A+ A-', '调整字号：默认 放大'] as const;

export const COPYRIGHT_ZH = [
  '版权声明：本文中文译稿由本站编译，版权归本站所有。未经书面许可，任何单位和个人不得转载、摘编或以其他方式使用，违者将依法追究责任。',
  '本站所有双语内容仅供学习交流使用，转载请注明出处并保留完整链接。',
  '未经授权，请勿转载本页内容。如需合作，请联系编辑部。',
] as const;

export const COPYRIGHT_EN = [
  'Copyright notice: the Chinese translation on this page belongs to the site and may not be copied or republished without written permission.',
  'This bilingual version is provided for language learning only. All rights reserved.',
  'No part of this page may be reproduced without the prior consent of the publisher.',
] as const;

export const FOOTER_LINES = [
  '关于我们 | 联系我们 | 广告服务 | 网站地图 | 招聘信息',
  'About us | Contact | Advertise | Privacy | Terms of use',
  '违法和不良信息举报电话：010-00000000',
  '京ICP备00000000号-1 京公网安备 00000000000000号',
] as const;

/** Lines that sit between body paragraphs on real pages (captions, ads, promos). */
export const INLINE_CHROME = [
  '广告',
  'Advertisement',
  '点击查看本文英文版',
  '扫描二维码，关注双语频道',
  '[Photo/VCG]',
  '（图片来源：视觉中国）',
  '资料图片',
  'File photo',
  'Scan the QR code to follow us on WeChat',
  '下载客户端，随时阅读双语新闻',
  '↓↓↓ 继续阅读 ↓↓↓',
  'Continue reading below',
] as const;

export const RELATED_HEADINGS = ['相关新闻', '相关阅读 Related', 'Related stories', '推荐阅读', '热门文章', 'Most popular', '延伸阅读', '最新双语'] as const;

/** Hidden strings some sites plant inside paragraphs (display:none) to mark copies. */
export const HIDDEN_NOISE = ['本文来源于双语学习网', 'bilingual-site.example', '双语网原创', '转载请注明'] as const;

/** Site boilerplate lines that recur verbatim inside the body of every page of one site. */
export function boilerplatePool(site: string): { top: string[]; bottom: string[] } {
  return {
    top: [
      `【${site}双语】每个工作日精选一篇中英对照新闻，点击右上角关注，第一时间获取更新。`,
      `Follow the ${site} bilingual column for a new story every weekday morning.`,
      `本栏目由${site}双语编辑部整理，中英文对照阅读，适合中高级英语学习者。`,
    ],
    bottom: [
      `想看更多双语新闻？搜索“${site}双语”小程序，每天五分钟，读懂世界。`,
      `Enjoyed this story? Find the audio version and word list in the ${site} app.`,
      `本文仅供英语学习交流使用，如有翻译不当之处，欢迎在评论区指正。`,
    ],
  };
}

export const NAV_ZH = ['首页', '要闻', '国内', '国际', '财经', '科技', '体育', '文化', '双语', '视频', '图片'] as const;
export const NAV_EN = ['Home', 'China', 'World', 'Business', 'Tech', 'Sports', 'Culture', 'Opinion', 'Bilingual', 'Video'] as const;

export const COMMENT_BITS = ['读者评论', '发表评论', '登录后参与讨论', 'Comments', 'Sign in to comment', '排序方式：最新 最热'] as const;

/** Photo captions as the top of an article shows them (generic, with a credit). */
export const PHOTO_CAPTIONS = [
  { zh: '资料图片（图片来源：视觉中国）', en: 'A file photo. [Photo/VCG]' },
  { zh: '图为活动现场。摄影：本报记者', en: 'The scene of the event. [Photo provided to the site]' },
  { zh: '（新华社记者 摄）', en: 'Photo: Xinhua' },
] as const;
