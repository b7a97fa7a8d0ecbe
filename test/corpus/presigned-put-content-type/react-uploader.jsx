// src/components/VideoUploader.jsx: uploads a trimmed clip; the server presigns with the clip's MIME type.
import { useCallback, useState } from 'react';
import PropTypes from 'prop-types';
import { api } from '../api';

async function requestPresigned(file) {
  const { data } = await api.post('/clips/presign', { fileName: file.name, fileType: file.type });
  return data;
}

export default function VideoUploader({ onUploaded }) {
  const [state, setState] = useState({ busy: false, error: null });

  const handleChange = useCallback(
    async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      setState({ busy: true, error: null });
      try {
        const presigned = await requestPresigned(file);
        const bytes = await file.arrayBuffer();
        const response = await fetch(presigned.signedUrl, { method: 'PUT', body: bytes }); // expect: presigned-put-content-type
        if (!response.ok) throw new Error(`Upload failed (${response.status})`);
        onUploaded(presigned.key);
        setState({ busy: false, error: null });
      } catch (error) {
        setState({ busy: false, error: error.message });
      }
    },
    [onUploaded],
  );

  return (
    <div className="video-uploader">
      <input type="file" accept="video/*" onChange={handleChange} disabled={state.busy} />
      {state.busy && <p>Uploading…</p>}
      {state.error && <p role="alert">{state.error}</p>}
    </div>
  );
}

VideoUploader.propTypes = {
  onUploaded: PropTypes.func.isRequired,
};
