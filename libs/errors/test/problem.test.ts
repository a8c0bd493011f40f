import { AppError, ERROR_TYPES, toProblem, validationError, type ErrorType } from '@fleet/errors';

describe('toProblem', () => {
  it('maps an AppError to its status, title, code and detail', () => {
    const err = new AppError('business_rule', 'Only 2 left.', { code: 'out_of_stock' });
    expect(toProblem(err, '/api/store/checkout')).toEqual({
      type: 'https://errors.fleet.dev/out_of_stock',
      title: 'Request cannot be fulfilled',
      status: 422,
      detail: 'Only 2 left.',
      code: 'out_of_stock',
      instance: '/api/store/checkout',
    });
  });

  it.each(Object.entries(ERROR_TYPES))(
    'maps type %s to status %i with the type as default code',
    (type, status) => {
      const problem = toProblem(new AppError(type as ErrorType, 'x'));
      expect(problem).toMatchObject({ status, code: type });
      expect(problem.title.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['an Error', new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')],
    ['a string', 'password=hunter2'],
    ['an object', { message: 'password=hunter2', status: 400 }],
    ['undefined', undefined],
  ])('never leaks the message of %s', (_what, thrown) => {
    const problem = toProblem(thrown);
    expect(problem).toMatchObject({ status: 500, code: 'internal', detail: 'An unexpected error occurred.' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });

  it('leaves out errors and instance when there are none', () => {
    const problem = toProblem(new AppError('conflict', 'Slug taken.', { code: 'slug_taken' }));
    expect(problem).not.toHaveProperty('errors');
    expect(problem).not.toHaveProperty('instance');
  });

  it('carries per-field errors of a validation error', () => {
    const err = validationError([
      { path: ['items', 0, 'quantity'], message: 'Too small' },
      { path: [], message: 'Expected object' },
    ]);
    expect(toProblem(err)).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [
        { path: 'items.0.quantity', message: 'Too small' },
        { path: '(root)', message: 'Expected object' },
      ],
    });
  });
});
