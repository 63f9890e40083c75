// Command-line options shared by the bench scripts: `--name value`, `--name=value`, and
// `--flag` / `--no-flag` for booleans.
function parseArgs(argv, defaults) {
	const options = { ...defaults };
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`Unknown argument: ${argv[i]}`);
		const negated = match[1].startsWith('no-') && match[2] === undefined;
		const name = (negated ? match[1].slice(3) : match[1]).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
		if (negated && typeof defaults[name] === 'boolean') {
			options[name] = false;
			continue;
		}
		if (!(name in defaults)) throw new Error(`Unknown option --${match[1]} (known: ${Object.keys(defaults).join(', ')})`);
		let value = match[2];
		if (value === undefined) {
			if (typeof defaults[name] === 'boolean') value = 'true';
			else value = argv[++i];
		}
		options[name] = typeof defaults[name] === 'boolean' ? value !== 'false' : typeof defaults[name] === 'number' ? Number(value) : value;
	}
	return options;
}

const list = (text) =>
	String(text)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

module.exports = { parseArgs, list };
