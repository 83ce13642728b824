// The column beside the graph: the step explanation, and in normal mode the
// training, gradient-check and forward-mode panels as tabs.
import { useState } from 'react';
import { useVisualizer } from '../store/context';
import { ForwardModePanel } from './ForwardModePanel';
import { GradCheckPanel } from './GradCheckPanel';
import { JacobianPanel } from './tensor/JacobianPanel';
import { NeuronPanel } from './NeuronPanel';
import { StepPanel } from './StepPanel';
import { TrainingPanel } from './TrainingPanel';
import { useT } from './useT';

const TABS = ['step', 'neurons', 'train', 'check', 'forward', 'jacobian'] as const;
type Tab = (typeof TABS)[number];

export function RightPanel() {
  const mode = useVisualizer((s) => s.mode);
  const [chosen, setTab] = useState<Tab>('step');
  // The Jacobian tab is there for programs with vectors or matrices.
  const hasTensors = useVisualizer((s) => s.compiled?.graph.hasTensors ?? false);
  const tabs = TABS.filter((id) => id !== 'jacobian' || hasTensors);
  const tab = tabs.includes(chosen) ? chosen : 'step';
  const t = useT();
  if (mode !== 'normal') return <StepPanel large={mode === 'present'} />;
  return (
    <div className="right-panel">
      <div className="tabs" role="tablist" aria-label={t('panel.step')}>
        {tabs.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'step' && <StepPanel />}
        {tab === 'neurons' && <NeuronPanel />}
        {tab === 'train' && <TrainingPanel />}
        {tab === 'check' && <GradCheckPanel />}
        {tab === 'forward' && <ForwardModePanel />}
        {tab === 'jacobian' && <JacobianPanel />}
      </div>
    </div>
  );
}
