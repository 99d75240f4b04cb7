import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

// happy-dom lays nothing out: give the board's scroller the size of a screen, so the virtualizer draws rows.
for (const [name, size] of [['clientHeight', 600], ['clientWidth', 1200]] as const) {
  const own = Object.getOwnPropertyDescriptor(Element.prototype, name)!;
  Object.defineProperty(HTMLElement.prototype, name, {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('table-scroll') ? size : own.get!.call(this);
    },
  });
}
