import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { combine, probe } from '../ffmpeg.js';
import { FAMILY_FILES, FAMILY_SOURCES, type FamilyTracks, type MediaFamily, type RecordingFile } from './recording-model.js';

/** Makes each family's combined file from what is there (unless asked not to) and probes every file. */
export async function finishFiles(
  directory: string,
  makeCombined = true,
  tracks = new Map<MediaFamily, FamilyTracks>(),
  videoOffsets = new Map<MediaFamily, number>(),
): Promise<RecordingFile[]> {
  const present = (name: string) => {
    const path = join(directory, name);
    return existsSync(path) && statSync(path).size > 0 ? path : null;
  };
  const files: RecordingFile[] = [];
  let combineError: Error | undefined;
  for (const family of ['CAMERA', 'SCREEN_SHARE'] as const) {
    const names = FAMILY_FILES[family];
    const video = present(names.VIDEO);
    const audio = present(names.AUDIO);
    if (makeCombined && (video || audio)) {
      await combine(video, audio, join(directory, names.COMBINED), videoOffsets.get(family)).catch((error: Error) => (combineError ??= error));
    }
    const known = tracks.get(family) ?? {};
    for (const kind of ['VIDEO', 'AUDIO', 'COMBINED'] as const) {
      const path = present(names[kind]);
      if (!path) continue;
      const track = kind === 'AUDIO' ? known.AUDIO : (known.VIDEO ?? (kind === 'COMBINED' ? known.AUDIO : undefined));
      const probed = await probe(path).catch(() => ({ durationSec: null, codec: null, width: null, height: null }));
      files.push({
        kind,
        name: names[kind],
        trackSid: track?.sid ?? null,
        source: kind === 'COMBINED' || !track ? FAMILY_SOURCES[family][kind] : track.source,
        path,
        sizeBytes: statSync(path).size,
        ...probed,
      });
    }
  }
  if (combineError) throw new Error(`combining the files failed: ${combineError.message}`);
  return files;
}
