// src/app/core/upload.service.ts: Angular service for receipt scans. The API presigns a PUT with
// ContentType = the file's type; the scan is sent as a multipart form, as the old POST endpoint wanted.
import { Injectable } from '@angular/core';
import { HttpClient, HttpEvent, HttpEventType } from '@angular/common/http';
import { Observable, filter, map, switchMap } from 'rxjs';

export interface UploadTarget {
  uploadUrl: string;
  key: string;
}

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  private target(file: File): Observable<UploadTarget> {
    return this.http.post<UploadTarget>('/api/receipts/upload-target', { fileName: file.name, fileType: file.type });
  }

  uploadReceipt(file: File): Observable<number | string> {
    return this.target(file).pipe(
      switchMap((target) => {
        const form = new FormData();
        form.append('file', file, file.name);
        return this.http // expect: presigned-put-content-type
          .put(target.uploadUrl, form, { reportProgress: true, observe: 'events' })
          .pipe(map((event: HttpEvent<unknown>) => this.progressOrKey(event, target.key)));
      }),
      filter((value): value is number | string => value !== undefined),
    );
  }

  private progressOrKey(event: HttpEvent<unknown>, key: string): number | string | undefined {
    if (event.type === HttpEventType.UploadProgress) return event.total ? Math.round((100 * event.loaded) / event.total) : 0;
    if (event.type === HttpEventType.Response) return key;
    return undefined;
  }
}
