import { useMemo } from 'react';
import { lessonsByGroup, type LessonGroup } from '../../fixtures/lessonTypes';
import { lessonOfText, useLessons } from '../lessons/catalog';
import type { MessageKey } from '../i18n';
import { useVisualizer } from '../store/context';
import { useT } from './useT';

const GROUP_LABEL: Record<LessonGroup, MessageKey> = {
  scalar: 'lesson.group.scalar',
  tensor: 'lesson.group.tensor',
  training: 'lesson.group.training',
};

/** Picks a lesson, listed by group: its program replaces the editor text. "Your program" when the text is edited. */
export function LessonPicker() {
  const setText = useVisualizer((s) => s.setText);
  const first = useVisualizer((s) => s.first);
  const setTab = useVisualizer((s) => s.setTab);
  const locale = useVisualizer((s) => s.locale);
  const t = useT();
  // The lessons come as a script of their own, just after the first paint.
  const lessons = useLessons();
  const groups = useMemo(() => lessonsByGroup(lessons ?? []), [lessons]);
  // The lesson, not the text, is read from the store: a key typed re-renders nothing here.
  const current = useVisualizer((s) => lessonOfText(lessons, s.text));
  return (
    <label className="lesson-picker">
      <span>{t('lesson.label')}</span>
      <select
        value={current?.id ?? ''}
        data-testid="lesson-picker"
        onChange={(e) => {
          const lesson = lessons?.find((l) => l.id === e.target.value);
          if (lesson) {
            setText(lesson.program);
            first();
            // A lesson about training opens the Train tab (its settings are applied when its run starts).
            if (lesson.train) setTab('train');
          }
        }}
      >
        {!current && <option value="">{t('lesson.custom')}</option>}
        {groups.map(({ group, lessons: inGroup }) => (
          <optgroup key={group} label={t(GROUP_LABEL[group])} data-group={group}>
            {inGroup.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[locale]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** The explanation paragraph of the lesson on screen, if the program is a lesson. */
export function LessonSummary() {
  const locale = useVisualizer((s) => s.locale);
  const t = useT();
  const lessons = useLessons();
  const lesson = useVisualizer((s) => lessonOfText(lessons, s.text));
  if (!lesson) return null;
  return (
    <section className="lesson-summary" lang={locale}>
      <h2>{lesson.title[locale]}</h2>
      <p>{lesson.summary[locale]}</p>
      {lesson.train && <p className="muted small">{t('lesson.trains')}</p>}
    </section>
  );
}
