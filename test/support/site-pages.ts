/**
 * Pages of one made-up bilingual site (written for these tests): each article page carries
 * the site's metadata lines (bylines, source, editor, author notes) and its promo lines inside
 * the body, as real sites print them. For the boilerplate-learning tests.
 */

/** A site's own furniture, printed inside every article body. */
export const PROMO_EN = 'Follow the Harbour Post bilingual column for a new story every weekday morning.';
export const PROMO_ZH = '想读更多双语新闻？关注海港邮报双语栏目，每个工作日早上更新。';
/**
 * Metadata lines the site prints on its pages, not furniture. The byline block alternates:
 * even pages print the English byline and the Chinese name under it, odd pages the Chinese
 * byline and the romanized name under it.
 */
export const META = {
  byline: 'By Zhang Gaosheng in Qingdao',
  zhName: '张高胜',
  zhByline: '文/张高胜',
  latinName: 'Zhang Gaosheng',
  source: '来源：中国军网',
  editor: 'Editor: Li Jiayao',
  noteEn: 'The author is a professor at the Ocean University of Qingdao.',
  noteZh: '作者系青岛海洋大学教授。',
  /** A series' standing note, the same on every page of it. */
  editorNote: "Editor's note: This story is part of our series on life along the coast.",
};

export const STORIES = [
  {
    title: ['Ferry line to the outer islands reopens', '通往外岛的渡轮航线恢复运营'],
    body: [
      ['The ferry line to the outer islands reopened on Monday after a month of repairs to its main pier.', '经过一个月的主码头维修，通往外岛的渡轮航线于周一恢复运营。'],
      ['Two boats now run every hour, and the first crossing leaves at half past six in the morning.', '目前每小时有两班船，首班船早上六点半出发。'],
      ['Islanders said the closure had forced them to rely on small fishing boats for supplies.', '岛民说，停航期间他们只能依靠小渔船运送物资。'],
    ],
  },
  {
    title: ['Night market returns to the old town square', '夜市重回老城广场'],
    body: [
      ['The night market is back on the old town square after the city finished repaving it in granite.', '在市政部门用花岗岩重新铺设老城广场后，夜市重新回到了这里。'],
      ['About eighty stalls sell noodles, grilled fish and hand-made toys until midnight.', '约八十个摊位售卖面条、烤鱼和手工玩具，一直营业到午夜。'],
      ['Vendors pay a small monthly fee that covers cleaning and lighting.', '摊主每月缴纳少量费用，用于清洁和照明。'],
    ],
  },
  {
    title: ['School gardens feed their own canteens', '校园菜园供应学校食堂'],
    body: [
      ['Twelve primary schools now grow part of the vegetables served in their canteens.', '目前有十二所小学在校园里种植食堂所用的部分蔬菜。'],
      ['Pupils tend the beds during science lessons and weigh every harvest.', '学生们在科学课上打理菜畦，并为每次收获称重。'],
      ['Teachers said the gardens had made children far more willing to eat greens.', '老师们说，菜园让孩子们更愿意吃蔬菜了。'],
    ],
  },
  {
    title: ['Library lends out fishing rods', '图书馆开始外借钓鱼竿'],
    body: [
      ['The harbour library has begun lending fishing rods along with its books.', '海港图书馆开始在借书之外外借钓鱼竿。'],
      ['A library card is enough to borrow a rod for a week, and tackle boxes come with simple guides.', '凭借书证即可借用鱼竿一周，钓具盒里还附有简单的说明。'],
      ['Librarians said the idea came from a retired fisherman who donated the first twenty rods.', '图书馆员说，这个主意来自一位退休渔民，他捐出了最初的二十根鱼竿。'],
    ],
  },
  {
    title: ['Lighthouse keeper retires after forty years', '灯塔看守人工作四十年后退休'],
    body: [
      ['The keeper of the north cape lighthouse climbed its 112 steps for the last time on Sunday.', '周日，北岬灯塔的看守人最后一次登上了灯塔的112级台阶。'],
      ['The light has been automatic since 2009, but he stayed on to look after the building.', '这座灯塔自2009年起已实现自动化，但他留了下来照看建筑。'],
      ['The town plans to turn the keeper\'s cottage into a small museum of the coast.', '镇上计划把看守人的小屋改建成一座小型海岸博物馆。'],
    ],
  },
  {
    title: ['Tidal pools reopen to visitors', '潮池重新向游客开放'],
    body: [
      ['The tidal pools below the sea wall have reopened after a winter of storm damage.', '海堤下的潮池在经历一冬的风暴破坏后重新开放。'],
      ['Volunteers rebuilt the stone steps and put up signs asking visitors not to lift the rocks.', '志愿者们重建了石阶，并竖起标牌，提醒游客不要翻动石头。'],
      ['Guided walks at low tide start again next month and are free for children.', '低潮时的导览步行活动将于下月恢复，儿童免费参加。'],
    ],
  },
];

/** One article page of the site: its metadata lines and its promo lines around a story. */
export function sitePage(n: number, opts: { promo?: boolean; canonical?: string } = {}): string {
  const s = STORIES[n]!;
  const promo = opts.promo ?? true;
  const body = s.body.map(([en, zh]) => `<p>${en}</p>\n<p>${zh}</p>`).join('\n');
  const canonical = opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${s.title[0]} ${s.title[1]}</title>${canonical}</head><body>
<article><h1>${s.title[0]}</h1><h1>${s.title[1]}</h1>
${n % 2 === 0 ? `<p>${META.byline}</p><p>${META.zhName}</p>` : `<p>${META.zhByline}</p><p>${META.latinName}</p>`}<p>${META.source}</p>
<p>${META.editorNote}</p>
${promo ? `<p>${PROMO_EN}</p><p>${PROMO_ZH}</p>` : ''}
${body}
<p>${META.noteEn}</p><p>${META.noteZh}</p>
<p>${META.editor}</p>
</article></body></html>`;
}

