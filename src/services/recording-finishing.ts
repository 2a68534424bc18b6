import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { combine, combineCopy, concatCopy, probe, remux } from '../ffmpeg.js';
import {
  FAMILY_FILES,
  FAMILY_SOURCES,
  familyFileNames,
  PARTS_FILE,
  PASSTHROUGH_FILES,
  rawPartName,
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
  const placements = readPlacements(directory);
  for (const raw of [names.raw.video, names.raw.opus]) {
    const parts = rawParts(directory, raw);
    for (const part of parts) if (statSync(part).size === 0) rmSync(part, { force: true });
    const written = parts.filter((part) => existsSync(part));
    if (written.length === 0) continue;
    const fourCc = raw === names.raw.opus ? 'Opus' : ivfFourCc(written[0]!);
    const output = raw === names.raw.opus ? names.AUDIO : fourCc === 'H264' ? names.VIDEO.mp4 : names.VIDEO.webm;
    // A part in another codec (a track published again differently) cannot be joined by copying.
    const joinable = written.filter((part) => raw === names.raw.opus || ivfFourCc(part) === fourCc);
    try {
      if (joinable.length === 1) await remux(joinable[0]!, join(directory, output));
      else {
        let previous = 0;
        const placed = joinable.map((path) => {
          const at = placements[basename(path)];
          // A part whose start was not written down (a crash) follows the one before.
          previous = typeof at === 'number' && at >= previous ? at : previous;
          return { path, atSec: previous };
        });
        await concatCopy(placed, join(directory, output));
      }
    } catch (error) {
      rmSync(join(directory, output), { force: true });
      throw new Error(`remuxing ${raw} failed: ${(error as Error).message}`);
    }
    for (const part of written) rmSync(part, { force: true });
  }
}

/** A raw file's parts that are there (video.ivf, video.2.ivf, …), in order. */
function rawParts(directory: string, raw: string): string[] {
  const names = new Set(readdirSync(directory));
  const parts: string[] = [];
  for (let index = 0; index < names.size; index += 1) if (names.has(rawPartName(raw, index))) parts.push(join(directory, rawPartName(raw, index)));
  return parts;
}

function readPlacements(directory: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(directory, PARTS_FILE), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
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
  rmSync(join(directory, PARTS_FILE), { force: true });
  return files;
}
