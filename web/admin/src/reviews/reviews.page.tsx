import { useState } from 'react';
import {
  ConfirmButton,
  Link,
  Loading,
  navigate,
  Page,
  ProblemAlert,
  Select,
  UrlPager,
  useLoad,
  useRoute,
  withQuery,
} from '@fleet/web-common';
import { api, type AdminReview, type Page as ApiPage, type Product } from '../api';

const STATUSES = [
  ['', 'All reviews'],
  ['visible', 'Shown in the store'],
  ['hidden', 'Hidden'],
] as const;

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

/** The product titles of a page of reviews (one read per product, as the inventory page does). */
async function titlesOf(reviews: readonly AdminReview[]): Promise<Record<string, string>> {
  const ids = [...new Set(reviews.map((r) => r.productId))];
  const products = await Promise.all(
    ids.map((id) => api.request<Product>('GET', `/api/admin/products/${id}`).catch(() => undefined)),
  );
  return Object.fromEntries(products.filter((p) => p !== undefined).map((p) => [p.id, p.title]));
}

/** Reviews to moderate, newest first: hide or show each, reply as the store. Filters in the URL. */
export function ReviewsPage() {
  const route = useRoute();
  const status = route.query.get('status') ?? '';
  const cursor = route.query.get('cursor') ?? undefined;
  const [version, setVersion] = useState(0);
  const { data, error, loading } = useLoad(async () => {
    const page = await api.request<ApiPage<AdminReview>>('GET', '/api/admin/reviews', {
      query: { status, cursor, limit: 20 },
    });
    return { page, titles: await titlesOf(page.items) };
  }, [status, cursor, version]);
  const reload = () => setVersion((v) => v + 1);
  return (
    <Page title="Reviews">
      <Select
        label="Show"
        name="status"
        value={status}
        options={STATUSES}
        onChange={(e) => navigate(withQuery(route, { status: e.target.value, cursor: undefined }))}
      />
      <ProblemAlert error={error} />
      {loading && !data && <Loading what="reviews" />}
      {data && data.page.items.length === 0 && (
        <p className="muted">
          No reviews {status ? 'here' : 'yet'}. Shoppers’ reviews of your products show here.
        </p>
      )}
      {data && data.page.items.length > 0 && (
        <ul className="review-list">
          {data.page.items.map((review) => (
            <ReviewItem
              key={review.id}
              review={review}
              title={data.titles[review.productId]}
              onDone={reload}
            />
          ))}
        </ul>
      )}
      <UrlPager nextCursor={data?.page.nextCursor} />
    </Page>
  );
}

function ReviewItem({ review, title, onDone }: { review: AdminReview; title?: string; onDone: () => void }) {
  const [reply, setReply] = useState(review.reply?.body ?? '');
  const act = async (action: 'hide' | 'unhide' | 'reply', body?: unknown) => {
    await api.request('POST', `/api/admin/reviews/${review.id}/${action}`, { body: body ?? {} });
    onDone();
  };
  const replyId = `reply-${review.id}`;
  return (
    <li className="review-card">
      <p>
        <span aria-hidden="true">{stars(review.rating)}</span>
        <span className="visually-hidden">{review.rating} out of 5</span> <strong>{review.title}</strong>{' '}
        {review.hidden && <span className="badge">hidden</span>}{' '}
        {review.verified && <span className="badge">verified purchase</span>}
      </p>
      <p className="muted">
        <Link to={`/products/${review.productId}`}>{title ?? review.productId}</Link> ·{' '}
        {new Date(review.createdAt).toLocaleDateString()}
      </p>
      <p>{review.body}</p>
      {review.reply && (
        <p>
          <strong>Your reply:</strong> {review.reply.body}
        </p>
      )}
      <div className="actions">
        {review.hidden ? (
          <ConfirmButton
            label="Show"
            title="Show this review again?"
            message="It appears on the product page and counts in the rating."
            onConfirm={() => act('unhide')}
          />
        ) : (
          <ConfirmButton
            label="Hide"
            danger
            title="Hide this review?"
            message="Shoppers no longer see it and its rating leaves the average. You can show it again."
            onConfirm={() => act('hide')}
          />
        )}
        <ConfirmButton
          label={review.reply ? 'Edit reply' : 'Reply'}
          title="Reply as the store"
          message="Your reply shows under the review on the product page."
          confirmLabel="Publish reply"
          onConfirm={() => act('reply', { body: reply })}
        >
          <div className="field">
            <label htmlFor={replyId}>Reply</label>
            <textarea
              id={replyId}
              value={reply}
              maxLength={2000}
              rows={4}
              onChange={(e) => setReply(e.target.value)}
            />
          </div>
        </ConfirmButton>
      </div>
    </li>
  );
}
