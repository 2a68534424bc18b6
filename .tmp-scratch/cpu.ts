import { execSync } from 'node:child_process';
import { startLiveKit } from '../test/harness/livekit.ts';
import { startPublisher } from '../test/harness/publisher-client.ts';
async function main() {
const lk = await startLiveKit();
const pub = await startPublisher({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, room: 'x', identity: 'p' });
await pub.publishVideo(); await pub.publishAudio();
await new Promise(r => setTimeout(r, 5000));
const t0 = (pid: number) => execSync(`cat /proc/${pid}/stat`).toString().split(' ').slice(13, 15).map(Number).reduce((a, b) => a + b);
const a1 = t0(pub.process.pid!), l1 = t0(lk.process.pid!);
await new Promise(r => setTimeout(r, 10000));
const a2 = t0(pub.process.pid!), l2 = t0(lk.process.pid!);
console.log('publisher cpu %', (a2 - a1) / 10, 'livekit cpu %', (l2 - l1) / 10);
console.log(JSON.stringify(await pub.status()));
await pub.disconnect(); await lk.stop();
}
main();
