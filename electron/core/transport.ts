import type { MessagePort as NodeMessagePort } from 'node:worker_threads';
import type { ApiError } from '../../shared/contract';
import type { DoorCapabilities } from './operations';

/**
 * The core's transport: the contract's calls over one message port, between the thread that serves
 * the UI (the caller) and the core host (the session, the engines, the imports). The same module runs
 * on both ends and under both hosts: an Electron utility process (the desktop app) and a Node worker
 * thread (the tests), so what the tests exercise is what the app ships.
 *
 * Every answer is an envelope, so an error keeps its code through every door (IPC, the preload,
 * the renderer's client) instead of being flattened into a thrown message.
 */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the caller asks when it connects: which workspace, and which door capabilities it answers. */
export interface CoreOpen {
  /** The workspace named at start ($BLUEHELM_DB); undefined opens the analyst's own or the demo. */
  named?: string;
  /** Names of DoorCapabilities the caller implements (native dialogs); the host asks for them by message. */
  doors: string[];
}

export type TransportMessage =
  | { type: 'open'; open: CoreOpen }
  | { type: 'ready' }
  | { type: 'failed'; error: ApiError }
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'result'; id: number; result: Envelope }
  | { type: 'door'; id: number; name: string; args: unknown[] }
  | { type: 'door-result'; id: number; result: Envelope }
  | { type: 'close' }
  | { type: 'closed' };

/** One end of a message port, whichever host made it. */
export interface Endpoint {
  post(message: TransportMessage): void;
  listen(handler: (message: TransportMessage) => void): void;
  close(): void;
}

/** Node's worker_threads port: delivers the message itself. */
export function nodeEndpoint(port: NodeMessagePort): Endpoint {
  return {
    post: (m) => port.postMessage(m),
    listen: (handler) => port.on('message', handler),
    close: () => port.close(),
  };
}

/** The shape of Electron's MessagePortMain (main process and utility process), without importing electron. */
export interface MessagePortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** Electron's MessagePortMain: delivers an event carrying .data, and queues until started. */
export function electronEndpoint(port: MessagePortMainLike): Endpoint {
  return {
    post: (m) => port.postMessage(m),
    listen: (handler) => {
      port.on('message', (e) => handler(e.data as TransportMessage));
      port.start();
    },
    close: () => port.close(),
  };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What the host opens once the caller says which workspace: the contract's calls (dispatch, injected
 * so this module stays free of the core and the main process's bundle stays free of the database),
 * and how to close them.
 */
export interface OpenedCore {
  call(name: string, input: unknown): Promise<Envelope>;
  close(): void;
}

/**
 * The host's end: waits for `open`, opens the core with door capabilities that ask the caller, then
 * answers every call, several at a time.
 * `onClosed` runs after the core closed on the caller's request (a utility process exits there).
 */
export function serveCore(endpoint: Endpoint, open: (request: CoreOpen, door: DoorCapabilities) => OpenedCore | Promise<OpenedCore>, onClosed: () => void = () => undefined): void {
  let core: OpenedCore | undefined;
  let opening = false;
  let nextDoorId = 1;
  const doorWaiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  const askDoor = (name: string, args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextDoorId++;
      doorWaiting.set(id, { resolve, reject });
      endpoint.post({ type: 'door', id, name, args });
    });

  endpoint.listen((m) => {
    if (m.type === 'open' && !core && !opening) {
      opening = true;
      const door = Object.fromEntries(m.open.doors.map((name) => [name, (...args: unknown[]) => askDoor(name, args)])) as DoorCapabilities;
      // Opening may ask the caller first (a damaged workspace: restore its backup?), so it may take a while.
      Promise.resolve()
        .then(() => open(m.open, door))
        .then(
          (opened) => {
            core = opened;
            endpoint.post({ type: 'ready' });
          },
          (e) => endpoint.post({ type: 'failed', error: { code: 'internal', message: message(e) } }),
        );
    } else if (m.type === 'call') {
      if (!core) {
        endpoint.post({ type: 'result', id: m.id, result: { ok: false, error: { code: 'internal', message: 'the core is not open' } } });
        return;
      }
      void core.call(m.name, m.input).then((result) => endpoint.post({ type: 'result', id: m.id, result }));
    } else if (m.type === 'door-result') {
      const waiting = doorWaiting.get(m.id);
      doorWaiting.delete(m.id);
      if (m.result.ok) waiting?.resolve(m.result.value);
      else waiting?.reject(new Error(m.result.error.message));
    } else if (m.type === 'close') {
      try {
        core?.close();
      } finally {
        core = undefined;
        endpoint.post({ type: 'closed' });
        endpoint.close();
        onClosed();
      }
    }
  });
}

/** The caller's end of the core. */
export interface CoreConnection {
  /** Resolves when the workspace is open; rejects with the host's message when it cannot be. */
  readonly ready: Promise<void>;
  /** One operation of the contract; never rejects: a failure is an envelope with a code. */
  call(name: string, input: unknown): Promise<Envelope>;
  /** Asks the host to close the workspace; resolves when it has (or after `timeoutMs`). */
  close(timeoutMs?: number): Promise<void>;
  /** The host is gone (its process or thread exited): every waiting and later call gets `reason`. */
  stopped(reason: string): void;
}

export type DoorHandlers = Record<string, (...args: never[]) => Promise<unknown>>;

/** The caller's end: opens the core, sends calls, answers the host's door requests with `door`. */
export function connectCore(endpoint: Endpoint, open: Omit<CoreOpen, 'doors'>, door: DoorHandlers = {}): CoreConnection {
  let nextId = 1;
  const waiting = new Map<number, (r: Envelope) => void>();
  let stoppedReason: string | null = null;
  let readyResolve!: () => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((readyResolve = resolve), (readyReject = reject)));
  ready.catch(() => undefined);
  let closedResolve: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closedResolve = resolve));

  endpoint.listen((m) => {
    if (m.type === 'ready') readyResolve();
    else if (m.type === 'failed') readyReject(new Error(m.error.message));
    else if (m.type === 'result') {
      const answer = waiting.get(m.id);
      waiting.delete(m.id);
      answer?.(m.result);
    } else if (m.type === 'door') {
      const handler = Object.prototype.hasOwnProperty.call(door, m.name) ? door[m.name] : undefined;
      const reply = (result: Envelope) => endpoint.post({ type: 'door-result', id: m.id, result });
      if (!handler) reply({ ok: false, error: { code: 'refused', message: `the desktop app offers no "${m.name}"` } });
      else
        (handler as (...a: unknown[]) => Promise<unknown>)(...m.args).then(
          (value) => reply({ ok: true, value }),
          (e) => reply({ ok: false, error: { code: 'internal', message: message(e) } }),
        );
    } else if (m.type === 'closed') closedResolve();
  });
  endpoint.post({ type: 'open', open: { ...open, doors: Object.keys(door) } });

  const stopped = (reason: string) => {
    if (stoppedReason !== null) return;
    stoppedReason = reason;
    readyReject(new Error(reason));
    for (const answer of waiting.values()) answer({ ok: false, error: { code: 'internal', message: reason } });
    waiting.clear();
    closedResolve();
  };

  return {
    ready,
    call(name, input) {
      if (stoppedReason !== null) return Promise.resolve({ ok: false, error: { code: 'internal', message: stoppedReason } });
      const id = nextId++;
      return new Promise<Envelope>((resolve) => {
        waiting.set(id, resolve);
        endpoint.post({ type: 'call', id, name, input });
      });
    },
    async close(timeoutMs = 5000) {
      if (stoppedReason !== null) return;
      endpoint.post({ type: 'close' });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      // A call made from now on is answered at once instead of waiting on a closed port.
      stopped('the Bluehelm core is closed');
      endpoint.close();
    },
    stopped,
  };
}
