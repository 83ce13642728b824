// Built as its own classic script (see loadBrowser.ts): the Fashion-MNIST
// subset (about 1 MB) is downloaded only when a program names it.
import { FASHION } from '../engine/data/assets/fashion';
import { publishAsset } from './publish';

publishAsset(FASHION);
