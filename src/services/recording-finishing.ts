import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { combine, combineCopy, probe, remux } from '../ffmpeg.js';
import {
  FAMILY_FILES,
  FAMILY_SOURCES,
  familyFileNames,
  PASSTHROUGH_FILES,
  type FamilyTracks,
  type MediaFamily,
  type RecordingFile,
} from './recording-model.js';

/**
 * Turns what the media tap wrote (IVF, Ogg: playable up to where a crash cut them) into the files a
 * browser plays, copying the packets: an IVF file of VP8 or VP9 into WebM, of H.264 into MP4 (its
 * header's FourCC says which), Ogg Opus into WebM. The tap's files go once their copy is made.
 */
async function remuxTapFiles(directory: string, family: MediaFamily): Promise<void> {
  const names = PASSTHROUGH_FILES[family];
  for (const raw of [names.raw.video, names.raw.opus]) {
    const rawPath = join(directory, raw);
    if (!existsSync(rawPath)) continue;
    if (statSync(rawPath).size === 0) {
      rmSync(rawPath, { force: true });
      continue;
    }
    const output = raw === names.raw.opus ? names.AUDIO : ivfFourCc(rawPath) === 'H264' ? names.VIDEO.mp4 : names.VIDEO.webm;
    try {
      await remux(rawPath, join(directory, output));
    } catch (error) {
      rmSync(join(directory, output), { force: true });
      throw new Error(`remuxing ${raw} failed: ${(error as Error).message}`);
    }
    rmSync(rawPath, { force: true });
  }
}

/** The codec an IVF file's header names (VP80, VP90, H264). */
function ivfFourCc(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, head.length, 0);
    return head.subarray(8, 12).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** Makes each family's combined file from what is there (unless asked not to) and probes every file. */
export async function finishFiles(
  directory: string,
  makeCombined = true,
  tracks = new Map<MediaFamily, FamilyTracks>(),
  videoOffsets = new Map<MediaFamily, number>(),
): Promise<RecordingFile[]> {
  const present = (names: string[]) => {
    for (const name of names) {
      const path = join(directory, name);
      if (existsSync(path) && statSync(path).size > 0) return { name, path };
    }
    return null;
  };
  const files: RecordingFile[] = [];
  let finishError: Error | undefined;
  for (const family of ['CAMERA', 'SCREEN_SHARE'] as const) {
    await remuxTapFiles(directory, family).catch((error: Error) => (finishError ??= error));
    const video = present(familyFileNames(family, 'VIDEO'));
    const audio = present(familyFileNames(family, 'AUDIO'));
    if (makeCombined && (video || audio)) {
      // Passthrough files (WebM, or H.264 MP4 beside WebM audio) are combined by copying their packets.
      const passthrough = video?.name.endsWith('.webm') || audio?.name.endsWith('.webm');
      const offset = videoOffsets.get(family);
      const combined = passthrough
        ? join(directory, video?.name.endsWith('.mp4') ? PASSTHROUGH_FILES[family].COMBINED.mp4 : PASSTHROUGH_FILES[family].COMBINED.webm)
        : join(directory, FAMILY_FILES[family].COMBINED);
      await (passthrough ? combineCopy(video?.path ?? null, audio?.path ?? null, combined, offset) : combine(video?.path ?? null, audio?.path ?? null, combined, offset)).catch(
        (error: Error) => (finishError ??= new Error(`combining the files failed: ${error.message}`)),
      );
    }
    const known = tracks.get(family) ?? {};
    for (const kind of ['VIDEO', 'AUDIO', 'COMBINED'] as const) {
      const file = present(familyFileNames(family, kind));
      if (!file) continue;
      const track = kind === 'AUDIO' ? known.AUDIO : (known.VIDEO ?? (kind === 'COMBINED' ? known.AUDIO : undefined));
      const probed = await probe(file.path).catch(() => ({ durationSec: null, codec: null, width: null, height: null }));
      files.push({
        kind,
        name: file.name,
        trackSid: track?.sid ?? null,
        source: kind === 'COMBINED' || !track ? FAMILY_SOURCES[family][kind] : track.source,
        path: file.path,
        sizeBytes: statSync(file.path).size,
        ...probed,
      });
    }
  }
  if (finishError) throw finishError;
  return files;
}
