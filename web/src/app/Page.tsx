import { type ReactNode, useEffect, useRef } from 'react';
import { hasNavigated } from './router.tsx';

/**
 * The frame of every page: sets the document title and, after an in-app navigation, moves focus to the page's
 * heading so a screen reader announces the new page (a full load starts at the top anyway).
 */
export function Page({ title, heading, children }: { title: string; heading?: string; children: ReactNode }) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Pasar Lokal`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) h1.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={h1} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
