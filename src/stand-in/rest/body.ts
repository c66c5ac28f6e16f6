import type { IncomingMessage } from 'node:http';

export interface UploadedFile {
  /** n of the `files[n]` form field. */
  index: number;
  filename: string;
  contentType: string;
  size: number;
  /** The uploaded bytes, so tests can check what a member would see (e.g. a PNG chart). */
  data: Buffer;
}

export interface ParsedBody {
  json: unknown;
  files: UploadedFile[];
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads a REST body: JSON, or multipart with `payload_json` plus `files[n]` (discord.js sends files so). */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readAll(req);
  if (raw.length === 0) return { json: undefined, files: [] };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    // The platform's Response already knows how to parse multipart; no hand-written parser needed.
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const payload = form.get('payload_json');
    const files: UploadedFile[] = [];
    for (const [name, value] of form.entries()) {
      const match = /^files\[(\d+)\]$/.exec(name);
      if (match && typeof value !== 'string') {
        files.push({
          index: Number(match[1]),
          filename: value.name,
          contentType: value.type || 'application/octet-stream',
          size: value.size,
          data: Buffer.from(await value.arrayBuffer()),
        });
      }
    }
    return { json: typeof payload === 'string' ? JSON.parse(payload) : undefined, files };
  }
  return { json: JSON.parse(raw.toString('utf8')), files: [] };
}
