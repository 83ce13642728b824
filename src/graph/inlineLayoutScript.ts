// Built as its own classic script (see layoutClient.ts), loaded only by a page
// opened from file://, where a worker cannot start from a file: address. It
// carries the layout worker inline and starts it from a blob: URL, which that
// page may do: the layout then stays off the page's main thread there too.
import LayoutWorker from './layoutWorker.ts?worker&inline';

(globalThis as { chainstepInlineLayout?: () => Worker }).chainstepInlineLayout = () => new LayoutWorker();
