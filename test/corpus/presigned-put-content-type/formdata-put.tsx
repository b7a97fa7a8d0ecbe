// src/features/documents/UploadDialog.tsx: uploads a contract PDF to the URL the API presigned with
// ContentType = file.type.
import { useState, type ChangeEvent } from 'react';
import axios from 'axios';
import { apiClient } from '../../lib/apiClient';

interface PresignResult {
  signedUrl: string;
  key: string;
}

interface Props {
  dealId: string;
  onDone: (key: string) => void;
}

export function UploadDialog({ dealId, onDone }: Props) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function handleFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    try {
      const { data } = await apiClient.get<PresignResult>(`/deals/${dealId}/contract-upload`, {
        params: { fileName: file.name, fileType: file.type },
      });
      const formData = new FormData();
      formData.append('file', file);
      await axios.put(data.signedUrl, formData, { // expect: presigned-put-content-type
        onUploadProgress: (e) => setProgress(e.total ? Math.round((e.loaded / e.total) * 100) : null),
      });
      onDone(data.key);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Upload failed');
    } finally {
      setProgress(null);
    }
  }

  return (
    <div role="dialog" aria-label="Upload contract">
      <input type="file" accept="application/pdf" onChange={handleFile} />
      {progress !== null && <progress max={100} value={progress} />}
      {error && <p className="error">{error}</p>}
    </div>
  );
}
