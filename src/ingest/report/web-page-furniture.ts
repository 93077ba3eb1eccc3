import { compact } from './source-text.js';

/**
 * Lines a government web page puts above a report it publishes, kept when users save or copy the
 * page: the publication's metadata, counters, the breadcrumb trail, page controls, an attachment
 * label and a bare publication date. None of them is part of the report.
 */
const FURNITURE: readonly RegExp[] = [
  /^(?:信息)?索引号[：:]/,
  /^(?:发布|发文|公开)(?:机构|机关|单位|主体)[：:]/,
  /^(?:发布|成文|生成|印发|公开)(?:日期|时间)[：:]/,
  /^(?:信息|文章|稿件)?来源[：:]/,
  /^(?:主题|信息|体裁|组配|服务对象)?分类[：:]/,
  /^(?:发文字号|文号|字号|字体|有效性|主题词|关键[词字]|公开方式|公开范围|作者|(?:责任)?编辑)[：:]/,
  /^(?:当前位置|您(?:现在)?的位置|所在位置|位置)[：:]/,
  /浏览次数|阅读次数|访问次数|点击(?:次数|量|数)|访问量/,
  /^(?:首页|网站首页|主页)[>＞»›/]|[>＞»›][^>＞»›]*[>＞»›]/,
  /^【(?:字体|字号|打印|关闭|收藏|分享|返回)|^(?:打印|关闭|分享|收藏)(?:本页|窗口|到)?[：:]?$/,
  /^附件\d*[：:]?$/,
  /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\d{1,2}:\d{2}(?::\d{2})?)?$/,
];

/** Whether a line above a report's title is web-page furniture rather than the title. */
export function isWebPageFurniture(text: string): boolean {
  const line = compact(text);
  return FURNITURE.some((pattern) => pattern.test(line));
}
