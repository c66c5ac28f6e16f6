import { expect } from 'vitest';
import { pngSize } from '../../src/charts/chart';
import type { DiscordStandIn, InteractionHandle } from '../../src/stand-in';

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
