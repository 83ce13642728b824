// A library built as a classic script of its own (a `?worker&url` entry that
// sets a global): loaded on first use, once, from a relative address, so it
// works from a sub-path and from file:// under the page's CSP.

export interface ScriptLoader<T> {
  /** The library once loaded, else null. */
  current: () => T | null;
  /** Starts the load (once; again after a failure) and resolves with the library. */
  load: () => Promise<T>;
}

export function scriptLoader<T>(url: string, read: () => T | null, what: string): ScriptLoader<T> {
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> => {
    const ready = read();
    if (ready) return Promise.resolve(ready);
    loading ??= new Promise<T>((resolve, reject) => {
      const script = document.createElement('script');
      if (import.meta.env.DEV) script.type = 'module';
      script.src = url;
      script.onload = () => {
        const loaded = read();
        if (loaded) resolve(loaded);
        else reject(new Error(`${what} did not load`));
      };
      script.onerror = () => {
        loading = null;
        reject(new Error(`${what} did not load`));
      };
      document.head.appendChild(script);
    });
    return loading;
  };
  return { current: read, load };
}
