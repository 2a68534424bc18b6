import { execFileSync } from 'node:child_process';
import { ffmpegPath, ffprobePath } from '../../src/ffmpeg.js';

export interface Probed {
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; nb_read_packets?: string; start_time?: string; duration?: string }[];
  format: { duration?: string; format_name?: string };
}

/** What ffprobe reads from a file, with every packet counted. */
export function ffprobe(path: string): Probed {
  return JSON.parse(
    execFileSync(ffprobePath(), ['-v', 'error', '-count_packets', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' }),
  ) as Probed;
}

/** Decodes the whole file and fails on the first damaged frame or packet. */
export function decodes(path: string): void {
  execFileSync(ffmpegPath(), ['-v', 'error', '-xerror', '-i', path, '-f', 'null', '-']);
}

/** Every packet of the first stream: its time and whether it is a keyframe, in time order. */
export function packetsOf(path: string, stream = '0'): { time: number; key: boolean }[] {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-select_streams', stream, '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', path], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return out
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [time, flags] = line.split(',');
      return { time: Number(time), key: (flags ?? '').includes('K') };
    })
    .sort((a, b) => a.time - b.time);
}
