// gulpfile.js: publishes the docs site; the signatureVersion inside `credentials` is a setting aws-sdk never reads there.
const gulp = require('gulp');
const awspublish = require('gulp-awspublish');

const config = {
  params: { Bucket: process.env.DOCS_BUCKET },
  credentials: {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
    signatureVersion: 'v3',
  },
  region: process.env.AWS_DEFAULT_REGION,
};

gulp.task('publish', () => {
  const publisher = awspublish.create(config);
  return gulp
    .src('site/**/*')
    .pipe(publisher.publish({ 'Cache-Control': 'max-age=300, public' }))
    .pipe(publisher.sync())
    .pipe(awspublish.reporter());
});
