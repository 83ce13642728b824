// Built as its own classic script (see catalog.ts): every lesson's program and
// its explanation in both languages, about 16 KB gzipped, loaded after the
// page's first paint.
import { LESSONS } from '../../fixtures/lessons';

(globalThis as { chainstepLessons?: typeof LESSONS }).chainstepLessons = LESSONS;
