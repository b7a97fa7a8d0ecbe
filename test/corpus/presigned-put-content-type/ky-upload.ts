// app/lib/avatar.ts (SvelteKit client): crops the avatar to a square PNG and uploads it.
import ky from 'ky';

interface AvatarTicket {
  putUrl: string;
  publicUrl: string;
}

const api = ky.create({ prefixUrl: '/api', credentials: 'include' });

async function cropToSquare(file: File, size = 256): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas not supported');
  context.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, size, size);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Blob([await blob.arrayBuffer()]);
}

export async function uploadAvatar(file: File): Promise<string> {
  const ticket = await api.post('avatar/ticket', { json: { contentType: 'image/png' } }).json<AvatarTicket>();
  const png = await cropToSquare(file);
  await ky.put(ticket.putUrl, { body: png, retry: 0 }); // expect: presigned-put-content-type
  return ticket.publicUrl;
}
