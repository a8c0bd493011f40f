import { navigate, useRoute, withQuery } from './router';
import { Pager } from './ui';

/** The `Pager` of a list whose page is the URL's `cursor` (filters and paging live in the URL). */
export function UrlPager({ nextCursor }: { nextCursor?: string | null }) {
  const route = useRoute();
  return (
    <Pager
      cursor={route.query.get('cursor')}
      nextCursor={nextCursor}
      onChange={(c) => navigate(withQuery(route, { cursor: c }))}
    />
  );
}
