// Angular: the upload target is asked for in a method of the service, the PUT runs in switchMap.
import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { Observable, switchMap } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UploadService {
  constructor(private readonly http: HttpClient) {}

  private target(file: File): Observable<{ uploadUrl: string }> {
    return this.http.post<{ uploadUrl: string }>('/api/upload-target', { fileName: file.name, fileType: file.type });
  }

  upload(file: File): Observable<unknown> {
    return this.target(file).pipe(
      switchMap((target) => {
        return this.http.put(target.uploadUrl, file, { headers: { 'Content-Type': file.type } });
      }),
    );
  }
}
