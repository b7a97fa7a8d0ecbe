// Unchanged: the request asks for no type (jQuery's `type: 'POST'` and `contentType` are its own
// settings), two presign requests differ, a bare `type` that names a kind, and a URL whose caller is
// not in this file.
import axios from 'axios';

function requestUpload(name) {
  return $.ajax({ url: '/api/imports', type: 'POST', contentType: 'application/json', data: JSON.stringify({ name: name }) });
}

export async function upload(name, csv) {
  const response = await requestUpload(name);
  await axios.put(response.uploadUrl, csv);
}

async function ticketFor(kind) {
  if (kind === 'png') return (await axios.post('/tickets', { contentType: 'image/png' })).data;
  return (await axios.post('/tickets', { contentType: 'image/jpeg' })).data;
}

export async function uploadImage(kind, bytes) {
  const ticket = await ticketFor(kind);
  await axios.put(ticket.uploadUrl, bytes);
}

async function slotFor(kind) {
  return (await axios.post('/slots', { type: kind })).data;
}

export async function uploadSlot(kind, bytes) {
  const slot = await slotFor(kind);
  await axios.put(slot.uploadUrl, bytes);
}

export async function uploadFrom(data, bytes) {
  await axios.put(data.uploadUrl, bytes);
}
