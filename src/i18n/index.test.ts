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
