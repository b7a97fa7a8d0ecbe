'use client';
// src/stores/upload-store.ts: one store drives the upload dialog: it fetches the presigned URL, keeps it, PUTs the file.
import axios from 'axios';
import { create } from 'zustand';

type Status = 'idle' | 'signing' | 'uploading' | 'done' | 'error';

interface UploadStore {
  status: Status;
  progress: number;
  uploadUrl: string | null;
  requestUrl: (file: File) => Promise<void>;
  upload: (file: File) => Promise<void>;
}

export const useUploadStore = create<UploadStore>((set, get) => ({
  status: 'idle',
  progress: 0,
  uploadUrl: null,
  async requestUrl(file) {
    set({ status: 'signing' });
    const { data } = await axios.post<{ uploadUrl: string }>('/api/uploads', { name: file.name, type: file.type });
    set({ uploadUrl: data.uploadUrl });
  },
  async upload(file) {
    const { uploadUrl } = get();
    if (!uploadUrl) throw new Error('requestUrl first');
    set({ status: 'uploading', progress: 0 });
    try {
      await axios.put(uploadUrl, file, { // expect: presigned-put-content-type
        onUploadProgress: (event) => set({ progress: event.total ? Math.round((event.loaded / event.total) * 100) : 0 }),
      });
      set({ status: 'done', progress: 100 });
    } catch {
      set({ status: 'error' });
    }
  },
}));
