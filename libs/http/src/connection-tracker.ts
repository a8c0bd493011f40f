import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionTracker {
  /**
   * Ends keep-alive: destroys idle sockets now, asks busy ones to close after their response
   * (`Connection: close`), and closes any socket as soon as its last response is done.
   */
  drain(): void;
  /** Destroys every socket still open (the shutdown timeout has passed). */
  destroyAll(): void;
}

/** Tracks each open socket with its in-flight responses. Register before the app's listener. */
export function trackConnections(server: Server): ConnectionTracker {
  const sockets = new Map<Socket, Set<ServerResponse>>();
  let draining = false;

  const closeAfterResponse = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, new Set());
    socket.once('close', () => sockets.delete(socket));
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const socket = req.socket;
    const inFlight = sockets.get(socket) ?? new Set<ServerResponse>();
    sockets.set(socket, inFlight);
    inFlight.add(res);
    if (draining) closeAfterResponse(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (draining && inFlight.size === 0) socket.destroySoon();
    });
  });

  return {
    drain() {
      draining = true;
      for (const [socket, inFlight] of sockets) {
        if (inFlight.size === 0) socket.destroy();
        else inFlight.forEach(closeAfterResponse);
      }
    },
    destroyAll() {
      for (const socket of sockets.keys()) socket.destroy();
    },
  };
}
