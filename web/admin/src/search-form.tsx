import { useState, type FormEvent, type ReactNode } from 'react';
import { Field, navigate, useRoute, withQuery } from '@fleet/web-common';

/**
 * A list's search box (`q` in the URL, sent on submit) with the list's other filters as
 * `children`; a new search starts at the first page.
 */
export function SearchForm({ hint, children }: { hint: string; children?: ReactNode }) {
  const route = useRoute();
  const [search, setSearch] = useState(route.query.get('q') ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(route, { q: search.trim(), cursor: undefined }));
  };
  return (
    <form className="filters" role="search" onSubmit={submit}>
      <Field
        label="Search"
        name="q"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        hint={hint}
      />
      {children}
      <div className="field">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
