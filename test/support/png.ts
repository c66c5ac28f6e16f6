import { expect } from 'vitest';
import type { DiscordStandIn, InteractionHandle } from '../../src/stand-in';

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(magic)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The PNG a bot uploaded with an interaction's callback: checks the magic bytes and returns the size. */
export async function uploadedPng(
  standIn: DiscordStandIn,
  handle: Pick<InteractionHandle, 'id' | 'token'>,
  name: string,
): Promise<{ width: number; height: number; bytes: Buffer }> {
  const request = await standIn.waitForRequest(
    (r) =>
      r.path.startsWith(`/interactions/${handle.id}/${handle.token}/callback`) && (r.files?.length ?? 0) > 0,
  );
  const file = request.files!.find((f) => f.filename === name);
  expect(file, `file ${name}`).toBeDefined();
  expect(file!.contentType).toBe('image/png');
  const size = pngSize(file!.data);
  expect(size, 'PNG magic bytes').not.toBeNull();
  return { ...size!, bytes: file!.data };
}
