// Saves the editor's document to S3: a GraphQL mutation hands out the presigned URL, the hook PUTs the JSON.
import { useCallback, useState } from 'react';
import { gql, useMutation } from '@apollo/client';

const PRESIGNED_UPLOAD_URL = gql`
  mutation PresignedUploadUrl($filename: String!, $contentType: String!) {
    presignedUploadUrl(filename: $filename, contentType: $contentType) {
      url
      key
    }
  }
`;

export interface EditorState {
  id: string;
  blocks: unknown[];
  updatedAt: string;
}

const uploadStateTo = async (presignedUrl: string, state: EditorState): Promise<Response> => {
  const serialized = JSON.stringify(state);
  const response = await fetch(presignedUrl, { method: 'PUT', body: serialized }); // expect: presigned-put-content-type
  if (!response.ok) throw new Error(`${response.status}: ${response.statusText}`);
  return response;
};

export function useSaveDocument() {
  const [presign] = useMutation(PRESIGNED_UPLOAD_URL);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (state: EditorState) => {
      setSaving(true);
      try {
        const { data } = await presign({ variables: { filename: `${state.id}.json`, contentType: 'application/json' } });
        const { url, key } = data?.presignedUploadUrl ?? {};
        if (!url || !key) throw new Error('no upload URL');
        await uploadStateTo(url, state);
        return key as string;
      } finally {
        setSaving(false);
      }
    },
    [presign],
  );

  return { save, saving };
}
