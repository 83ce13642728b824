// The Chinese catalogue, registered: for Node (the CLI, the tests) and for the
// page's own script of it (zhScript.ts).
import { registerCatalogue } from './index';
import { zhCN } from './zh-CN';

registerCatalogue('zh-CN', zhCN);
