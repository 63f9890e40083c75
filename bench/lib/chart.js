function drawChart() {}
module.exports = { drawChart };
