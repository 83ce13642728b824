// Built as its own classic script (see loadBrowser.ts): the 8×8 digits are
// downloaded only when a program names them.
import { DIGITS } from '../engine/data/assets/digits';
import { publishAsset } from './publish';

publishAsset(DIGITS);
