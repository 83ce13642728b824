// The lessons in the page: a script of their own (lessonsScript.ts), loaded
// once the page has painted, or before it starts when a link names a lesson.
import { useEffect, useState } from 'react';
import type { Lesson } from '../../fixtures/lessonTypes';
import { scriptLoader } from '../ui/scriptLoader';
import lessonsUrl from './lessonsScript.ts?worker&url';

export const lessonsScript = scriptLoader<readonly Lesson[]>(
  lessonsUrl,
  () => (globalThis as { chainstepLessons?: readonly Lesson[] }).chainstepLessons ?? null,
  'The lessons',
);

/** The lessons once loaded (starting the load), else null. */
export function useLessons(): readonly Lesson[] | null {
  const [lessons, setLessons] = useState(lessonsScript.current);
  useEffect(() => {
    if (lessons) return;
    let live = true;
    lessonsScript.load().then(
      (loaded) => live && setLessons(loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [lessons]);
  return lessons;
}

/** The lesson whose program this text is, among the loaded lessons. */
export const lessonOfText = (lessons: readonly Lesson[] | null, text: string): Lesson | undefined => lessons?.find((l) => l.program === text);
