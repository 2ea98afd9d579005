import { lazy, type ComponentType } from 'react';

/**
 * A page as its own chunk, like `React.lazy`, except that a failed download is not remembered: React.lazy keeps
 * the rejection forever, so the error view's Retry would fail again without asking the network.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const create = () =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        Page = create();
        throw error;
      }
    });
  let Page = create();
  return function LazyPage() {
    return <Page />;
  };
}
