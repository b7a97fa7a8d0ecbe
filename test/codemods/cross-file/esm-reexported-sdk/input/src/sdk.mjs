import AWS from 'aws-sdk';

AWS.config.update({ maxRetries: 5 });

export default AWS;
