import { startLiveKit } from '/work/main/test/harness/livekit.ts';
const lk = await startLiveKit();
console.log(lk.url, lk.nodeIp);
console.log(lk.logs().slice(0, 3000));
await lk.stop();
console.log('stopped', lk.process.exitCode, lk.process.signalCode);
