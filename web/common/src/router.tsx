import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny history router: the path below the app's base, and the query (filters live in the URL). */
let base = '';
const CHANGE = 'fleet:navigate';

export function setRouterBase(path: string): void {
  base = path.replace(/\/$/, '');
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
};
const snapshot = () => window.location.pathname + window.location.search;

export interface Route {
  /** The path below the base, always starting with `/`. */
  path: string;
  query: URLSearchParams;
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  const below = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
  return { path: below || '/', query: url.searchParams };
}

export function href(to: string): string {
  return `${base}${to}`;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = href(to);
  if (options.replace) window.history.replaceState(null, '', target);
  else window.history.pushState(null, '', target);
  window.dispatchEvent(new Event(CHANGE));
  window.scrollTo(0, 0);
}

/** `to` with the query changed (empty values removed): for filters and paging in the URL. */
export function withQuery(route: Route, changes: Record<string, string | undefined>): string {
  const query = new URLSearchParams(route.query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') query.delete(k);
    else query.set(k, v);
  }
  const text = query.toString();
  return text ? `${route.path}?${text}` : route.path;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={onClick} {...rest} />;
}
