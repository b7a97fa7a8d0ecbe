// src/app/core/upload.service.ts: PUTs a picked file to the URL the API presigned for its type.
import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { Observable, switchMap } from 'rxjs';

interface Slot {
  signedUrl: string;
  key: string;
}

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  upload(file: File): Observable<Slot> {
    return this.http.post<Slot>('/api/uploads/presigned', { name: file.name, type: file.type }).pipe(
      switchMap((slot) => {
        const headers = new HttpHeaders({ 'Content-Type': file.type });
        return this.http.put(slot.signedUrl, file, { headers }).pipe(switchMap(() => [slot]));
      }),
    );
  }
}
