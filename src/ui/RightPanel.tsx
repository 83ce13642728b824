// The column beside the graph: the step explanation, and in normal mode the
// neuron, training, gradient-check and forward-mode panels as tabs (one entry
// each). In presentation mode the step panel and the training run, large.
import type { ComponentType } from 'react';
import { useVisualizer } from '../store/context';
import type { PanelTab } from '../store/types';
import { ForwardModePanel } from './ForwardModePanel';
import { GradCheckPanel } from './GradCheckPanel';
import { JacobianPanel } from './tensor/JacobianPanel';
import { NeuronPanel } from './NeuronPanel';
import { StepPanel } from './StepPanel';
import { TrainPanel } from './train/TrainPanel';
import { useFollowSelection } from './train/useFollowSelection';
import { useT } from './useT';

/** Every tab: what it draws, whether it shows in presentation mode, and for which programs. */
const TABS: Readonly<Record<PanelTab, { panel: ComponentType<{ large?: boolean }>; present: boolean; shows?: (hasTensors: boolean) => boolean }>> = {
  step: { panel: StepPanel, present: true },
  neurons: { panel: NeuronPanel, present: false },
  train: { panel: TrainPanel, present: true },
  check: { panel: GradCheckPanel, present: false },
  forward: { panel: ForwardModePanel, present: false },
  // The Jacobian tab is there for programs with vectors or matrices.
  jacobian: { panel: JacobianPanel, present: false, shows: (hasTensors) => hasTensors },
};

export function RightPanel() {
  const mode = useVisualizer((s) => s.mode);
  const tab = useVisualizer((s) => s.tab);
  const setTab = useVisualizer((s) => s.setTab);
  const hasTensors = useVisualizer((s) => s.compiled?.graph.hasTensors ?? false);
  // Presentation mode shows the Train tab beside the step panel only for a program that trains on data or marks its parameters.
  const trains = useVisualizer((s) => Boolean(s.compiled?.graph.data) || Boolean(s.compiled?.graph.nodes.some((n) => n.role === 'data')));
  const t = useT();
  useFollowSelection();
  if (mode === 'embed') return <StepPanel />;
  const present = mode === 'present';
  if (present && !trains && tab !== 'train') return <StepPanel large />;
  const ids = (Object.keys(TABS) as PanelTab[]).filter((id) => (!present || TABS[id].present) && (TABS[id].shows?.(hasTensors) ?? true));
  const shown = ids.includes(tab) ? tab : 'step';
  const Panel = TABS[shown].panel;
  return (
    <div className={present ? 'right-panel large' : 'right-panel'}>
      <div className="tabs" role="tablist" aria-label={t('panel.step')}>
        {ids.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={shown === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={shown === id ? 0 : -1}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${shown}`} aria-labelledby={`tab-${shown}`} className="tab-body">
        <Panel large={present && shown === 'step'} />
      </div>
    </div>
  );
}
