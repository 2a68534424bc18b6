import { builder } from './builder.js';
import './config.js';
import './sessions.js';
import './recordings.js';
import './session-events.js';
import './media.js';
import './rooms.js';
import './watch-rules.js';
import './instances.js';

export const schema = builder.toSchema({ sortSchema: false });
