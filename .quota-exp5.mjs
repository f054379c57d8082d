import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
const srv = createServer((req, res) => { res.setHeader('content-type','text/html'); res.end('<html><body>x</body></html>'); });
await new Promise(r => srv.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${srv.address().port}`;
const persistent = process.argv[2] === 'p';
let ctx;
if (persistent) ctx = await chromium.launchPersistentContext('/tmp/storage-exp/p'+Date.now(), { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
else { const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }); ctx = await b.newContext(); await ctx.newPage(); }
const page = ctx.pages()[0];
await page.goto(url);
const est = () => page.evaluate(async () => JSON.stringify(await navigator.storage.estimate()));
const put = (size, key='k') => page.evaluate(async ([size, key]) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('t', 1); r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const data = new Uint8Array(size); for (let i = 0; i < size; i += 65536) crypto.getRandomValues(data.subarray(i, Math.min(size, i + 65536)));
  try {
    return await new Promise((res) => { const tx = db.transaction('s', 'readwrite'); tx.objectStore('s').put(data, key); tx.oncomplete = () => res('ok'); tx.onabort = () => res('abort ' + tx.error?.name); });
  } finally { db.close(); }
}, [size, key]);
console.log(await put(10), await est());
const cdp = await ctx.newCDPSession(page);
const gq = async () => JSON.stringify(await cdp.send('Storage.getUsageAndQuota', { origin: url }).then(r => [r.usage, r.quota, r.overrideActive]));
await cdp.send('Storage.overrideQuotaForOrigin', { origin: url, quotaSize: 50000 });
console.log('gq', await gq(), await est());
console.log('put 100k', await put(100000, 'k2'), await gq());
console.log('put 10k', await put(10000, 'k3'), await gq());
console.log('put 10', await put(10, 'k4'), await gq());
console.log('put 10 same', await put(10, 'k'), await gq());
await cdp.send('Storage.overrideQuotaForOrigin', { origin: url, quotaSize: 1 });
console.log('q=1 put 10', await put(10, 'k5'), await gq());
await cdp.send('Storage.overrideQuotaForOrigin', { origin: url });
console.log('reset put 100k', await put(100000, 'k6'), await gq());
await ctx.close(); srv.close();
