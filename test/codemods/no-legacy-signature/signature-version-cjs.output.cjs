// Global aws-sdk v2 config in CommonJS, through update, assignment and new AWS.Config.
const AWS = require('aws-sdk')
const { S3: Storage } = require('aws-sdk')

AWS.config.update({ region: 'us-east-1', signatureVersion: 'v4' })
AWS.config.signatureVersion = 'v4'
AWS.config = new AWS.Config({ signatureVersion: 'v4', region: 'eu-central-1' })

const storage = new Storage({ endpoint: 'https://s3.eu-central-1.amazonaws.com', signatureVersion: 'v4' })

module.exports = { storage }
