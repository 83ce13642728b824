// Loads the exports and the expansion (toolsScript.ts) as a script of their own,
// when a menu that needs them is opened or first used.
import { scriptLoader } from '../ui/scriptLoader';
import type { Tools } from './toolsScript';
import toolsUrl from './toolsScript.ts?worker&url';

export const toolsScript = scriptLoader<Tools>(toolsUrl, () => (globalThis as { chainstepTools?: Tools }).chainstepTools ?? null, 'The export tools');
