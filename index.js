// n8n does not load this file: it reads the built nodes and credentials listed under
// "n8n" in package.json. It exists so the package has a main entry point.
module.exports = {};
