import { startLiveKit } from '../test/harness/livekit.ts';
import { startPublisher } from '../test/harness/publisher-client.ts';
async function main() {
const lk = await startLiveKit({ logLevel: 'debug' });
const pub = await startPublisher({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, room: 'x', identity: 'p' });
await pub.disconnect(); await lk.stop();
for (const l of lk.logs().split('\n')) { const i = l.indexOf('google'); if (i>=0) console.log(l.slice(Math.max(0,i-300), i+100)); }
const j = lk.logs().indexOf('iceServers'); console.log(lk.logs().slice(j, j+300));
}
main();
