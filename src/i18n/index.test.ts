import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';
import { CATALOGUES, detectLocale, LOCALES, t } from './index';

const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();

describe('i18n catalogues', () => {
  it('every locale has every English key, non-empty', () => {
    for (const locale of LOCALES) {
      const catalogue = CATALOGUES[locale] as Record<string, string>;
      const missing = Object.keys(en).filter((key) => !catalogue[key]?.trim());
      expect(missing, `missing in ${locale}`).toEqual([]);
      const extra = Object.keys(catalogue).filter((key) => !(key in en));
      expect(extra, `unknown keys in ${locale}`).toEqual([]);
    }
  });

  it('translations use the same placeholders as English', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(zhCN[key as keyof typeof en]).filter((p, i, a) => a.indexOf(p) === i), key).toEqual(
        placeholders(text).filter((p, i, a) => a.indexOf(p) === i),
      );
    }
  });

  it('Chinese texts use the terms students know', () => {
    const all = Object.values(zhCN).join('\n');
    for (const term of ['正向传播', '反向传播', '链式法则', '梯度', '计算图', '局部梯度', '梯度累加']) {
      expect(all).toContain(term);
    }
  });
});

describe('t', () => {
  it('fills parameters', () => {
    expect(t('en', 'controls.step', { step: 3, end: 9 })).toBe('Step 3 of 9');
    expect(t('zh-CN', 'controls.step', { step: 3, end: 9 })).toBe('第 3 步，共 9 步');
  });

  it('leaves an unknown placeholder visible rather than inventing text', () => {
    expect(t('en', 'controls.step', { step: 1 })).toBe('Step 1 of {end}');
  });
});

describe('detectLocale', () => {
  it('maps Chinese browser languages to zh-CN and others to English', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['zh'])).toBe('zh-CN');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('a catalogue that is not here yet', () => {
  it('answers in English until it is registered, and the store changes language only once it is', async () => {
    const { CATALOGUES, hasCatalogue, registerCatalogue, t: tr } = await import('./index');
    const { createVisualizerStore } = await import('../store/visualizer');
    const zh = CATALOGUES['zh-CN'];
    expect(zh).not.toBeNull();
    CATALOGUES['zh-CN'] = null;
    try {
      expect(hasCatalogue('zh-CN')).toBe(false);
      expect(tr('zh-CN', 'app.tagline')).toBe(tr('en', 'app.tagline'));
      let arrive: () => void = () => {};
      const store = createVisualizerStore({ text: 'x = 1\nf = x * x', loadLocale: () => new Promise<void>((done) => (arrive = done)) });
      store.getState().setLocale('zh-CN');
      expect(store.getState().locale).toBe('en');
      registerCatalogue('zh-CN', zh!);
      arrive();
      await Promise.resolve();
      expect(store.getState().locale).toBe('zh-CN');
      expect(tr('zh-CN', 'app.tagline')).toBe(zh!['app.tagline']);
      // A language already here changes at once.
      store.getState().setLocale('en');
      expect(store.getState().locale).toBe('en');
    } finally {
      CATALOGUES['zh-CN'] = zh;
    }
  });
});
