import { Room, dispose } from '@livekit/rtc-node';
import { AccessToken } from 'livekit-server-sdk';
import { startLiveKit } from '../test/harness/livekit.ts';
import { startPublisher } from '../test/harness/publisher-client.ts';
async function main() {
const lk = await startLiveKit({ logLevel: 'debug' });
const pub = await startPublisher({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, room: 'x', identity: 'p' });
await pub.publishVideo(); await pub.publishAudio();
const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity: 'v' });
at.addGrant({ room: 'x', roomJoin: true, canSubscribe: true });
const room = new Room();
await room.connect(lk.url, await at.toJwt(), { autoSubscribe: true, dynacast: false });
await new Promise(r => setTimeout(r, 3000));
const stats = await room.getRtcStats();
const s = JSON.stringify(stats, (k, v) => typeof v === 'bigint' ? v.toString() : v);
const m = s.match(/"(address|ip|candidateType|protocol|state|nominated)":"?[^,"]*"?/g);
console.log([...new Set(m)].join('\n'));
await room.disconnect(); await pub.disconnect(); await lk.stop(); await dispose();
const logs = lk.logs().match(/"iceServers": \[[^\]]*\]/g)?.slice(0,2) ?? []; console.log("ICE", logs); console.log("google?", [...new Set(lk.logs().match(/.{20}google.{30}/g))]);
console.log(logs.join('\n'));
}
main();
