// Browser upload of a generated chart, in a codebase without semicolons.
import AWS from 'aws-sdk'

const s3 = new AWS.S3({ signatureVersion: 'v4' })

export function uploadChart(canvasBytes) {
  const signedUrl = s3.getSignedUrl('putObject', { Bucket: 'charts', Key: 'chart.png', ContentType: 'image/png' })
  const chart = new Blob([canvasBytes])
  const xhr = new XMLHttpRequest()
  xhr.open('PUT', signedUrl) // async by default
  xhr.setRequestHeader('Content-Type', 'image/png')
  xhr.send(chart)
  return xhr
}
