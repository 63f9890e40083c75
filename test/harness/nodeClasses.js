// The compiled node classes of the package, by node name (as in their node type).
module.exports = {
	ataraPay: require('../../dist/nodes/AtaraPay/AtaraPay.node').AtaraPay,
	fatora: require('../../dist/nodes/Fatora/Fatora.node').Fatora,
	chargeworx: require('../../dist/nodes/Chargeworx/Chargeworx.node').Chargeworx,
	instantpay: require('../../dist/nodes/Instantpay/Instantpay.node').Instantpay,
	apipagos: require('../../dist/nodes/Apipagos/Apipagos.node').Apipagos,
};
