// A plain HTTP forward proxy on loopback, for the Request Options → Proxy test: it records
// each request (an absolute URL, as clients send to a proxy) and passes it on unchanged.
// Hand-written because the maintained proxy servers on npm (proxy, proxy-chain) are
// ES modules only, which Jest's CommonJS runtime cannot load.
const http = require('node:http');

function createForwardProxy() {
	const proxy = {
		requests: [],
		url: undefined,
		server: http.createServer((req, res) => {
			proxy.requests.push({ method: req.method, url: req.url, headers: req.headers });
			const upstream = http.request(req.url, { method: req.method, headers: req.headers }, (answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			});
			upstream.on('error', () => res.writeHead(502).end());
			req.pipe(upstream);
		}),
		async start() {
			await new Promise((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
			proxy.url = `http://127.0.0.1:${proxy.server.address().port}`;
			return proxy;
		},
		async stop() {
			proxy.server.closeAllConnections();
			await new Promise((resolve) => proxy.server.close(resolve));
		},
	};
	return proxy;
}

module.exports = { createForwardProxy };
