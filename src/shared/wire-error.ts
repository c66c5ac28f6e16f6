/** An error as plain data, to cross between threads (postMessage copies data, not Error subclasses). */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/** The thread's error as an Error of this side, keeping its name, code and the thread's stack. */
export function fromWire(wire: WireError): Error {
  const error = new Error(wire.message) as Error & { code?: string };
  error.name = wire.name;
  if (wire.code !== undefined) error.code = wire.code;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
