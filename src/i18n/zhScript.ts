// Built as its own classic script (see loadLocale.ts): the Chinese catalogue,
// about 10 KB gzipped, fetched only by a reader who wants Chinese.
import { zhCN } from './zh-CN';

(globalThis as { chainstepZhCN?: typeof zhCN }).chainstepZhCN = zhCN;
