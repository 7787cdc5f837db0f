// A fresh mount point per test and a `show` that renders inside the i18n context, then lets the
// archive promise settle and Preact re-render. Shared by the component tests.
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import { I18nContext, type I18n } from '../../src/ui/i18n';
import { fakeI18n } from './fake-i18n';

export function mountRoot(cleanup: () => void = () => {}) {
  let root!: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    cleanup();
  });
  const show = async (ui: ComponentChildren, i18n: I18n = fakeI18n('zh_CN')): Promise<void> => {
    await act(async () => {
      render(<I18nContext.Provider value={i18n}>{ui}</I18nContext.Provider>, root);
    });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
  return { root: () => root, show };
}
