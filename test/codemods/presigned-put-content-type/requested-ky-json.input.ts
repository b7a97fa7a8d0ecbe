// ky: the ticket request asks for an image/png URL in its JSON body.
import ky from 'ky';

const api = ky.create({ prefixUrl: '/api' });

export async function uploadAvatar(png: Blob): Promise<void> {
  const ticket = await api.post('avatar/ticket', { json: { contentType: 'image/png' } }).json<{ putUrl: string }>();
  await ky.put(ticket.putUrl, { body: new Blob([await png.arrayBuffer()]) });
}
