// src/components/AvatarUpload.js: Vue options component; the PUT repeats the type the server presigned with.
import axios from 'axios';

export default {
  name: 'AvatarUpload',
  data() {
    return { file: null, uploadUrl: '', done: false };
  },
  methods: {
    async requestUrl() {
      const { data } = await axios.post('/api/me/avatar', { fileName: this.file.name, fileType: this.file.type });
      this.uploadUrl = data.uploadUrl;
    },
    async submit() {
      await this.requestUrl();
      const headers = { 'Content-Type': this.file.type };
      await axios.put(this.uploadUrl, this.file, { headers });
      this.done = true;
    },
  },
};
