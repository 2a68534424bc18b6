import type { RecordingMode } from '../services/recording-model.js';
import { builder } from './builder.js';

export const RecordingModeEnum = builder.enumType('RecordingMode', {
  description: 'How a recording is made',
  values: {
    PASSTHROUGH: {
      description:
        'The media as the publisher sent it, never decoded (the media tap): VP8/VP9 and Opus in WebM, H.264 in MP4; needs the tap built by npm install (config.passthroughAvailable)',
    },
    TRANSCODE: { description: 'Decoded and encoded again: H.264 MP4 and WAV whatever the publisher sent; costs a core per two or three participants' },
  } as const satisfies Record<RecordingMode, object>,
});
