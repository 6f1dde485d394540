// A small server-sent events reader over fetch, for tests: what a browser's EventSource does,
// minus the automatic reconnect (tests reconnect themselves, with Last-Event-ID).

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  contentType: string | null;
  /** Comments received so far (": ping" arrives as "ping"). */
  comments: string[];
  /** Resolves with the next event, or rejects after `timeoutMs` or when the stream ends first. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** The next event of this type (events of other types are dropped). */
  nextOf(type: string, timeoutMs?: number): Promise<SseEvent>;
  /** Events received and not yet taken by next(). */
  buffered(): SseEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const queue: SseEvent[] = [];
  const comments: string[] = [];
  let waiter: (() => void) | null = null;
  let done = false;
  let endedResolve = () => {};
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));
  const wake = () => {
    const w = waiter;
    waiter = null;
    w?.();
  };

  const isStream = response.ok && (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
  if (isStream && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done: finished } = await reader.read();
          if (finished) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: SseEvent = { id: undefined, event: 'message', data: '' };
            const data: string[] = [];
            let any = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) {
                comments.push(line.slice(1).trim());
                continue;
              }
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'id') event.id = value;
              else if (field === 'event') event.event = value;
              else if (field === 'data') data.push(value);
              else continue;
              any = true;
            }
            if (!any || (data.length === 0 && event.event === 'message')) continue;
            event.data = data.join('\n');
            queue.push(event);
          }
          wake();
        }
      } catch {
        // Aborted by close(), or the connection broke.
      } finally {
        done = true;
        endedResolve();
        wake();
      }
    })();
  } else {
    done = true;
    endedResolve();
  }

  const next = async (timeoutMs = 5000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = queue.shift();
      if (event) return event;
      if (done) throw new Error('the stream ended before the next event');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiter = () => (clearTimeout(timer), resolve());
      });
    }
  };

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    comments,
    next,
    async nextOf(type, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const event = await next(Math.max(1, deadline - Date.now()));
        if (event.event === type) return event;
      }
    },
    buffered: () => [...queue],
    ended,
    close() {
      controller.abort();
    },
  };
}
