// An image set on its way: "Loading the Fashion-MNIST images…" while it loads;
// if it did not load, a way to try again (the error itself is in the alert).
import { useVisualizer } from '../../store/context';
import { useT } from '../useT';

export function DataStatus() {
  const dataLoad = useVisualizer((s) => s.dataLoad);
  const retry = useVisualizer((s) => s.retryData);
  const t = useT();
  if (!dataLoad) return null;
  const name = dataLoad.name === 'fashion' || dataLoad.name === 'digits' ? t(`data.imageName.${dataLoad.name}`) : dataLoad.name;
  if (dataLoad.status === 'loading') {
    return (
      <div className="notice data-status" role="status" data-testid="data-status">
        {t('data.loadingImages', { name })}
      </div>
    );
  }
  return (
    <div className="notice data-status failed" data-testid="data-status">
      {t('data.notLoaded', { name })}{' '}
      <button type="button" onClick={() => retry()} data-testid="data-retry">
        {t('data.tryAgain')}
      </button>
    </div>
  );
}
