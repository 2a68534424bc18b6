import type { ConfigService } from './config.js';
import type { InstanceService } from './instances.js';
import type { MediaService } from './media.js';
import type { RecordingService } from './recordings.js';
import type { Reconciler } from './reconciler.js';
import type { RoomDirectory } from './rooms.js';
import type { WatchRuleService } from './watch-rule-service.js';
import type { SessionService } from './sessions.js';
import type { RoomControl } from './room-control.js';

/** The services a request can reach; built once by the app. */
export interface Services {
  config: ConfigService;
  sessions: SessionService;
  media: MediaService;
  recordings: RecordingService;
  rooms: RoomDirectory;
  watchRules: WatchRuleService;
  reconciler: Reconciler;
  instances: InstanceService;
  control: RoomControl;
}
