// src/services/media.ts: signed URLs for the course videos (aws-sdk v2; the app predates v3).
import { promisify } from 'util';
import * as aws from 'aws-sdk';
import { Course } from '../models/course';

aws.config.update({
  region: process.env.AWS_REGION,
  accessKeyId: process.env.AWS_ACCESS_KEY_ID,
  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
});

const s3 = new aws.S3(); // expect: require-sigv4-presign
const getSignedUrlAsync = promisify(s3.getSignedUrl.bind(s3));

const VIDEO_BUCKET = process.env.VIDEO_BUCKET ?? 'course-videos';
const STREAM_TTL = 6 * 60 * 60;

export async function lessonVideoUrl(courseId: string, lessonId: string, userId: string): Promise<string> {
  const course = await Course.findById(courseId);
  if (!course) throw new Error(`course ${courseId} not found`);
  if (!course.enrolled.includes(userId)) throw new Error('not enrolled');
  const lesson = course.lessons.find((item: { id: string }) => item.id === lessonId);
  if (!lesson) throw new Error(`lesson ${lessonId} not found`);
  return getSignedUrlAsync('getObject', { Bucket: VIDEO_BUCKET, Key: lesson.videoKey, Expires: STREAM_TTL });
}

export async function subtitleUrls(courseId: string, keys: string[]): Promise<string[]> {
  return Promise.all(
    keys.map((key) => getSignedUrlAsync('getObject', { Bucket: VIDEO_BUCKET, Key: `${courseId}/subtitles/${key}`, Expires: STREAM_TTL })),
  );
}
