import { startTestServer } from './support/test-server';

describe('signal handling', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shuts down gracefully on SIGTERM and exits 0', async () => {
    const exited = new Promise<number | undefined>((resolve) => {
      jest
        .spyOn(process, 'exit')
        .mockImplementation(((code?: number) => resolve(code)) as typeof process.exit);
    });
    const hook = jest.fn(async () => undefined);
    const before = process.listenerCount('SIGTERM');
    const server = await startTestServer({}, { handleSignals: true, onShutdown: [hook] });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);

    process.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    expect(hook).toHaveBeenCalledTimes(1);
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(server.server.listening).toBe(false);
  });

  it('does not touch signals unless asked', async () => {
    const before = process.listenerCount('SIGTERM');
    const server = await startTestServer();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await server.close();
  });
});
