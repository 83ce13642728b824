// What a class is called on screen: Fashion-MNIST's clothes by name, digits by
// digit, other classes by number.
import type { MessageKey } from '../../i18n';

export function className(t: (key: MessageKey, params?: Record<string, string | number>) => string, dataset: string | undefined, k: number): string {
  if (dataset === 'fashion' && k >= 0 && k <= 9) return t(`data.fashion.${k}` as MessageKey);
  if (dataset === 'digits') return String(k);
  return t('train.class', { k });
}
