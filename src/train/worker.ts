// The training worker, started from its own address: image sets are loaded with
// importScripts, as the page loads them with a <script> tag.
import { loadImageAsset } from '../data/loadBrowser';
import { serveTrainer } from './serveTrainer';
// The trainer compiles the program itself, Python programs too.
import '../engine/python/register';

serveTrainer(loadImageAsset);
