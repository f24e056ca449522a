export { distributionOf, percentile, type Distribution } from '../sim/metrics.js';
