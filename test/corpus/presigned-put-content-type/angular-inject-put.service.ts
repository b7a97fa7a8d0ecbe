// src/app/shared/services/thumbnail-upload.service.ts: resizes a picked image and PUTs the bytes to a presigned URL.
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, from, switchMap } from 'rxjs';

interface UploadSlot {
  uploadUrl: string;
  publicUrl: string;
}

@Injectable({ providedIn: 'root' })
export class ThumbnailUploadService {
  private readonly http = inject(HttpClient);
  private readonly apiBase = '/api/media';

  requestSlot(name: string): Observable<UploadSlot> {
    return this.http.post<UploadSlot>(`${this.apiBase}/slots`, { name, contentType: 'image/webp' });
  }

  private async toWebp(image: File, width: number): Promise<ArrayBuffer> {
    const bitmap = await createImageBitmap(image);
    const canvas = new OffscreenCanvas(width, Math.round((bitmap.height / bitmap.width) * width));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await canvas.convertToBlob({ type: 'image/webp', quality: 0.85 });
    return blob.arrayBuffer();
  }

  uploadThumbnail(image: File): Observable<string> {
    return this.requestSlot(image.name).pipe(
      switchMap((slot) =>
        from(this.toWebp(image, 320)).pipe(
          switchMap((bytes) => this.http.put(slot.uploadUrl, bytes).pipe(switchMap(() => [slot.publicUrl]))), // expect: presigned-put-content-type
        ),
      ),
    );
  }
}
