import { lazy, type ComponentType } from 'react';

/** A page component whose chunk loads on its first render. */
export type LazyPage = ComponentType & {
  /**
   * The same page as a component that renders only once its chunk is in and `ready` has settled (both start now):
   * one suspension for both, so the page's first render already has what `ready` waited for.
   */
  after(ready: Promise<unknown>): ComponentType;
};

/**
 * A page as its own chunk, like `React.lazy`, except that a failed download is not remembered: React.lazy keeps
 * the rejection forever, so the error view's Retry would fail again without asking the network. Every render and
 * `after` share one download while it is on its way or has succeeded.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let pending: Promise<ComponentType> | undefined;
  const download = () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
  const create = () =>
    lazy(async () => {
      try {
        return { default: await download() };
      } catch (error) {
        Page = create();
        throw error;
      }
    });
  let Page = create();
  function LazyPage() {
    return <Page />;
  }
  LazyPage.after = (ready: Promise<unknown>) => {
    const page = download();
    // A failed download fails here too (the route's error boundary shows it); its Retry starts a new entry.
    return lazy(async () => ({ default: (await Promise.all([page, ready.catch(() => undefined)]))[0] }));
  };
  return LazyPage;
}
