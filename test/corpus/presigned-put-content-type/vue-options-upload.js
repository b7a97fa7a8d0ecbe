// src/components/CoverUpload.js: Vue 2 options component; asks for an upload URL, then PUTs the cover image.
import axios from 'axios';

export default {
  name: 'CoverUpload',
  props: { bookId: { type: String, required: true } },
  data() {
    return { file: null, uploadUrl: '', busy: false, error: '' };
  },
  methods: {
    onPick(event) {
      this.file = event.target.files[0] || null;
    },
    async requestUrl() {
      const { data } = await axios.post(`/api/books/${this.bookId}/cover`, {
        fileName: this.file.name,
        fileType: this.file.type,
      });
      this.uploadUrl = data.uploadUrl;
    },
    async submit() {
      if (!this.file) return;
      this.busy = true;
      try {
        await this.requestUrl();
        await axios.put(this.uploadUrl, this.file); // expect: presigned-put-content-type
        this.$emit('uploaded', this.uploadUrl.split('?')[0]);
      } catch (err) {
        this.error = err.message;
      } finally {
        this.busy = false;
      }
    },
  },
  template: '<form @submit.prevent="submit"><input type="file" @change="onPick"><button :disabled="busy">Upload</button></form>',
};
